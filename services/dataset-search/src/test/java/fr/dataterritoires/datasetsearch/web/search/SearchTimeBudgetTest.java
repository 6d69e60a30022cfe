package fr.dataterritoires.datasetsearch.web.search;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchRequest;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.grpc.GrpcStatusTranslator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search past its time budget: the budget is set to nothing, so every search takes the timeout path whatever the
 * machine's speed. REST answers 504 problem+json with its own type, gRPC DEADLINE_EXCEEDED.
 */
@ServiceTest
@TestPropertySource(properties = "dataterritoires.search.timeout=0ms")
class SearchTimeBudgetTest {

    @Autowired
    DatasetIndex index;

    @LocalServerPort
    int port;

    @Value("${local.grpc.server.port}")
    int grpcPort;

    @Test
    void aSearchPastItsBudgetIsA504ProblemOverRestAndDeadlineExceededOverGrpc() throws Exception {
        index.index(List.of(dataset("Qualité de l'eau de baignade").build()), Instant.now());

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/datasets?q=eau")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.DELAI_DEPASSE)
                .isEqualTo("https://data-territoires.gouv.fr/problemes/delai-de-recherche-depasse");
        assertThat(problem.get("title").asString()).isEqualTo("Délai de recherche dépassé");

        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            assertThatThrownBy(() -> DatasetDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .search(SearchRequest.newBuilder().setText("eau").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                        assertThat(e.getTrailers().get(GrpcStatusTranslator.PROBLEM_TYPE))
                                .isEqualTo(ProblemTypes.DELAI_DEPASSE);
                    });
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
