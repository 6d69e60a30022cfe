package fr.dataterritoires.datasetsearch.integration.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.harvest.CatalogueTest;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/**
 * A real CKAN answer (DataSud, package_search, 7 datasets) served over a real local HTTP server and harvested through
 * the production CKAN reader and the harvest route: what the reader builds reads back equal from PostgreSQL (a second
 * run finds everything unchanged), and a package gone from the answer is withdrawn.
 */
@CatalogueTest
class RealCkanHarvestTest {

    private static final Path FILE =
            Path.of("/work/shared/data/real/ckan-api/datasud/package_search-gap-tallard-durance.json");

    @Autowired
    HarvestSources sources;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    ProducerTemplate producer;

    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>();

    @BeforeEach
    void serve() throws IOException {
        body.set(Files.readAllBytes(FILE));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/3/action/package_search", exchange -> {
            byte[] bytes = body.get();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HarvestRun harvest(String sourceId) {
        return (HarvestRun) producer.requestBodyAndHeader(HarvestRoutes.ENTRY, null, HarvestRoutes.SOURCE_ID, sourceId);
    }

    @Test
    void aRealCkanCatalogueIsHarvestedIncrementally() {
        String id = "datasud-" + UUID.randomUUID().toString().substring(0, 8);
        sources.create(new HarvestSource(id, "DataSud (test)", SourceKind.CKAN,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/3/action/package_search"),
                null, true, AccessLevel.OPEN, null), "test");

        HarvestRun first = harvest(id);
        assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo(HarvestRun.Status.COMPLETED);
        // the file's result.count and result.results both say 7 (python3 json.load)
        assertThat(List.of(first.created(), first.updated(), first.failed())).containsExactly(7, 0, 0);
        List<String> keys = datasets.recordKeys(id);
        assertThat(keys).hasSize(7);

        HarvestRun second = harvest(id);
        assertThat(second.status()).isEqualTo(HarvestRun.Status.COMPLETED);
        assertThat(second.unchanged()).as("what the reader built reads back equal").isEqualTo(keys.size());
        assertThat(second.created() + second.updated() + second.withdrawn()).isZero();

        ObjectNode answer = (ObjectNode) CloudEvents.mapper().readTree(new String(body.get(), StandardCharsets.UTF_8));
        ArrayNode results = (ArrayNode) answer.get("result").get("results");
        results.remove(0);
        ((ObjectNode) answer.get("result")).put("count", results.size());
        body.set(CloudEvents.mapper().writeValueAsBytes(answer));

        HarvestRun third = harvest(id);
        assertThat(third.status()).isEqualTo(HarvestRun.Status.COMPLETED);
        assertThat(third.withdrawn()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(keys.size() - 1);
        assertThat(keys.stream().map(k -> datasets.findByProvenance(id, k)).filter(d -> d.isEmpty()).count())
                .isEqualTo(1);
        assertThat(datasets.recordKeys(id)).hasSize(keys.size() - 1);
        assertThat(datasets.findByProvenance(id, datasets.recordKeys(id).getFirst()).map(Dataset::isPublished))
                .contains(true);
    }
}
