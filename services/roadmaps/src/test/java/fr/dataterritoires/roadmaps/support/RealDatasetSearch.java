package fr.dataterritoires.roadmaps.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

import com.sun.net.httpserver.HttpServer;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.process.ServiceProcess;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The real dataset-search, one for the whole test JVM: its executable jar started lazily, once, as a process of its
 * own ({@link ServiceProcess}) on the backends the tests resolved (its own PostgreSQL database, the broker, the
 * embedded Elasticsearch node of this JVM), trusting {@link TestIssuer}'s tokens, in a namespace of its own (exchange,
 * index, queues), and stopped when the JVM exits. Its catalogue is seeded once, through its REST API, by harvesting
 * small real DCAT files of {@code /work/shared/data/real/dcat-catalogs} served on loopback (at least
 * {@value #EXPECTED} datasets); {@link #datasetIds()} are their catalogue ids, as dataset-search itself lists them.
 *
 * <p>As an {@link ApplicationContextInitializer} (see {@link ServiceTest}) it points the service's {@code dataset-search}
 * channel at that process, so every dataset reference a test names is checked by the real {@code DatasetDirectory}:
 * tests name {@link #anyDatasetId(int)} for a dataset the catalogue holds and {@link #unknownDatasetId()} for one it
 * does not.
 */
public final class RealDatasetSearch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

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

    private static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);

    private static ServiceProcess process;
    private static int grpcPort;
    private static List<String> ids;

    /** The running process, started and seeded on first use. */
    public static synchronized ServiceProcess process() {
        if (process == null) {
            try {
                start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return process;
    }

    /** The {@code spring.grpc.client.channels.*.address} of its DatasetDirectory. */
    public static String address() {
        process();
        return "static://127.0.0.1:" + grpcPort;
    }

    /** The catalogue ids of the seeded datasets (at least {@value #EXPECTED}), sorted. */
    public static List<String> datasetIds() {
        process();
        return ids;
    }

    /** The {@code i}-th catalogue id of {@link #datasetIds()}: tests that must not share a dataset pick different i. */
    public static String anyDatasetId(int i) {
        List<String> all = datasetIds();
        if (i < 0 || i >= all.size()) {
            throw new IllegalArgumentException("the catalogue holds " + all.size() + " datasets, no #" + i);
        }
        return all.get(i);
    }

    /** A well-formed catalogue id (a UUID) the catalogue does not hold. */
    public static String unknownDatasetId() {
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while (datasetIds().contains(id));
        return id;
    }

    /**
     * Starts it again after a test stopped it, waiting until it is ready, and checks that its DatasetDirectory
     * answers and still holds the whole catalogue.
     */
    public static synchronized void restartIfStopped() {
        ServiceProcess running = process();
        if (running.isAlive()) {
            return;
        }
        try {
            running.restart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        GetDatasetsResponse known = getDatasets(ids);
        assertThat(known.getMissingList()).as("the catalogue after a restart").isEmpty();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource real = new MapPropertySource("real-dataset-search", Map.of(
                "spring.grpc.client.channels.dataset-search.address", address(),
                // a loaded 2-core machine must not turn ordinary calls into timeouts
                "dataterritoires.grpc.client.default-deadline", "25s"));
        String inlined = "Inlined Test Properties";
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, real);
        } else {
            sources.addFirst(real);
        }
    }

    // ---- start and seed ---------------------------------------------------------------------------------------------

    private static void start() throws IOException, InterruptedException {
        grpcPort = ServiceProcess.freePort();
        String namespace = "dt-test-" + HexFormat.of().formatHex(randomBytes());
        // ServiceProcess stops it when the JVM exits (its shutdown hook)
        process = ServiceProcess.builder("dataset-search",
                        ServiceProcess.jarFromSystemProperty("dataterritoires.test.dataset-search-jar"))
                .profile("local")
                .env("DT_POSTGRES_URL", Backends.postgres().createDatabase("dataset_search_process"))
                .env("DT_POSTGRES_USER", Backends.postgres().username())
                .env("DT_POSTGRES_PASSWORD", Backends.postgres().password())
                .env("DT_AMQP_URL", Backends.amqp().uri())
                .env("DT_ELASTICSEARCH_URL", Backends.elasticsearch().url())
                .httpPort(ServiceProcess.freePort())
                .property("spring.grpc.server.port", grpcPort)
                .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
                // its own exchange, index and queues: nothing it publishes or consumes reaches anyone else
                .property("dataterritoires.test.namespace", namespace)
                .property("dataterritoires.events.exchange", "dataterritoires.events." + namespace)
                .property("dataterritoires.harvest.scheduling.enabled", false)
                .property("dataterritoires.demand.schedule.enabled", false)
                // its reads go through the search index: a loaded 2-core machine must not turn them into timeouts
                .property("dataterritoires.search.timeout", "20s")
                .start();
        try {
            ids = seed();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.close();
            process = null;
            throw e;
        }
    }

    /** Harvests the files into dataset-search; returns the catalogue ids it then lists, sorted. */
    private static List<String> seed() throws IOException, InterruptedException {
        int total;
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FILES.forEach((source, file) -> files.createContext("/" + source + ".rdf", exchange -> {
            byte[] rdf = Files.readAllBytes(DCAT.resolve(file));
            exchange.getResponseHeaders().add("Content-Type", "application/rdf+xml");
            exchange.sendResponseHeaders(200, rdf.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rdf);
            }
        }));
        files.start();
        try {
            int harvested = 0;
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String source : FILES.keySet()) {
                String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/" + source + ".rdf";
                call("POST", "/api/sources", Map.of("id", source, "name", "Fichier réel " + source, "kind", "DCAT",
                        "url", url), 201);
                String run = call("POST", "/api/sources/" + source + "/runs", null, 202).path("id").asString();
                JsonNode finished = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                        .until(() -> call("GET", "/api/harvest-runs/" + run, null, 200),
                                r -> !r.path("status").asString().equals("RUNNING"));
                assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
                harvested += finished.path("counts").path("new").asInt();
                counts.put(source, finished.path("counts").path("new").asInt());
            }
            assertThat(harvested).as("new datasets harvested %s", counts).isGreaterThanOrEqualTo(EXPECTED);
            total = harvested;
        } finally {
            files.stop(0);
        }
        // the ids, as its search lists them once indexed...
        JsonNode listed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> call("GET", "/api/datasets?size=" + (total + 10), null, 200),
                        r -> r.path("total").asLong() == total);
        List<String> found = new ArrayList<>();
        listed.path("datasets").forEach(d -> found.add(d.path("id").asString()));
        assertThat(found).as(listed.toString()).hasSize(total).doesNotHaveDuplicates();
        // ...and all known to its DatasetDirectory (PostgreSQL), the very call roadmaps makes
        GetDatasetsResponse known = getDatasets(found);
        assertThat(known.getMissingList()).as(known.toString()).isEmpty();
        assertThat(known.getDatasetsCount()).isEqualTo(total);
        return found.stream().sorted().toList();
    }

    private static GetDatasetsResponse getDatasets(List<String> datasetIds) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            return DatasetDirectoryGrpc.newBlockingStub(channel)
                    .withInterceptors(new BearerTokenAuthenticationInterceptor(COORDINATOR))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getDatasets(GetDatasetsRequest.newBuilder().addAllDatasetIds(datasetIds).build());
        } finally {
            channel.shutdownNow();
        }
    }

    private static JsonNode call(String method, String path, Object body, int expected) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(process.uri(path).toString()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + COORDINATOR)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(CloudEvents.mapper().writeValueAsString(body)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return CloudEvents.mapper().readTree(response.body());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
