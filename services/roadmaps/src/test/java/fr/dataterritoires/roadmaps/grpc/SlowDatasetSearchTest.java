package fr.dataterritoires.roadmaps.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.testing.backends.BackendsInitializer;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import tools.jackson.databind.JsonNode;

/**
 * dataset-search too slow: a gRPC DatasetDirectory on loopback that takes the call and never answers. The call ends
 * at the deadline and the change is refused with a 503, nothing written — never a 500, never accepted unchecked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class})
class SlowDatasetSearchTest {

    private static final AtomicInteger calls = new AtomicInteger();
    private static Server silent;

    @DynamicPropertySource
    static void silentDatasetSearch(DynamicPropertyRegistry registry) throws IOException {
        silent = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new DatasetDirectoryGrpc.DatasetDirectoryImplBase() {
                    @Override
                    public void getDatasets(GetDatasetsRequest request, StreamObserver<GetDatasetsResponse> response) {
                        calls.incrementAndGet(); // and no answer, ever
                    }
                }).build().start();
        registry.add("spring.grpc.client.channels.dataset-search.address",
                () -> "static://127.0.0.1:" + silent.getPort());
        registry.add("dataterritoires.grpc.client.default-deadline", () -> "2s");
    }

    @AfterAll
    static void stop() {
        silent.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Test
    void aCatalogueThatNeverAnswersGivesA503AtTheDeadline() {
        Api api = new Api(port);
        api.committee("84");
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", Api.COMMITTEE_84, Map.of("regionCode",
                "84", "startYear", 2060, "endYear", 2062, "title", "Feuille de route 2060")).status(201).json()
                .path("id").asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", 1);
        body.put("kind", "DATASET");
        body.put("title", "Réseaux de chaleur");
        body.put("dataset", Map.of("catalogueDatasetId", "6f1c1f59-45a4-4f43-9a39-6e5b8b1f0c11",
                "targetAccessLevel", "OPEN", "targetDate", "2027-06-30", "responsibleSiren", "200046977",
                "answers", "LOCAL"));

        JsonNode problem = api.post(base + "/items", Api.COMMITTEE_84, body).problem(503, "catalogue");
        assertThat(problem.path("dependency").asString()).isEqualTo("dataset-search");
        assertThat(calls.get()).isPositive(); // it did reach the (silent) directory
        assertThat(api.get(base, Api.COMMITTEE_84).ok().json().path("version").asLong()).isEqualTo(1);
    }
}
