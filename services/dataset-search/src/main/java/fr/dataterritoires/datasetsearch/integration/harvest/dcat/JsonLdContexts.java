package fr.dataterritoires.datasetsearch.integration.harvest.dcat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import fr.dataterritoires.datasetsearch.integration.harvest.HttpFetcher;

/**
 * Loads the remote {@code @context} documents of JSON-LD catalogues through the harvester's own HTTP client, so they
 * get its timeouts, proxy and user agent (the JSON-LD processor's default loader has none of these), and keeps them
 * for an hour: a catalogue of many pages names the same few contexts on every page.
 */
@Component
public class JsonLdContexts implements DocumentLoader {

    static final String ACCEPT = "application/ld+json, application/json;q=0.9";
    static final Duration KEPT_FOR = Duration.ofHours(1);
    /** A handful of vocabularies in practice; a source naming more only loses the cache, never correctness. */
    static final int MAX_KEPT = 64;

    /** For parses that have no harvester at hand: a remote context is refused with a clear reason. */
    public static final DocumentLoader NONE = (uri, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "contexte JSON-LD distant " + uri + " non chargé");
    };

    private record Kept(Document document, Instant until) {
    }

    private final HttpFetcher http;
    private final Clock clock;
    private final Map<URI, Kept> kept = new ConcurrentHashMap<>();

    public JsonLdContexts(HttpFetcher http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Document loadDocument(URI uri, DocumentLoaderOptions options) throws JsonLdError {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            // file:, classpath: and the like would read the server's own files.
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "contexte JSON-LD " + uri + " refusé : seules les adresses http et https sont chargées");
        }
        Instant now = clock.instant();
        Kept hit = kept.get(uri);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.document();
        }
        HttpFetcher.Page page;
        try {
            page = http.get(uri, ACCEPT);
        } catch (RuntimeException unreadable) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "contexte JSON-LD " + uri + " non chargé : " + unreadable.getMessage(), unreadable);
        }
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(page.body()));
        document.setDocumentUrl(page.uri());
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(uri, new Kept(document, now.plus(KEPT_FOR)));
        return document;
    }
}
