package fr.dataterritoires.datasetsearch.web.dcat;

import static fr.dataterritoires.datasetsearch.web.dcat.Vocabulary.*;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import fr.dataterritoires.datasetsearch.application.export.Licences;
import fr.dataterritoires.datasetsearch.application.export.Slugs;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

/**
 * Describes the catalogue and its datasets in DCAT-AP 3. Every node has an IRI (no blank node), so that the
 * description of each dataset can be written on its own and the pieces, streamed one after the other, still form
 * one graph. Every value a shape constrains to a class is typed in the graph with that class, and every
 * {@code skos:Concept} has a {@code skos:prefLabel}, as the DCAT-AP 3.0.1 shapes require.
 */
public final class DcatExportMapper {

    private final CatalogueProperties catalogue;

    public DcatExportMapper(CatalogueProperties catalogue) {
        this.catalogue = catalogue;
    }

    public String catalogIri() {
        return catalogue.catalogIri();
    }

    public String datasetIri(Dataset dataset) {
        return catalogue.datasetIri(dataset.id().toString());
    }

    /** The catalogue's own description (without its datasets). */
    public Model catalog() {
        Model model = ModelFactory.createDefaultModel();
        Resource catalog = model.createResource(catalogue.catalogIri(), CATALOG);
        catalog.addProperty(TITLE, catalogue.title(), "fr");
        catalog.addProperty(DESCRIPTION, catalogue.description(), "fr");
        Resource publisher = model.createResource(catalogue.baseUrl() + "/organisations/catalogue", AGENT)
                .addProperty(NAME, catalogue.publisherName());
        if (catalogue.publisherSiren() != null && catalogue.publisherSiren().matches("\\d{9}")) {
            publisher.addProperty(IDENTIFIER, catalogue.publisherSiren());
        }
        catalog.addProperty(PUBLISHER, publisher);
        Iris.web(catalogue.homepage()).ifPresent(home ->
                catalog.addProperty(HOMEPAGE, model.createResource(home, DOCUMENT)));
        catalog.addProperty(LANGUAGE, model.createResource(ControlledVocabularies.FRENCH, LINGUISTIC_SYSTEM));
        catalog.addProperty(ISSUED, date(catalogue.issued()));
        // The catalogue covers France (recommended for a catalogue by DCAT-AP).
        catalog.addProperty(SPATIAL, model.createResource(ControlledVocabularies.FRANCE, LOCATION)
                .addProperty(IDENTIFIER, "FR"));
        catalog.addProperty(THEME_TAXONOMY, model.createResource(ControlledVocabularies.DATA_THEME, CONCEPT_SCHEME)
                .addProperty(TITLE, "Thèmes de données de l'Union européenne", "fr"));
        return model;
    }

    /** The catalogue's last modification: the latest dataset change, once known. */
    public Model catalogModified(Instant modified) {
        Model model = ModelFactory.createDefaultModel();
        model.createResource(catalogue.catalogIri()).addProperty(MODIFIED, dateTime(model, modified));
        return model;
    }

    /**
     * A published dataset as its merged description at {@code now}, with the catalogue's {@code dcat:dataset} link
     * to it. A withdrawn dataset gives an empty model.
     */
    public Model dataset(Dataset dataset, Instant now) {
        Model model = ModelFactory.createDefaultModel();
        Optional<DatasetDescription> shown = dataset.description(now);
        if (shown.isEmpty() || !dataset.isPublished()) {
            return model;
        }
        DatasetDescription d = shown.get();
        String iri = datasetIri(dataset);
        Resource ds = model.createResource(iri, DATASET);
        model.createResource(catalogue.catalogIri()).addProperty(DATASET_P, ds);

        ds.addProperty(IDENTIFIER, dataset.id().toString());
        ds.addProperty(ADMS_IDENTIFIER_P, model.createResource(iri + "/identifiers/source", ADMS_IDENTIFIER)
                .addProperty(NOTATION, d.sourceUri()));
        ds.addProperty(TITLE, d.title(), "fr");
        ds.addProperty(DESCRIPTION, d.description() != null ? d.description() : fallbackDescription(d), "fr");

        Set<String> keywords = new LinkedHashSet<>(d.keywords());
        Set<String> themes = new LinkedHashSet<>();
        for (String theme : d.themes()) {
            var concept = ControlledVocabularies.dataTheme(theme);
            if (concept.isPresent()) {
                if (themes.add(concept.get().iri())) {
                    ds.addProperty(THEME, concept(model, concept.get()));
                }
            } else if (!theme.contains("://")) {
                // A label no EU theme fits stays findable as a keyword.
                keywords.add(theme);
            }
        }
        keywords.forEach(keyword -> ds.addProperty(KEYWORD, keyword, "fr"));

        if (d.producer() != null) {
            ds.addProperty(PUBLISHER, agent(model, d.producer()));
        }
        if (d.contactPoint() != null) {
            contact(model, iri + "/contact", d.contactPoint()).ifPresent(kind -> ds.addProperty(CONTACT_POINT, kind));
        }
        ds.addProperty(ACCESS_RIGHTS, rights(model, ControlledVocabularies.accessRight(d.accessLevel())));
        Iris.web(d.accessProcedure()).ifPresent(procedure ->
                ds.addProperty(PAGE, model.createResource(procedure, DOCUMENT)
                        .addProperty(TITLE, "Procédure de demande d'accès", "fr")));
        Iris.web(d.landingPage()).ifPresent(page -> ds.addProperty(LANDING_PAGE, model.createResource(page, DOCUMENT)));

        for (TerritoryRef territory : d.coverage().territories()) {
            ds.addProperty(SPATIAL, location(model, territory));
        }
        if (d.temporal() != null) {
            ds.addProperty(TEMPORAL, period(model, iri + "/temporal", d.temporal()));
        }
        ControlledVocabularies.frequency(d.frequency()).ifPresent(frequency ->
                ds.addProperty(ACCRUAL_PERIODICITY, model.createResource(frequency.iri(), FREQUENCY)
                        .addProperty(PREF_LABEL, frequency.label(), "fr")));
        if (d.issued() != null) {
            ds.addProperty(ISSUED, dateTime(model, d.issued()));
        }
        if (d.modified() != null) {
            ds.addProperty(MODIFIED, dateTime(model, d.modified()));
        }
        if (d.schema() != null) {
            ds.addProperty(CONFORMS_TO, standard(model, d.schema()));
        }
        Optional<Resource> licence = licence(model, d.licence());
        List<Distribution> distributions = d.distributions();
        for (int i = 0; i < distributions.size(); i++) {
            distribution(model, iri + "/distributions/" + (i + 1), distributions.get(i), licence, d)
                    .ifPresent(distribution -> ds.addProperty(DISTRIBUTION_P, distribution));
        }
        return model;
    }

    /** DCAT-AP 3 makes a description mandatory: a dataset whose sources give none gets this sentence. */
    static String fallbackDescription(DatasetDescription d) {
        String producer = d.producer() == null ? "" : ", publié par " + d.producer().name() + ",";
        return "Jeu de données « " + d.title() + " »" + producer
                + " sans description à la source ; voir ses ressources et sa page d'origine.";
    }

    private Resource agent(Model model, Producer producer) {
        String key = producer.siren() != null ? producer.siren() : Slugs.slug(producer.name(), 80);
        Resource agent = model.createResource(catalogue.baseUrl() + "/organisations/" + (key.isEmpty() ? "inconnu" : key), AGENT)
                .addProperty(NAME, producer.name());
        if (producer.siren() != null) {
            agent.addProperty(IDENTIFIER, producer.siren());
        }
        ControlledVocabularies.publisherType(producer.type()).ifPresent(type -> agent.addProperty(TYPE, concept(model, type)));
        return agent;
    }

    private static Optional<Resource> contact(Model model, String iri, ContactPoint contact) {
        Resource kind = model.createResource(iri, KIND);
        boolean any = false;
        if (contact.name() != null) {
            kind.addProperty(FN, contact.name());
            any = true;
        }
        Optional<String> mail = Iris.mail(contact.email());
        if (mail.isPresent()) {
            kind.addProperty(HAS_EMAIL, model.createResource(mail.get()));
            any = true;
        }
        Optional<String> url = Iris.web(contact.url());
        if (url.isPresent()) {
            kind.addProperty(HAS_URL, model.createResource(url.get()));
            any = true;
        }
        if (!any) {
            model.removeAll(kind, null, null);
            return Optional.empty();
        }
        return Optional.of(kind);
    }

    private static Resource location(Model model, TerritoryRef territory) {
        Resource location = model.createResource(ControlledVocabularies.territory(territory), LOCATION)
                .addProperty(IDENTIFIER, territory.code());
        Territories.get().find(territory.level(), territory.code()).map(Territory::name)
                .ifPresent(name -> location.addProperty(PREF_LABEL, name, "fr"));
        return location;
    }

    private static Resource period(Model model, String iri, TemporalCoverage temporal) {
        Resource period = model.createResource(iri, PERIOD_OF_TIME);
        if (temporal.start() != null) {
            period.addProperty(START_DATE, date(temporal.start()));
        }
        if (temporal.end() != null) {
            period.addProperty(END_DATE, date(temporal.end()));
        }
        return period;
    }

    /** A schema.data.gouv.fr id becomes the IRI of its page there (of the declared version when there is one). */
    private static Resource standard(Model model, SchemaDeclaration schema) {
        Optional<String> own = Iris.web(schema.id());
        String iri = own.orElseGet(() -> {
            String path = schema.id().replaceAll("[^A-Za-z0-9._~/-]", "-").replaceAll("^/+|/+$", "");
            String version = schema.version() == null ? "" : schema.version().replaceAll("[^A-Za-z0-9._~-]", "-") + "/";
            return "https://schema.data.gouv.fr/" + path + "/" + version;
        });
        Resource standard = model.createResource(iri, STANDARD).addProperty(TITLE, schema.id());
        if (schema.version() != null) {
            standard.addProperty(model.createProperty("http://www.w3.org/2002/07/owl#versionInfo"), schema.version());
        }
        return standard;
    }

    private Optional<Resource> licence(Model model, String licence) {
        if (licence == null) {
            return Optional.empty();
        }
        Optional<Licences> known = Licences.recognise(licence);
        if (known.isPresent()) {
            return Optional.of(model.createResource(known.get().uri(), LICENSE_DOCUMENT)
                    .addProperty(TITLE, known.get().title(), "fr"));
        }
        Optional<String> iri = Iris.web(licence);
        if (iri.isPresent()) {
            return Optional.of(model.createResource(iri.get(), LICENSE_DOCUMENT));
        }
        String slug = Slugs.slug(licence, 80);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        // A licence only named in words gets an IRI of the catalogue, with the words as its title.
        return Optional.of(model.createResource(catalogue.baseUrl() + "/licences/" + slug, LICENSE_DOCUMENT)
                .addProperty(TITLE, licence, "fr"));
    }

    private Optional<Resource> distribution(Model model, String iri, Distribution distribution,
                                            Optional<Resource> licence, DatasetDescription d) {
        Optional<String> download = Iris.web(distribution.downloadUrl());
        Optional<String> access = Iris.web(distribution.accessUrl()).or(() -> download);
        if (access.isEmpty()) {
            // accessURL is mandatory: without a usable address the distribution cannot be described.
            return Optional.empty();
        }
        Resource resource = model.createResource(iri, DISTRIBUTION);
        resource.addProperty(ACCESS_URL, model.createResource(access.get()));
        download.ifPresent(url -> resource.addProperty(DOWNLOAD_URL, model.createResource(url)));
        if (distribution.title() != null) {
            resource.addProperty(TITLE, distribution.title(), "fr");
        }
        String format = distribution.format();
        if (format != null) {
            Optional<String> fileType = ControlledVocabularies.fileType(format);
            if (fileType.isPresent()) {
                // Labelled with the authority table's code, not the source's spelling: one label per IRI.
                resource.addProperty(FORMAT, model.createResource(fileType.get(), MEDIA_TYPE_OR_EXTENT)
                        .addProperty(RDFS.label, fileType.get().substring(ControlledVocabularies.FILE_TYPE.length())));
            } else {
                String code = Slugs.slug(format, 40);
                if (!code.isEmpty()) {
                    resource.addProperty(FORMAT, model.createResource(catalogue.baseUrl() + "/formats/" + code,
                            MEDIA_TYPE_OR_EXTENT).addProperty(RDFS.label, format));
                }
            }
        }
        ControlledVocabularies.mediaType(distribution.mediaType(), format).ifPresent(type ->
                resource.addProperty(MEDIA_TYPE, model.createResource(type, MEDIA_TYPE_C)));
        if (distribution.byteSize() != null) {
            resource.addProperty(BYTE_SIZE, model.createTypedLiteral(
                    BigInteger.valueOf(distribution.byteSize()).toString(), XSDDatatype.XSDnonNegativeInteger));
        }
        licence.ifPresent(document -> resource.addProperty(LICENSE, document));
        return Optional.of(resource);
    }

    private static Resource rights(Model model, ControlledVocabularies.Concept right) {
        return model.createResource(right.iri(), RIGHTS_STATEMENT).addProperty(PREF_LABEL, right.label(), "fr");
    }

    private static Resource concept(Model model, ControlledVocabularies.Concept concept) {
        return model.createResource(concept.iri(), CONCEPT).addProperty(PREF_LABEL, concept.label(), "fr");
    }

    private static Literal date(LocalDate date) {
        return org.apache.jena.rdf.model.ResourceFactory.createTypedLiteral(date.toString(), XSDDatatype.XSDdate);
    }

    private static Literal dateTime(Model model, Instant instant) {
        return model.createTypedLiteral(DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC)),
                XSDDatatype.XSDdateTime);
    }

    /** The stream order of a dataset's nodes: the dataset first, then what it points to. */
    static List<Resource> subjects(Model model) {
        List<Resource> first = new ArrayList<>();
        List<Resource> datasets = new ArrayList<>();
        List<Resource> others = new ArrayList<>();
        model.listSubjects().forEachRemaining(subject -> {
            switch (rank(model, subject)) {
                case 0 -> first.add(subject);
                case 1 -> datasets.add(subject);
                default -> others.add(subject);
            }
        });
        first.addAll(datasets);
        first.addAll(others);
        return first;
    }

    /** A subject's statements in reading order: its types first, then by property. */
    static List<org.apache.jena.rdf.model.Statement> statements(Model model, Resource subject) {
        List<org.apache.jena.rdf.model.Statement> statements = new ArrayList<>();
        model.listStatements(subject, null, (org.apache.jena.rdf.model.RDFNode) null).forEachRemaining(statements::add);
        // Stable sort: values of one property keep the model's order.
        statements.sort(java.util.Comparator
                .comparing((org.apache.jena.rdf.model.Statement st) -> !st.getPredicate().equals(RDF.type))
                .thenComparing(st -> st.getPredicate().getURI()));
        return statements;
    }

    private static int rank(Model model, Resource subject) {
        if (model.contains(subject, RDF.type, CATALOG)) {
            return 0;
        }
        return model.contains(subject, RDF.type, DATASET) ? 1 : 2;
    }
}
