package fr.dataterritoires.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The generated catalogue served as a data.gouv.fr API v1 source over a real local HTTP server:
 * {@code GET /api/1/datasets/?page=N&page_size=S} answers {@code {data, page, page_size, total, next_page,
 * previous_page}}. Each page is generated when asked for, so the catalogue is never held in memory.
 */
final class UdataApiServer implements AutoCloseable {

    static final int MAX_PAGE_SIZE = 1000;
    static final String PATH = "/api/1/datasets/";

    private final CatalogueGenerator generator;
    private final UdataJson writer = new UdataJson("https://www.data.gouv.fr");
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong pagesServed = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();

    UdataApiServer(CatalogueGenerator generator) throws IOException {
        this.generator = generator;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "udata-api-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The URL to register as the source: the first page of the dataset list. */
    String datasetsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    long pagesServed() {
        return pagesServed.get();
    }

    long bytesServed() {
        return bytesServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "{\"message\":\"Method not allowed\"}");
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(PATH) && !exchange.getRequestURI().getPath().equals(PATH.substring(0, PATH.length() - 1))) {
                send(exchange, 404, "{\"message\":\"Not found\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            int page;
            int pageSize;
            try {
                page = Integer.parseInt(query.getOrDefault("page", "1"));
                pageSize = Math.min(MAX_PAGE_SIZE, Integer.parseInt(query.getOrDefault("page_size", String.valueOf(MAX_PAGE_SIZE))));
            } catch (NumberFormatException e) {
                send(exchange, 400, "{\"message\":\"page and page_size must be integers\"}");
                return;
            }
            if (page < 1 || pageSize < 1) {
                send(exchange, 400, "{\"message\":\"page and page_size must be positive\"}");
                return;
            }
            send(exchange, 200, page(page, pageSize));
            pagesServed.incrementAndGet();
        }
    }

    /** One page of the API, as a JSON text. */
    String page(int page, int pageSize) {
        long total = generator.size();
        long from = (long) (page - 1) * pageSize;
        long to = Math.min(total, from + pageSize);
        StringBuilder out = new StringBuilder((int) Math.max(1024, (to - from) * 3000));
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("data").beginArray();
        for (long i = from; i < to; i++) {
            writer.write(generator.dataset(i), json);
        }
        json.endArray();
        json.field("page", page);
        json.field("page_size", pageSize);
        json.field("total", total);
        String base = datasetsUrl();
        json.field("next_page", to < total ? base + "?page=" + (page + 1) + "&page_size=" + pageSize : null);
        json.field("previous_page", page > 1 ? base + "?page=" + (page - 1) + "&page_size=" + pageSize : null);
        json.endObject();
        return out.toString();
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            bytesServed.addAndGet(bytes.length);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
