package fr.dataterritoires.roadmaps.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsResponse;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.BackendsInitializer;
import fr.dataterritoires.testing.process.ServiceProcess;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Dataset references checked through a real gRPC call to the real dataset-search: its executable jar started as a
 * process of its own ({@link ServiceProcess}, one for the class) on the backends the tests resolved, trusting the
 * test issuer, seeded through its REST API by harvesting a real DCAT file (Cap Atlantique's open data portal, one
 * dataset) served on loopback. Then roadmaps accepts a dataset the catalogue holds, refuses one it does not (422
 * naming the id and the field), and refuses — 503, nothing written — once dataset-search is stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetDirectoryReferencesTest {

    private static final Path CATALOGUE = Path.of(
            "/work/shared/data/real/dcat-catalogs/capatlantique-ods/exports-dcat-ccas-guerande.rdf");
    private static final String SOURCE_URI =
            "https://data.capatlantique.fr/explore/dataset/264400516_arretes_ccas_guerande/";
    private static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);

    private static ServiceProcess datasetSearch;
    private static HttpServer files;
    private static int grpcPort;
    private static String knownDatasetId;

    @DynamicPropertySource
    static void startDatasetSearch(DynamicPropertyRegistry registry) throws Exception {
        grpcPort = ServiceProcess.freePort();
        String namespace = "dt-test-" + HexFormat.of().formatHex(randomBytes());
        datasetSearch = ServiceProcess.builder("dataset-search",
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
        registry.add("spring.grpc.client.channels.dataset-search.address", () -> "static://127.0.0.1:" + grpcPort);
        // a loaded 2-core machine must not turn ordinary calls into timeouts
        registry.add("dataterritoires.grpc.client.default-deadline", () -> "25s");
        knownDatasetId = seed();
    }

    @AfterAll
    static void stop() {
        if (datasetSearch != null) {
            datasetSearch.close();
        }
        if (files != null) {
            files.stop(0);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void aDatasetOfTheCatalogueIsAcceptedAndAnUnknownIdIsRefusedByName() {
        Api api = new Api(port);
        String base = roadmap(api, 2030);

        JsonNode added = api.post(base + "/items", Api.COMMITTEE_84, dataset(1, knownDatasetId)).status(201).json();
        assertThat(added.path("items").get(0).path("content").path("dataset").path("catalogueDatasetId").asString())
                .isEqualTo(knownDatasetId);
        assertThat(added.path("version").asLong()).isEqualTo(2);

        String unknown = "0b7e7c4e-1f7a-4c55-9d55-000000000000";
        JsonNode problem = api.post(base + "/items", Api.COMMITTEE_84, dataset(2, unknown)).problem(422, unknown,
                "dataset.catalogueDatasetId");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("dataset.catalogueDatasetId");
        // not a catalogue id at all (a URL): unknown as well
        api.post(base + "/items", Api.COMMITTEE_84, dataset(2, "https://data.capatlantique.fr/explore/dataset/x/"))
                .problem(422, "dataset.catalogueDatasetId");
        assertThat(api.get(base, Api.COMMITTEE_84).ok().json().path("version").asLong()).isEqualTo(2);
    }

    /** Last: it stops dataset-search for good (a restart would double the class's time; ServiceProcessTest covers it). */
    @Test
    @Order(2)
    void whileDatasetSearchIsStoppedTheChangeIsRefusedWith503AndNothingIsWritten() {
        Api api = new Api(port);
        String base = roadmap(api, 2033);
        datasetSearch.stop();

        JsonNode problem = api.post(base + "/items", Api.COMMITTEE_84, dataset(1, knownDatasetId))
                .problem(503, "catalogue", "Réessayez");
        assertThat(problem.path("type").asString()).endsWith("service-indisponible");
        assertThat(problem.path("dependency").asString()).isEqualTo("dataset-search");
        assertThat(problem.toString()).doesNotContain("UNAVAILABLE", "io.grpc", "Exception");
        // nothing written: same version, no item, no audit record of an added item
        JsonNode unchanged = api.get(base, Api.COMMITTEE_84).ok().json();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("items")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'roadmap.item-added' "
                + "AND target_id = ?", Integer.class, base.substring(base.lastIndexOf('/') + 1))).isZero();
        // an item that names no catalogue dataset (still to be produced) needs no check: accepted
        Map<String, Object> toBeProduced = dataset(1, null);
        api.post(base + "/items", Api.COMMITTEE_84, toBeProduced).status(201);
    }

    private static String roadmap(Api api, int startYear) {
        api.committee("84");
        return "/api/roadmaps/" + api.post("/api/roadmaps/committee", Api.COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", startYear, "endYear", startYear + 2, "title", "Feuille de route " + startYear))
                .status(201).json().path("id").asString();
    }

    private static Map<String, Object> dataset(long version, String catalogueId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "DATASET");
        body.put("title", "Arrêtés du CCAS de Guérande");
        Map<String, Object> dataset = new LinkedHashMap<>(Map.of("targetAccessLevel", "OPEN",
                "targetDate", "2027-06-30", "responsibleSiren", "200046977", "answers", "LOCAL"));
        if (catalogueId != null) {
            dataset.put("catalogueDatasetId", catalogueId);
        }
        body.put("dataset", dataset);
        return body;
    }

    // ---- seeding dataset-search through its REST API -------------------------------------------------------------

    /** Harvests the DCAT file into dataset-search; returns the catalogue id of its one dataset. */
    private static String seed() throws Exception {
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] rdf = Files.readAllBytes(CATALOGUE);
        files.createContext("/catalog.rdf", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rdf+xml");
            exchange.sendResponseHeaders(200, rdf.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rdf);
            }
        });
        files.start();
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/catalog.rdf";
        call("POST", "/api/sources", Map.of("id", "cap-atlantique", "name", "Cap Atlantique", "kind", "DCAT",
                "url", url), 201);
        String run = call("POST", "/api/sources/cap-atlantique/runs", null, 202).path("id").asString();
        JsonNode finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> call("GET", "/api/harvest-runs/" + run, null, 200),
                        r -> !r.path("status").asString().equals("RUNNING"));
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
        assertThat(finished.path("counts").path("new").asInt()).as(finished.toString()).isEqualTo(1);
        // its catalogue id, from the directory itself (by its source URI; PostgreSQL, not the search index)
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            ResolveDatasetsResponse resolved = DatasetDirectoryGrpc.newBlockingStub(channel)
                    .withInterceptors(new BearerTokenAuthenticationInterceptor(COORDINATOR))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .resolveDatasets(ResolveDatasetsRequest.newBuilder().addReferences(SOURCE_URI).build());
            assertThat(resolved.getResolvedList()).as(resolved.toString()).hasSize(1);
            return resolved.getResolved(0).getDataset().getDatasetId();
        } finally {
            channel.shutdownNow();
        }
    }

    private static JsonNode call(String method, String path, Object body, int expected) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(datasetSearch.uri(path).toString()))
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
