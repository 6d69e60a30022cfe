package fr.dataterritoires.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing for a service: it answers every request with a small JSON body naming the
 * method, path and query it received, and keeps what reached it (headers, body size) so tests can see what the gateway
 * forwarded. {@code /api/created} answers 201 with a {@code Location}; the answer carries the security headers a
 * Spring service sends, which the gateway must replace by its own.
 */
public final class RecordingService implements AutoCloseable {

    /** One request as the service received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, long bodySize) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

    public RecordingService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long size;
            try (InputStream body = exchange.getRequestBody()) {
                size = body.transferTo(OutputStream.nullOutputStream());
            }
            Headers headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), path, query, Map.copyOf(headers), size));
            byte[] answer = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path
                    + "\",\"query\":\"" + (query == null ? "" : query) + "\",\"bodySize\":" + size + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            int status = 200;
            if (path.equals("/api/created")) {
                status = 201;
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/api/things/42");
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The requests received so far whose header {@code name} has this value (e.g. a test's own marker). */
    public List<Received> receivedWith(String name, String value) {
        return received.stream().filter(r -> value.equals(r.header(name))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
