package fr.dataterritoires.datasetsearch.integration.harvest.dcat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.integration.harvest.DescriptionDraft;
import fr.dataterritoires.datasetsearch.integration.harvest.Producers;
import fr.dataterritoires.datasetsearch.integration.harvest.TerritoryResolver;
import fr.dataterritoires.datasetsearch.integration.harvest.Vocabularies;

/** Maps the dcat:Dataset resources of an RDF graph (DCAT-AP, GeoDCAT-AP, udata and CKAN exports) to descriptions. */
@Component
public class DcatMapper {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String SCHEMA = "http://schema.org/";
    static final String SCHEMA_S = "https://schema.org/";
    static final String LOCN = "http://www.w3.org/ns/locn#";
    static final String TIME = "http://www.w3.org/2006/time#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String ADMS = "http://www.w3.org/ns/adms#";

    private static final Pattern SCHEMA_DATAGOUV = Pattern.compile(
            "schema\\.data\\.gouv\\.fr/(?:schemas/)?([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(?:/(\\d[^/]*|latest))?");

    /** Hands every dataset of {@code model} to {@code sink}; {@code where} names the page, for records without id. */
    public int map(Model model, HarvestSource source, String where, Consumer<HarvestItem> sink) {
        List<Resource> datasets = datasets(model);
        int position = 0;
        for (Resource dataset : datasets) {
            position++;
            sink.accept(item(dataset, source, where + "#" + position));
        }
        return datasets.size();
    }

    /** dcat:Dataset resources, and the members of dataset series even when not typed, in a stable order. */
    static List<Resource> datasets(Model model) {
        Set<Resource> found = new LinkedHashSet<>();
        model.listSubjectsWithProperty(RDF.type, model.createResource(DCAT + "Dataset")).forEachRemaining(found::add);
        model.listSubjectsWithProperty(model.createProperty(DCAT, "inSeries")).forEachRemaining(found::add);
        List<Resource> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(r -> r.isURIResource() ? "0" + r.getURI() : "1" + r.getId().getLabelString()));
        return sorted;
    }

    HarvestItem item(Resource dataset, HarvestSource source, String fallbackKey) {
        String key = recordKey(dataset, fallbackKey);
        String raw = turtle(dataset);
        try {
            DescriptionDraft draft = draft(dataset);
            return new HarvestItem.Parsed(key, draft.build(source), raw);
        } catch (IllegalArgumentException incomplete) {
            return new HarvestItem.Failed(key, raw, "Fiche DCAT incomplète : " + incomplete.getMessage() + ".");
        } catch (RuntimeException unexpected) {
            return new HarvestItem.Failed(key, raw, "Fiche DCAT illisible : " + unexpected + ".");
        }
    }

    private static String recordKey(Resource dataset, String fallbackKey) {
        if (dataset.isURIResource()) {
            return dataset.getURI();
        }
        String identifier = literal(dataset, DCT, "identifier");
        return identifier != null ? identifier : fallbackKey;
    }

    DescriptionDraft draft(Resource d) {
        DescriptionDraft draft = new DescriptionDraft();
        draft.sourceUri = d.isURIResource() ? d.getURI() : literal(d, DCT, "identifier");
        draft.title = literal(d, DCT, "title");
        draft.description = firstNonNull(literal(d, DCT, "description"), literal(d, DCT, "abstract"));
        draft.landingPage = firstNonNull(uriOrLiteral(d, DCAT, "landingPage"), uriOrLiteral(d, FOAF, "homepage"));
        keywords(d, draft);
        for (RDFNode theme : objects(d, DCAT, "theme")) {
            draft.themes.add(theme.isURIResource() ? theme.asResource().getURI() : label(theme));
        }
        publisher(d, draft);
        contact(d, draft);
        draft.licence = licence(d);
        distributions(d, draft);
        for (RDFNode rights : objects(d, DCT, "accessRights")) {
            AccessLevel level = Vocabularies.accessLevel(rights.isURIResource() ? rights.asResource().getURI()
                    : label(rights));
            if (level != null && draft.accessLevel == null) {
                draft.accessLevel = level;
                if (level != AccessLevel.OPEN && !rights.isURIResource()) {
                    draft.accessProcedure = label(rights);
                }
            }
        }
        spatial(d, draft);
        temporal(d, draft);
        for (RDFNode frequency : objects(d, DCT, "accrualPeriodicity")) {
            draft.frequency(Vocabularies.frequency(frequency.isURIResource() ? frequency.asResource().getURI()
                    : label(frequency)));
        }
        draft.issued = Vocabularies.instant(literal(d, DCT, "issued"));
        draft.modified = Vocabularies.instant(literal(d, DCT, "modified"));
        for (RDFNode conforms : objects(d, DCT, "conformsTo")) {
            String value = conforms.isURIResource() ? conforms.asResource().getURI() : label(conforms);
            schema(value, draft);
        }
        return draft;
    }

    /** A schema.data.gouv.fr reference ("https://schema.data.gouv.fr/etalab/schema-irve-statique/2.3.0/"). */
    public static void schema(String value, DescriptionDraft draft) {
        if (value == null) {
            return;
        }
        Matcher m = SCHEMA_DATAGOUV.matcher(value);
        if (m.find()) {
            String version = m.group(2);
            draft.schema(m.group(1), "latest".equals(version) ? null : version);
        }
    }

    private static void keywords(Resource d, DescriptionDraft draft) {
        List<Literal> literals = new ArrayList<>();
        for (RDFNode k : objects(d, DCAT, "keyword")) {
            if (k.isLiteral()) {
                literals.add(k.asLiteral());
            }
        }
        boolean french = literals.stream().anyMatch(l -> l.getLanguage().toLowerCase(Locale.ROOT).startsWith("fr"));
        literals.stream()
                .filter(l -> !french || l.getLanguage().isEmpty() || l.getLanguage().toLowerCase(Locale.ROOT).startsWith("fr"))
                .map(Literal::getLexicalForm)
                .sorted()
                .forEach(draft.keywords::add);
    }

    private static void publisher(Resource d, DescriptionDraft draft) {
        for (RDFNode p : objects(d, DCT, "publisher")) {
            String name = label(p);
            if (p.isResource()) {
                Resource r = p.asResource();
                name = firstNonNull(literal(r, FOAF, "name"), literal(r, SKOS, "prefLabel"),
                        literal(r, VCARD, "fn"), literal(r, VCARD, "organization-name"), literal(r, RDFS.getURI(), "label"));
                String siren = Producers.siren(literal(r, DCT, "identifier"));
                if (siren == null && r.isURIResource()) {
                    siren = Producers.siren(r.getURI());
                }
                if (siren == null) {
                    for (RDFNode id : objects(r, ADMS, "identifier")) {
                        siren = siren == null ? Producers.siren(label(id)) : siren;
                    }
                }
                if (name != null) {
                    draft.producer(name, siren);
                }
            } else if (name != null) {
                draft.producer(name, null);
            }
        }
    }

    private static void contact(Resource d, DescriptionDraft draft) {
        for (RDFNode c : objects(d, DCAT, "contactPoint")) {
            if (!c.isResource()) {
                continue;
            }
            Resource r = c.asResource();
            String name = firstNonNull(literal(r, VCARD, "fn"), literal(r, VCARD, "organization-name"),
                    literal(r, FOAF, "name"));
            String email = firstNonNull(uriOrLiteral(r, VCARD, "hasEmail"), uriOrLiteral(r, FOAF, "mbox"));
            String url = firstNonNull(uriOrLiteral(r, VCARD, "hasURL"), uriOrLiteral(r, FOAF, "homepage"));
            draft.contact(name, email, url);
        }
    }

    private static String licence(Resource d) {
        String licence = licenceOf(d);
        if (licence != null) {
            return licence;
        }
        for (RDFNode dist : objects(d, DCAT, "distribution")) {
            if (dist.isResource()) {
                licence = licenceOf(dist.asResource());
                if (licence != null) {
                    return licence;
                }
            }
        }
        return null;
    }

    private static String licenceOf(Resource r) {
        for (String property : List.of("license", "rights")) {
            for (RDFNode l : objects(r, DCT, property)) {
                String text;
                if (l.isURIResource()) {
                    text = l.asResource().getURI();
                } else {
                    text = label(l);
                    if (text == null && l.isResource()) {
                        text = literal(l.asResource(), DCT, "identifier");
                    }
                }
                // dct:rights often holds a free statement (attribution, use conditions): a licence only if it says so.
                if (text != null && (property.equals("license") || Vocabularies.looksLikeLicence(text))) {
                    return text;
                }
            }
        }
        return null;
    }

    private static void distributions(Resource d, DescriptionDraft draft) {
        List<RDFNode> dists = objects(d, DCAT, "distribution");
        for (RDFNode node : dists) {
            if (!node.isResource()) {
                continue;
            }
            Resource r = node.asResource();
            String format = null;
            for (RDFNode f : objects(r, DCT, "format")) {
                // A format resource described in the graph (dct:IMT with rdfs:label "XLS") is known by its label.
                String described = f.isResource() ? firstNonNull(literal(f.asResource(), RDFS.getURI(), "label"),
                        literal(f.asResource(), SKOS, "prefLabel"), literal(f.asResource(), RDF.getURI(), "value"))
                        : null;
                format = described != null ? described : f.isURIResource() ? f.asResource().getURI() : label(f);
                if (format != null) {
                    break;
                }
            }
            String media = null;
            for (RDFNode m : objects(r, DCAT, "mediaType")) {
                media = m.isURIResource() ? mediaTypeOf(m.asResource().getURI()) : label(m);
                if (media != null) {
                    break;
                }
            }
            Long size = null;
            String byteSize = literal(r, DCAT, "byteSize");
            if (byteSize != null) {
                try {
                    size = (long) Double.parseDouble(byteSize.strip());
                } catch (NumberFormatException notNumber) {
                    size = null;
                }
            }
            draft.distribution(firstNonNull(literal(r, DCT, "title"), literal(r, DCT, "description")),
                    uriOrLiteral(r, DCAT, "accessURL"), uriOrLiteral(r, DCAT, "downloadURL"), format, media, size);
        }
    }

    /** "http://www.iana.org/assignments/media-types/text/csv" is "text/csv". */
    private static String mediaTypeOf(String uri) {
        int at = uri.indexOf("/media-types/");
        return at >= 0 ? uri.substring(at + "/media-types/".length()) : uri;
    }

    private static void spatial(Resource d, DescriptionDraft draft) {
        for (RDFNode s : objects(d, DCT, "spatial")) {
            List<String> names = new ArrayList<>();
            boolean geometry = false;
            if (s.isURIResource()) {
                names.add(s.asResource().getURI());
            }
            if (s.isLiteral()) {
                names.add(s.asLiteral().getLexicalForm());
            }
            if (s.isResource()) {
                Resource r = s.asResource();
                for (String[] p : new String[][] {{SKOS, "prefLabel"}, {RDFS.getURI(), "label"}, {DCT, "identifier"},
                        {LOCN, "geographicName"}, {DCT, "title"}, {SKOS, "notation"}}) {
                    objects(r, p[0], p[1]).stream().map(DcatMapper::label).filter(x -> x != null).forEach(names::add);
                }
                geometry = r.hasProperty(r.getModel().createProperty(LOCN, "geometry"))
                        || r.hasProperty(r.getModel().createProperty(DCAT, "bbox"))
                        || r.hasProperty(r.getModel().createProperty(DCAT, "centroid"));
            }
            boolean resolved = false;
            for (String name : names) {
                var territory = TerritoryResolver.resolve(name);
                if (territory.isPresent()) {
                    draft.territories.add(territory.get());
                    resolved = true;
                    break;
                }
            }
            if (!resolved && geometry) {
                draft.notes.add("couverture spatiale donnée par une géométrie seulement");
            }
        }
    }

    private static void temporal(Resource d, DescriptionDraft draft) {
        for (RDFNode t : objects(d, DCT, "temporal")) {
            if (t.isLiteral()) {
                String[] bounds = t.asLiteral().getLexicalForm().split("/");
                if (bounds.length == 2) {
                    draft.temporal(Vocabularies.date(bounds[0], false), Vocabularies.date(bounds[1], true));
                }
                continue;
            }
            Resource r = t.asResource();
            String start = firstNonNull(literal(r, DCAT, "startDate"), literal(r, SCHEMA, "startDate"),
                    literal(r, SCHEMA_S, "startDate"), instantOf(r, "hasBeginning"));
            String end = firstNonNull(literal(r, DCAT, "endDate"), literal(r, SCHEMA, "endDate"),
                    literal(r, SCHEMA_S, "endDate"), instantOf(r, "hasEnd"));
            draft.temporal(Vocabularies.date(start, false), Vocabularies.date(end, true));
        }
    }

    private static String instantOf(Resource r, String property) {
        for (RDFNode i : objects(r, TIME, property)) {
            if (i.isResource()) {
                String v = firstNonNull(literal(i.asResource(), TIME, "inXSDDate"),
                        literal(i.asResource(), TIME, "inXSDDateTime"),
                        literal(i.asResource(), TIME, "inXSDDateTimeStamp"));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    // --- RDF helpers -------------------------------------------------------------------------------------------

    static List<RDFNode> objects(Resource r, String ns, String local) {
        List<RDFNode> values = new ArrayList<>();
        r.listProperties(r.getModel().createProperty(ns, local)).forEachRemaining(s -> values.add(s.getObject()));
        values.sort(Comparator.comparing(RDFNode::toString));
        return values;
    }

    /** The best literal of a property: French first, then no language, then any. */
    static String literal(Resource r, String ns, String local) {
        String noLang = null;
        String any = null;
        for (RDFNode node : objects(r, ns, local)) {
            if (!node.isLiteral()) {
                continue;
            }
            Literal l = node.asLiteral();
            String value = l.getLexicalForm();
            if (value.isBlank()) {
                continue;
            }
            String lang = l.getLanguage().toLowerCase(Locale.ROOT);
            if (lang.startsWith("fr")) {
                return value.strip();
            }
            if (lang.isEmpty() && noLang == null) {
                noLang = value.strip();
            }
            if (any == null) {
                any = value.strip();
            }
        }
        return noLang != null ? noLang : any;
    }

    static String uriOrLiteral(Resource r, String ns, String local) {
        for (RDFNode node : objects(r, ns, local)) {
            if (node.isURIResource()) {
                return node.asResource().getURI();
            }
        }
        String literal = literal(r, ns, local);
        if (literal != null) {
            return literal;
        }
        for (RDFNode node : objects(r, ns, local)) {
            if (node.isAnon()) {
                String value = firstNonNull(literal(node.asResource(), VCARD, "value"),
                        literal(node.asResource(), RDF.getURI(), "value"));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** A node's human label: the literal itself, or a resource's label-like property. */
    static String label(RDFNode node) {
        if (node == null) {
            return null;
        }
        if (node.isLiteral()) {
            String value = node.asLiteral().getLexicalForm().strip();
            return value.isEmpty() ? null : value;
        }
        Resource r = node.asResource();
        return firstNonNull(literal(r, SKOS, "prefLabel"), literal(r, RDFS.getURI(), "label"),
                literal(r, DCT, "title"), literal(r, FOAF, "name"), literal(r, DCT, "description"),
                literal(r, RDF.getURI(), "value"), r.isURIResource() ? r.getURI() : null);
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The dataset's concise bounded description (its triples, through blank nodes), as Turtle. */
    static String turtle(Resource dataset) {
        Model cbd = ModelFactory.createDefaultModel();
        cbd.setNsPrefixes(dataset.getModel().getNsPrefixMap());
        Set<Resource> seen = new HashSet<>();
        List<Resource> todo = new ArrayList<>(List.of(dataset));
        while (!todo.isEmpty()) {
            Resource r = todo.remove(todo.size() - 1);
            if (!seen.add(r)) {
                continue;
            }
            for (Statement s : r.listProperties().toList()) {
                cbd.add(s);
                if (s.getObject().isAnon()) {
                    todo.add(s.getObject().asResource());
                }
            }
        }
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, cbd, Lang.TURTLE);
        return out.toString();
    }

    /** Hydra paging: the next page of a catalogue (hydra:next, or hydra:nextPage of the old vocabulary). */
    static Optional<String> nextPage(Model model) {
        for (String local : List.of("next", "nextPage")) {
            Property p = model.createProperty(HYDRA, local);
            for (Statement s : model.listStatements(null, p, (RDFNode) null).toList()) {
                String value = s.getObject().isURIResource() ? s.getObject().asResource().getURI()
                        : s.getObject().isLiteral() ? s.getObject().asLiteral().getLexicalForm().strip() : null;
                if (value != null && !value.isBlank()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
