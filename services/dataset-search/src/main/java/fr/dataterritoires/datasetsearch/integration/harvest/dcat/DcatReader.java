package fr.dataterritoires.datasetsearch.integration.harvest.dcat;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.riot.Lang;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.integration.harvest.HttpFetcher;
import fr.dataterritoires.datasetsearch.integration.harvest.JsonSupport;

/**
 * Reads a DCAT catalogue (RDF/XML, Turtle, JSON-LD, N-Triples, or Project Open Data JSON), following Hydra paging
 * (hydra:next, or hydra:nextPage of the old vocabulary) until the last page or a page already read.
 */
@Component
public class DcatReader implements SourceReader {

    static final String ACCEPT = "application/rdf+xml, text/turtle;q=0.9, application/ld+json;q=0.9, "
            + "application/n-triples;q=0.8, application/json;q=0.7, application/xml;q=0.5, */*;q=0.1";

    private final HttpFetcher http;
    private final DcatMapper mapper;
    private final PodMapper pod;
    private final JsonLdContexts contexts;

    public DcatReader(HttpFetcher http, DcatMapper mapper, PodMapper pod, JsonLdContexts contexts) {
        this.http = http;
        this.mapper = mapper;
        this.pod = pod;
        this.contexts = contexts;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DCAT;
    }

    @Override
    public void read(HarvestSource source, Consumer<HarvestItem> sink) {
        http.followPages(source.url().toString(), "Le catalogue " + source.url(),
                uri -> readPage(uri, source, sink));
    }

    /** Reads one page and returns the next one's address, if any. */
    Optional<String> readPage(URI uri, HarvestSource source, Consumer<HarvestItem> sink) {
        HttpFetcher.Page page = http.get(uri, ACCEPT);
        String body = page.text();
        String where = page.uri().toString();
        Lang lang = RdfDocuments.language(page.mediaType(), where, body);
        boolean json = lang == Lang.JSONLD || page.mediaType().equals("application/json") || page.mediaType().endsWith("+json");
        if (json) {
            JsonNode document;
            try {
                document = JsonSupport.MAPPER.readTree(body);
                if (document == null || document.isMissingNode()) {
                    throw new SourceUnreadableException("Le catalogue " + where + " est vide.");
                }
            } catch (JacksonException malformed) {
                throw new SourceUnreadableException("Le catalogue " + where + " n'est pas du JSON valide : "
                        + malformed.getOriginalMessage(), malformed);
            }
            if (PodMapper.isCatalogue(document)) {
                pod.mapAll(document.get("dataset"), source, where, sink);
                return Optional.empty();
            }
            if (PodMapper.isDatasetList(document)) {
                pod.mapAll(document, source, where, sink);
                return Optional.empty();
            }
            lang = Lang.JSONLD;
        }
        if (lang == null) {
            throw new SourceUnreadableException("La page " + where + " (" + (page.mediaType().isEmpty()
                    ? "type non déclaré" : page.mediaType()) + ") n'est pas un catalogue DCAT : "
                    + "ni RDF/XML, ni Turtle, ni JSON-LD, ni N-Triples.");
        }
        RdfDocuments.Parsed parsed;
        try {
            boolean charsetDeclared = page.contentType() != null
                    && page.contentType().toLowerCase(java.util.Locale.ROOT).contains("charset=");
            parsed = RdfDocuments.parse(body, charsetDeclared ? null : page.body(), lang, where, contexts);
        } catch (IllegalArgumentException malformed) {
            throw new SourceUnreadableException("Le catalogue " + where + " est illisible : "
                    + malformed.getMessage(), malformed);
        }
        int position = 0;
        for (RdfDocuments.BrokenNode broken : parsed.broken()) {
            position++;
            if (broken.dataset()) {
                sink.accept(new HarvestItem.Failed(broken.key() != null ? broken.key() : where + "#illisible-" + position,
                        broken.raw(),
                        "Fiche DCAT illisible : " + broken.reason()));
            }
        }
        int found = mapper.map(parsed.model(), source, where, sink);
        if (found == 0 && parsed.broken().isEmpty() && parsed.model().isEmpty()) {
            throw new SourceUnreadableException("Le catalogue " + where + " est vide : aucun triplet RDF.");
        }
        Optional<String> next = DcatMapper.nextPage(parsed.model());
        try {
            return next.map(n -> uri.resolve(n.strip()).toString());
        } catch (IllegalArgumentException badLink) {
            throw new SourceUnreadableException("Le lien vers la page suivante du catalogue " + where
                    + " est invalide : « " + next.get() + " ».", badLink);
        }
    }
}
