package fr.dataterritoires.datasetsearch.integration.harvest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server on 127.0.0.1 serving the files of {@code /work/shared/data/real/} as a source would, with
 * their Content-Types. It is also the HTTP proxy the readers are given, so the absolute page links written in the
 * files (http://data.test.org/catalog.jsonld?page=2) reach the matching real file; unknown hosts answer 404.
 *
 * <ul>
 *   <li>{@code /real/<path>}: the file as is;</li>
 *   <li>{@code /csw/<family>?...&startPosition=N}: {@code geodcat-csw/udata/<family>-page-N.xml};</li>
 *   <li>{@code /moved/<path>}: a 302 redirection to {@code /real/<path>};</li>
 *   <li>{@code /replay/<path>}: the HTTP response recorded in an ExVCR cassette, replayed;</li>
 *   <li>{@code /synth/...}: API pages cut from real records by query parameters ({@link #synthetic});</li>
 *   <li>{@code /inline/<name>}: bodies a test registers ({@link #inline}).</li>
 * </ul>
 * Every real file served is recorded in {@link #served()}, in order, so a test can tell which file a record
 * came from.
 */
final class RealDataServer implements AutoCloseable {

    static final Path ROOT = Path.of("/work/shared/data/real");

    record Body(int status, String contentType, byte[] bytes) {
    }

    private final HttpServer server;
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private final Map<String, String> virtualHosts = new ConcurrentHashMap<>();
    private final Map<String, Body> inline = new ConcurrentHashMap<>();
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final Map<String, Function<Map<String, String>, Body>> synthetic = new ConcurrentHashMap<>();

    RealDataServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    List<String> served() {
        return served;
    }

    /** The Accept header of every request received, in order. */
    List<String> accepts() {
        return accepts;
    }

    /** Maps an absolute URL written in a file ("http://data.test.org/catalog.jsonld?page=2") to a real file. */
    void virtualHost(String absoluteUrl, String realFile) {
        virtualHosts.put(absoluteUrl, realFile);
    }

    /** Serves a real file at a local path (an API endpoint such as .../api/3/action/package_search). */
    void route(String path, String realFile) {
        routes.put(path, realFile);
    }

    void inline(String name, int status, String contentType, String body) {
        inline.put(name, new Body(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    void synthetic(String path, Function<Map<String, String>, Body> page) {
        synthetic.put(path, page);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            Body body = answer(exchange.getRequestURI());
            if (body.status() == 302) {
                exchange.getResponseHeaders().set("Location", new String(body.bytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", body.contentType());
            exchange.sendResponseHeaders(body.status(), body.bytes().length == 0 ? -1 : body.bytes().length);
            if (body.bytes().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body.bytes());
                }
            }
        }
    }

    private Body answer(URI requested) throws IOException {
        String host = requested.getHost();
        if (host != null && !host.equals("127.0.0.1")) {
            String file = virtualHosts.get(requested.toString());
            return file == null ? notFound() : file(file);
        }
        String path = requested.getRawPath();
        Map<String, String> query = query(requested.getRawQuery());
        if (routes.containsKey(path)) {
            return file(routes.get(path));
        }
        if (path.startsWith("/real/")) {
            return file(path.substring("/real/".length()));
        }
        if (path.startsWith("/csw/")) {
            String family = path.substring("/csw/".length());
            if (!"results".equals(query.get("resultType")) || !"GetRecords".equals(query.get("request"))
                    || !query.containsKey("startPosition")) {
                // What a CSW does with a request lacking resultType=results: no records.
                return new Body(400, "application/xml", "<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows\">"
                        .concat("<ows:Exception exceptionCode=\"MissingParameterValue\"/></ows:ExceptionReport>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            String start = query.get("startPosition");
            return file("geodcat-csw/udata/" + family + "-page-" + start + ".xml");
        }
        if (path.startsWith("/moved/")) {
            // A catalogue that moved: 302 to where the file is now.
            return new Body(302, "text/plain", ("/real/" + path.substring("/moved/".length()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith("/replay/")) {
            return replay(path.substring("/replay/".length()));
        }
        if (path.startsWith("/inline/")) {
            Body body = inline.get(path.substring("/inline/".length()));
            return body == null ? notFound() : body;
        }
        Function<Map<String, String>, Body> page = synthetic.get(path);
        return page == null ? notFound() : page.apply(query);
    }

    private Body file(String relative) throws IOException {
        Path file = ROOT.resolve(relative).normalize();
        if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
            return notFound();
        }
        served.add(relative);
        return new Body(200, contentType(relative), Files.readAllBytes(file));
    }

    /** The recorded response of the cassette's first interaction, status and Content-Type included. */
    private Body replay(String relative) throws IOException {
        Path file = ROOT.resolve(relative).normalize();
        if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
            return notFound();
        }
        served.add(relative);
        JsonNode response = JsonSupport.MAPPER.readTree(file.toFile()).get(0).get("response");
        return new Body(response.get("status_code").asInt(), response.at("/headers/Content-Type").asString(),
                response.get("body").asString().getBytes(StandardCharsets.UTF_8));
    }

    static String contentType(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".rdf") || n.endsWith(".rdf.xml")) {
            return "application/rdf+xml";
        }
        if (n.endsWith(".ttl")) {
            return "text/turtle; charset=utf-8";
        }
        if (n.endsWith(".jsonld")) {
            return "application/ld+json";
        }
        if (n.endsWith(".nt")) {
            return "application/n-triples";
        }
        if (n.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (n.endsWith(".xml")) {
            // What udata's DCAT fixtures and CSW endpoints are served as: generic XML, the reader must look inside.
            return "application/xml";
        }
        return "application/octet-stream";
    }

    private static Body notFound() {
        return new Body(404, "text/html; charset=utf-8",
                "<html><body><h1>404 Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** A JSON answer. */
    static Body json(JsonNode node) {
        return new Body(200, "application/json", node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode object() {
        return JsonSupport.MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return JsonSupport.MAPPER.createArrayNode();
    }

    static JsonNode readJson(String relative) {
        return JsonSupport.MAPPER.readTree(ROOT.resolve(relative).toFile());
    }

    static List<String> filesUnder(String... directories) throws IOException {
        List<String> files = new ArrayList<>();
        for (String directory : directories) {
            try (var walk = Files.walk(ROOT.resolve(directory))) {
                walk.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString()).sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
