package fr.dataterritoires.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The indexing baseline: the documents the service indexed, sent straight to Elasticsearch with {@code _bulk} into
 * a fresh index with the same settings and mappings, in batches of the same size. The documents are first exported
 * (scroll over the alias) into NDJSON batch files, so that only the bulk requests and the final refresh are timed.
 */
final class RawBulkBaseline {

    /** Index settings Elasticsearch sets itself and refuses at creation. */
    private static final Set<String> GENERATED_SETTINGS = Set.of("uuid", "creation_date", "provided_name", "version",
            "resize", "history_uuid", "creation_date_string", "blocks", "verified_before_close", "routing");

    record Result(long documents, int batches, int batchSize, int concurrency, double seconds, double rate,
                  long errors, String sourceIndex) {
    }

    private final EsHttp es;

    RawBulkBaseline(EsHttp es) {
        this.es = es;
    }

    /** The concrete index behind {@code alias} (the first one if several). */
    String concreteIndex(String alias) throws IOException {
        JsonNode aliases = es.json("GET", "/_alias/" + alias, null);
        Iterator<String> names = aliases.propertyNames().iterator();
        if (!names.hasNext()) {
            throw new IOException("No index behind alias " + alias);
        }
        return names.next();
    }

    /** Exports every document of {@code alias} into batch files of {@code batchSize} bulk actions; returns the files. */
    List<Path> export(String alias, int batchSize, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        JsonNode page = es.json("POST", "/" + alias + "/_search?scroll=5m",
                "{\"size\":" + batchSize + ",\"sort\":[\"_doc\"],\"track_total_hits\":true}");
        String scrollId = page.path("_scroll_id").asString();
        try {
            while (true) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                StringBuilder ndjson = new StringBuilder(hits.size() * 2500);
                for (JsonNode hit : hits) {
                    ndjson.append("{\"index\":{\"_id\":").append(JsonWriter.quote(hit.path("_id").asString()));
                    if (hit.has("_routing")) {
                        ndjson.append(",\"routing\":").append(JsonWriter.quote(hit.path("_routing").asString()));
                    }
                    ndjson.append("}}\n");
                    ndjson.append(EsHttp.JSON.writeValueAsString(hit.path("_source"))).append('\n');
                }
                Path file = directory.resolve(String.format("batch-%06d.ndjson", files.size()));
                Files.writeString(file, ndjson, StandardCharsets.UTF_8);
                files.add(file);
                page = es.json("POST", "/_search/scroll",
                        "{\"scroll\":\"5m\",\"scroll_id\":" + JsonWriter.quote(scrollId) + "}");
                scrollId = page.path("_scroll_id").asString(scrollId);
            }
        } finally {
            es.send("DELETE", "/_search/scroll", "application/json",
                    ("{\"scroll_id\":" + JsonWriter.quote(scrollId) + "}").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Creates {@code target} with the settings and mappings of {@code source}. */
    void createLike(String source, String target) throws IOException {
        JsonNode settings = es.json("GET", "/" + source + "/_settings", null).path(source).path("settings");
        JsonNode mappings = es.json("GET", "/" + source + "/_mapping", null).path(source).path("mappings");
        ObjectNode index = ((ObjectNode) settings.path("index")).deepCopy();
        GENERATED_SETTINGS.forEach(index::remove);
        ObjectNode body = EsHttp.JSON.createObjectNode();
        body.putObject("settings").set("index", index);
        body.set("mappings", mappings);
        if (es.exists(target)) {
            es.json("DELETE", "/" + target, null);
        }
        es.json("PUT", "/" + target, EsHttp.JSON.writeValueAsString(body));
    }

    /** Sends the batch files to {@code target} with {@code concurrency} parallel bulk requests, then refreshes. */
    Result load(List<Path> files, String target, int batchSize, int concurrency, String sourceIndex)
            throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] errors = new long[concurrency];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < files.size()) {
                        byte[] body = Files.readAllBytes(files.get(i));
                        HttpResponse<byte[]> response = es.send("POST", "/" + target + "/_bulk", "application/x-ndjson", body);
                        if (response.statusCode() / 100 != 2) {
                            throw new IOException("bulk answered " + response.statusCode());
                        }
                        JsonNode answer = EsHttp.JSON.readTree(response.body());
                        if (answer.path("errors").asBoolean()) {
                            for (JsonNode item : answer.path("items")) {
                                if (item.path("index").has("error")) {
                                    errors[worker]++;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("Raw bulk failed", e.getCause());
                }
            }
        }
        es.refresh(target);
        double seconds = (System.nanoTime() - start) / 1e9;
        long documents = es.count(target);
        long errorCount = 0;
        for (long e : errors) {
            errorCount += e;
        }
        return new Result(documents, files.size(), batchSize, concurrency, seconds, documents / seconds, errorCount,
                sourceIndex);
    }
}
