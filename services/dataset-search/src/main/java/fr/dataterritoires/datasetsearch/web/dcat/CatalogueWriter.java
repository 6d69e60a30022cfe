package fr.dataterritoires.datasetsearch.web.dcat;

import static fr.dataterritoires.datasetsearch.web.dcat.Vocabulary.*;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import fr.dataterritoires.datasetsearch.application.export.CatalogueExport;
import fr.dataterritoires.datasetsearch.application.export.DatasetPage;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;

/** Writes the catalogue in DCAT-AP 3: whole (streamed), one page with Hydra links, or one dataset. */
public final class CatalogueWriter {

    /** The RDF syntaxes served. */
    public enum Syntax {
        TURTLE("text/turtle"), JSON_LD("application/ld+json"), RDF_XML("application/rdf+xml");

        private final String mediaType;

        Syntax(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private final CatalogueExport export;
    private final DcatExportMapper mapper;

    public CatalogueWriter(CatalogueExport export, DcatExportMapper mapper) {
        this.export = export;
        this.mapper = mapper;
    }

    /**
     * The whole published catalogue, each dataset written as soon as it is read: memory does not grow with the
     * catalogue. RDF/XML needs the whole graph and is only served by page.
     */
    public void writeAll(Syntax syntax, OutputStream out) {
        writeAll(syntax, out, export::forEachPublished, export.now());
    }

    /** Writes the datasets {@code feed} gives, as assessed at {@code now}. */
    void writeAll(Syntax syntax, OutputStream out, Consumer<Consumer<Dataset>> feed, Instant now) {
        if (syntax == Syntax.RDF_XML) {
            throw new IllegalArgumentException("RDF/XML is served by page only");
        }
        Instant[] latest = {null};
        try (RdfSink sink = syntax == Syntax.TURTLE ? RdfSink.turtle(out) : RdfSink.jsonLd(out)) {
            sink.write(mapper.catalog());
            feed.accept(dataset -> {
                if (!dataset.isPublished()) {
                    return;
                }
                sink.write(mapper.dataset(dataset, now));
                lastChange(dataset, now).ifPresent(changed -> {
                    if (latest[0] == null || changed.isAfter(latest[0])) {
                        latest[0] = changed;
                    }
                });
            });
            if (latest[0] != null) {
                sink.write(mapper.catalogModified(latest[0]));
            }
        }
    }

    /**
     * One page of the catalogue with its Hydra view: {@code pageUrl(n)} gives the address of page n, so that a
     * harvester follows {@code hydra:next} to the end.
     */
    public void writePage(DatasetPage page, java.util.function.IntFunction<String> pageUrl, Syntax syntax,
                          OutputStream out) {
        Instant now = export.now();
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(RdfSink.PREFIXES);
        model.add(mapper.catalog());
        Instant latest = null;
        for (Dataset dataset : page.datasets()) {
            model.add(mapper.dataset(dataset, now));
            Optional<Instant> changed = lastChange(dataset, now);
            if (changed.isPresent() && (latest == null || changed.get().isAfter(latest))) {
                latest = changed.get();
            }
        }
        if (latest != null) {
            model.add(mapper.catalogModified(latest));
        }
        Resource catalog = model.createResource(mapper.catalogIri());
        catalog.addProperty(org.apache.jena.vocabulary.RDF.type, HYDRA_COLLECTION);
        catalog.addLiteral(HYDRA_TOTAL, model.createTypedLiteral(Long.toString(page.total()), XSDDatatype.XSDinteger));
        Resource view = model.createResource(pageUrl.apply(page.number()), HYDRA_VIEW);
        catalog.addProperty(HYDRA_VIEW_P, view);
        int last = (int) Math.min(Integer.MAX_VALUE, page.lastPage());
        view.addProperty(HYDRA_FIRST, model.createResource(pageUrl.apply(1)));
        view.addProperty(HYDRA_LAST, model.createResource(pageUrl.apply(last)));
        if (page.number() < last) {
            view.addProperty(HYDRA_NEXT, model.createResource(pageUrl.apply(page.number() + 1)));
        }
        if (page.number() > 1) {
            view.addProperty(HYDRA_PREVIOUS, model.createResource(pageUrl.apply(Math.min(page.number() - 1, last))));
        }
        write(model, syntax, out);
    }

    /** One dataset's description (without the catalogue). */
    public void writeDataset(Dataset dataset, Syntax syntax, OutputStream out) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(RdfSink.PREFIXES);
        model.add(mapper.dataset(dataset, export.now()));
        // The dataset alone: the catalogue's dcat:dataset link belongs to the catalogue's description.
        model.removeAll(model.createResource(mapper.catalogIri()), DATASET_P, null);
        write(model, syntax, out);
    }

    private static void write(Model model, Syntax syntax, OutputStream out) {
        switch (syntax) {
            case TURTLE -> RDFDataMgr.write(out, model, RDFFormat.TURTLE_PRETTY);
            case RDF_XML -> RDFDataMgr.write(out, model, RDFFormat.RDFXML_PLAIN);
            case JSON_LD -> {
                try (RdfSink sink = RdfSink.jsonLd(out)) {
                    sink.write(model);
                }
            }
        }
    }

    private static Optional<Instant> lastChange(Dataset dataset, Instant now) {
        return dataset.description(now).flatMap(DatasetDescription::lastChange);
    }
}
