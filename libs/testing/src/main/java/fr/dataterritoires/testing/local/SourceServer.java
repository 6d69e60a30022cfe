package fr.dataterritoires.testing.local;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Harvested sources served for real over HTTP on 127.0.0.1 (a port of its own): the files of a directory (the
 * machine's real catalogues, {@link #realData(Path)}), and documents put in memory under a path, which may be
 * replaced between two harvests (a source that publishes something new). Close it to stop serving.
 */
public final class SourceServer implements AutoCloseable {

    private record Document(byte[] bytes, String contentType) {
    }

    private final Path root;
    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    private SourceServer(Path root) throws IOException {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                Document d = documents.get(path);
                if (d == null) {
                    d = file(path);
                }
                if (d == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", d.contentType());
                exchange.sendResponseHeaders(200, d.bytes().length);
                body.write(d.bytes());
            }
        });
        server.start();
    }

    /** Serves the files under {@code root} (null: in-memory documents only). */
    public static SourceServer serving(Path root) throws IOException {
        return new SourceServer(root);
    }

    /**
     * The machine's real catalogues and API answers ({@code ../shared/data/real}): DT_DEMO_DATA if set, else the
     * repository's sibling {@code shared/data/real}, else {@code /work/shared/data/real} (a clone outside /work).
     */
    public static Path realData(Path repo) {
        String configured = System.getenv("DT_DEMO_DATA");
        Path sibling = repo.toAbsolutePath().normalize().getParent().resolve("shared/data/real");
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : Files.isDirectory(sibling) ? sibling : Path.of("/work/shared/data/real");
    }

    /** Serves {@code text} at {@code path} (replacing what was there) with the content type of its extension. */
    public SourceServer put(String path, String text) {
        documents.put(strip(path), new Document(text.getBytes(StandardCharsets.UTF_8), contentType(path)));
        return this;
    }

    /** The address of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + strip(path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Document file(String path) throws IOException {
        if (root == null) {
            return null;
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        return new Document(Files.readAllBytes(file), contentType(file.getFileName().toString()));
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static String contentType(String name) {
        return name.endsWith(".jsonld") ? "application/ld+json" : name.endsWith(".json") ? "application/json"
                : name.endsWith(".ttl") ? "text/turtle" : "application/rdf+xml";
    }
}
