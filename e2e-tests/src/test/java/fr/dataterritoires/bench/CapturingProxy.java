package fr.dataterritoires.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP forwarder put between the service and Elasticsearch while the query mix is sent once, to record the exact
 * requests the service makes for each query (method, path with parameters, headers that shape the body, body
 * bytes). The raw-Elasticsearch side of the benchmark replays these bytes, so "the same query" is literally the
 * same request, whatever the service's query builder does. It is in the path only during that capture, never while
 * anything is timed.
 */
final class CapturingProxy implements AutoCloseable {

    /** One request as the service sent it. */
    record Captured(String method, String pathAndQuery, String contentType, String contentEncoding, String accept,
                    byte[] body) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final List<Captured> recorded = new ArrayList<>();
    private volatile boolean recording;

    CapturingProxy(String targetUrl) throws IOException {
        this.target = targetUrl.endsWith("/") ? targetUrl.substring(0, targetUrl.length() - 1) : targetUrl;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "es-capturing-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts recording search-like requests; {@link #stop()} returns them in arrival order. */
    synchronized void start() {
        recorded.clear();
        recording = true;
    }

    synchronized List<Captured> stop() {
        recording = false;
        List<Captured> copy = List.copyOf(recorded);
        recorded.clear();
        return copy;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .timeout(Duration.ofSeconds(120))
                    .method(method, body.length == 0 && (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE"))
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    for (String value : header.getValue()) {
                        request.header(header.getKey(), value);
                    }
                }
            }
            if (recording && isSearchLike(pathAndQuery)) {
                synchronized (this) {
                    if (recording) {
                        recorded.add(new Captured(method, pathAndQuery,
                                exchange.getRequestHeaders().getFirst("Content-Type"),
                                exchange.getRequestHeaders().getFirst("Content-Encoding"),
                                exchange.getRequestHeaders().getFirst("Accept"), body));
                    }
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = response.body();
            boolean noBody = method.equals("HEAD") || bytes.length == 0;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Requests that read the index for a query (not the service's own housekeeping). */
    static boolean isSearchLike(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        return path.endsWith("/_search") || path.endsWith("/_msearch") || path.endsWith("/_count")
                || path.endsWith("/_mget") || path.equals("/_search") || path.equals("/_msearch")
                || path.contains("/_doc/") || path.contains("/_source/") || path.endsWith("/_pit");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
