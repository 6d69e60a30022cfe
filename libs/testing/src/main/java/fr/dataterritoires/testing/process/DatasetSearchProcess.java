package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import fr.dataterritoires.testing.backends.Backends;

import tools.jackson.databind.JsonNode;

/**
 * The real dataset-search for the tests of the modules that call it (roadmaps over gRPC, the portal over REST): its
 * executable jar started as a process ({@link ServiceProcess}) on the backends the tests resolved (its own PostgreSQL
 * database, the broker, the embedded Elasticsearch node of this JVM), in a namespace of its own (exchange, index,
 * queues), harvest schedules off, then seeded through its REST API by harvesting small real DCAT files of
 * {@code /work/shared/data/real/dcat-catalogs} served on loopback. {@link #datasetIds()} are the catalogue ids it then
 * lists. The caller says which issuer it trusts ({@code configure}) and gives a national coordinator's token of that
 * issuer for the seeding.
 */
public final class DatasetSearchProcess {

    private static final Path DCAT = Path.of("/work/shared/data/real/dcat-catalogs");
    /** Source id → file under {@link #DCAT}; the numbers of datasets are those dataset-search's own tests prove. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("cap-atlantique", "capatlantique-ods/exports-dcat-ccas-guerande.rdf"); // 1 dataset
        FILES.put("ckanext-dcat-catalog", "ckanext-dcat/catalog.rdf");                   // 2
        FILES.put("udata-bnodes", "udata/bnodes.xml");                                   // 3
        FILES.put("udata-catalog", "udata/catalog.xml");                                 // 4
        FILES.put("udata-udata", "udata/udata.xml");                                     // 2
        FILES.put("datara-5a26b0f6", "udata/datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml"); // 1
        FILES.put("datara-f40c3860", "udata/datara--f40c3860-7236-4b30-a141-23b8ae33f7b2.rdf.xml"); // 1
        FILES.put("sig-oreme", "udata/sig.oreme.rdf");                                   // 1
    }

    /** At least as many datasets as the files above give together (some of them describe the same datasets). */
    public static final int EXPECTED = 12;

    private final ServiceProcess process;
    private final ServiceApi api;
    private final List<String> ids;

    private DatasetSearchProcess(ServiceProcess process, String coordinatorToken, List<String> ids) {
        this.process = process;
        this.api = new ServiceApi(process, coordinatorToken);
        this.ids = ids;
    }

    /**
     * Starts and seeds it; the process stops when the JVM exits (or on {@code process().close()}).
     *
     * @param configure        the issuer it trusts and anything else ({@code trustIssuer}, properties)
     * @param coordinatorToken a {@code NATIONAL_COORDINATOR} token it accepts (sources and harvests)
     */
    public static DatasetSearchProcess start(Consumer<ServiceProcess.Builder> configure, String coordinatorToken)
            throws IOException, InterruptedException {
        ServiceProcess.Builder builder = ServiceProcess.builder("dataset-search",
                        ServiceProcess.jarFromSystemProperty("dataterritoires.test.dataset-search-jar"))
                .profile("local")
                .onTestBackends("dataset_search_process")
                .env("DT_ELASTICSEARCH_URL", Backends.elasticsearch().url())
                .httpPort(ServiceProcess.freePort())
                .property("dataterritoires.harvest.scheduling.enabled", false)
                .property("dataterritoires.demand.schedule.enabled", false)
                // its reads go through the search index: a loaded 2-core machine must not turn them into timeouts
                .property("dataterritoires.search.timeout", "20s");
        configure.accept(builder);
        return builder.startThen(process -> new DatasetSearchProcess(process, coordinatorToken,
                new DatasetSearchProcess(process, coordinatorToken, List.of()).seed()));
    }

    public ServiceProcess process() {
        return process;
    }

    /** Its HTTP base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return process.uri("/");
    }

    /** The catalogue ids of the seeded datasets (at least {@value #EXPECTED}), sorted. */
    public List<String> datasetIds() {
        return ids;
    }

    /**
     * Calls its REST API as a national coordinator and returns the JSON answer.
     *
     * @throws AssertionError when the status is not {@code expected}
     */
    public JsonNode call(String method, String path, Object body, int expected) throws IOException,
            InterruptedException {
        return api.call(method, path, body, expected);
    }

    /** Same with a token of the caller's choice ({@code null}: anonymous). */
    public JsonNode call(String method, String path, Object body, int expected, String token) throws IOException,
            InterruptedException {
        return api.call(method, path, body, expected, token);
    }

    /** Harvests the files into dataset-search; returns the catalogue ids it then lists, sorted. */
    private List<String> seed() throws IOException, InterruptedException {
        int total = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            int created = harvest(file.getKey(), DCAT.resolve(file.getValue()), Map.of());
            total += created;
            counts.put(file.getKey(), created);
        }
        if (total < EXPECTED) {
            throw new AssertionError("new datasets harvested: " + total + " " + counts + ", expected at least "
                    + EXPECTED);
        }
        return awaitListed(total);
    }

    /**
     * Declares a DCAT source serving {@code file} on loopback and harvests it once (on demand); returns how many new
     * datasets the run counted. {@code sourceFields} adds to the source's declaration, e.g. {@code defaultAccessLevel}
     * and {@code defaultProducer} for records that say nothing of them.
     */
    public int harvest(String sourceId, Path file, Map<String, Object> sourceFields) throws IOException,
            InterruptedException {
        String name = file.getFileName().toString();
        String contentType = name.endsWith(".ttl") ? "text/turtle"
                : name.endsWith(".jsonld") ? "application/ld+json" : "application/rdf+xml";
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/" + name, exchange -> {
            byte[] content = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        files.start();
        try {
            Map<String, Object> source = new LinkedHashMap<>(Map.of("id", sourceId, "name", "Fichier réel " + sourceId,
                    "kind", "DCAT", "url", "http://127.0.0.1:" + files.getAddress().getPort() + "/" + name));
            source.putAll(sourceFields);
            call("POST", "/api/sources", source, 201);
            String run = call("POST", "/api/sources/" + sourceId + "/runs", null, 202).path("id").asString();
            JsonNode finished = poll(Duration.ofSeconds(90), () -> call("GET", "/api/harvest-runs/" + run, null, 200),
                    r -> !r.path("status").asString().equals("RUNNING"));
            if (!finished.path("status").asString().equals("COMPLETED")) {
                throw new AssertionError("harvest of " + sourceId + " did not complete: " + finished);
            }
            return finished.path("counts").path("new").asInt();
        } finally {
            files.stop(0);
        }
    }

    /** Waits until its search lists {@code total} datasets (indexing follows the harvest); returns their ids, sorted. */
    public List<String> awaitListed(int total) throws IOException, InterruptedException {
        JsonNode listed = poll(Duration.ofSeconds(60), () -> call("GET", "/api/datasets?size=" + Math.min(total + 10, 100),
                null, 200), r -> r.path("total").asLong() == total);
        List<String> found = new ArrayList<>();
        listed.path("datasets").forEach(d -> found.add(d.path("id").asString()));
        if (found.size() != Math.min(total, 100) || found.stream().distinct().count() != found.size()) {
            throw new AssertionError("listed " + found + " for " + total + " harvested datasets");
        }
        return found.stream().sorted().toList();
    }

    interface Call {
        JsonNode get() throws IOException, InterruptedException;
    }

    private static JsonNode poll(Duration atMost, Call call, Predicate<JsonNode> done) throws IOException,
            InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        JsonNode last = call.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not there after " + atMost + ": " + last);
            }
            Thread.sleep(300);
            last = call.get();
        }
        return last;
    }

}
