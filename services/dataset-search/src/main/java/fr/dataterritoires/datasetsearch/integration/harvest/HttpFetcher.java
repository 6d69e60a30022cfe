package fr.dataterritoires.datasetsearch.integration.harvest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;

/** Fetches one page of a source; every failure to get a 2xx answer is a {@link SourceUnreadableException}. */
@Component
public class HttpFetcher {

    /** A page as served: where it ended up after redirects, its declared media type, its bytes. */
    public record Page(URI uri, String contentType, byte[] body) {

        /** Media type without parameters, lower case; empty when not declared. */
        public String mediaType() {
            if (contentType == null) {
                return "";
            }
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }

        /** The body as text, in the declared charset, else UTF-8 (a BOM is dropped). */
        public String text() {
            Charset charset = StandardCharsets.UTF_8;
            if (contentType != null) {
                for (String part : contentType.split(";")) {
                    String p = part.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                        try {
                            charset = Charset.forName(p.substring(8).replace("\"", "").strip());
                        } catch (RuntimeException unknown) {
                            // An unknown charset name: UTF-8 is the best guess for today's catalogues.
                        }
                    }
                }
            }
            String text = new String(body, charset);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    private final HttpClient client;
    private final HarvestHttpProperties properties;

    public HttpFetcher(HarvestHttpProperties properties) {
        this.properties = properties;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (properties.proxy() != null) {
            builder.proxy(ProxySelector.of(
                    new InetSocketAddress(properties.proxy().getHost(), properties.proxy().getPort())));
        }
        this.client = builder.build();
    }

    /**
     * Follows a paged source from {@code first}: {@code readPage} reads one page and gives the next page's address.
     * Stops at the last page, on a page already read (a loop), or past {@code max-pages} ({@code what} names the
     * source in that refusal).
     */
    public void followPages(String first, String what, Function<URI, Optional<String>> readPage) {
        Set<String> seen = new HashSet<>();
        String next = first;
        int pages = 0;
        while (next != null && seen.add(next)) {
            if (++pages > properties.maxPages()) {
                throw new SourceUnreadableException(what + " dépasse " + properties.maxPages()
                        + " pages : lecture arrêtée.");
            }
            next = readPage.apply(pageUri(next)).orElse(null);
        }
    }

    private static URI pageUri(String address) {
        try {
            return URI.create(address);
        } catch (IllegalArgumentException bad) {
            throw new SourceUnreadableException("L'adresse de page « " + address + " » est invalide.", bad);
        }
    }

    public HarvestHttpProperties properties() {
        return properties;
    }

    public Page get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", accept)
                .header("User-Agent", properties.userAgent())
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException timeout) {
            throw new SourceUnreadableException("La source " + uri + " n'a pas répondu à temps.", timeout);
        } catch (IOException unreachable) {
            throw new SourceUnreadableException("La source " + uri + " est injoignable : "
                    + (unreachable.getMessage() == null ? unreachable.getClass().getSimpleName()
                    : unreachable.getMessage()), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SourceUnreadableException("La lecture de la source " + uri + " a été interrompue.", interrupted);
        } catch (IllegalArgumentException badUri) {
            throw new SourceUnreadableException("L'adresse " + uri + " ne peut pas être demandée.", badUri);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SourceUnreadableException("La source " + uri + " a répondu HTTP " + status + ".");
        }
        return new Page(response.uri(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
}
