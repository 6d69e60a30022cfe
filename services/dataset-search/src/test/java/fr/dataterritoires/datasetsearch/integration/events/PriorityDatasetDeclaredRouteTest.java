package fr.dataterritoires.datasetsearch.integration.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.demand.DemandFixtures;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DemandSignals;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.events.EventMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * {@code PriorityDatasetDeclared} events published on the real broker, on the context's own exchange, reach the
 * dataset's demand exactly once.
 */
@ServiceTest
class PriorityDatasetDeclaredRouteTest {

    @LocalServerPort
    int port;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;

    DemandFixtures fixtures;
    RabbitTemplate broker;
    String roadmap;

    @BeforeEach
    void setUp() {
        fixtures = new DemandFixtures(datasets, transactions, jdbc, port);
        broker = new RabbitTemplate(connectionFactory);
        roadmap = "feuille-de-route-" + UUID.randomUUID();
    }

    @Test
    void aDeclarationCountsOnceEvenDeliveredTwiceAndARedeclarationReplacesIt() throws Exception {
        Dataset dataset = fixtures.dataset("Consommations électriques à la maille IRIS", AccessLevel.RESTRICTED,
                "213800006", "commune:69123");
        String reference = dataset.provenance().getFirst().description().sourceUri();

        CloudEvent first = event(payload("item-1", "TERRITORIAL", List.of("region:84"), reference), 0);
        double duplicates = count(EventMetrics.DUPLICATE);
        publish(first);
        publish(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(EventMetrics.DUPLICATE) >= duplicates + 1
                && declarations(first) == 1);
        assertThat(fixtures.reload(dataset.id()).demand()).isEqualTo(new DemandSignals(1, false, 0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_event WHERE event_id = ?::uuid", Integer.class,
                first.id())).isEqualTo(1);
        // re-indexed: search sees the priority
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(dataset).path("priority").asBoolean());
        assertThat(indexed(dataset).path("demand").asInt()).isEqualTo(5);

        // the same roadmap item declared again, now nationally: replaced, not counted twice
        CloudEvent national = event(payload("item-1", "NATIONAL", null, reference), 60);
        publish(national);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.reload(dataset.id()).demand().nationalPriority());
        assertThat(fixtures.reload(dataset.id()).demand()).isEqualTo(new DemandSignals(1, true, 0));

        // an older event of the same item arriving late changes nothing
        CloudEvent late = event(payload("item-1", "TERRITORIAL", List.of("region:84"), reference), 30);
        publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));
        assertThat(fixtures.reload(dataset.id()).demand()).isEqualTo(new DemandSignals(1, true, 0));

        // another item of the roadmap for the same dataset (by its catalogue id) adds up
        CloudEvent second = event(payload("item-2", "TERRITORIAL", List.of("commune:69123"),
                dataset.id().toString()), 90);
        publish(second);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.reload(dataset.id()).demand()
                .priorityDeclarations() == 2);
        assertThat(fixtures.reload(dataset.id()).demand()).isEqualTo(new DemandSignals(2, true, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(dataset).path("demand").asInt() == 10);

        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_type = 'PriorityDeclaration' "
                + "AND target_id = ? ORDER BY seq", String.class, roadmap + "/item-1"))
                .containsExactly("priority-declaration.recorded", "priority-declaration.updated");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'dataset.demand-updated' "
                + "AND target_id = ?", Integer.class, dataset.id().toString())).isEqualTo(3);
    }

    @Test
    void aDatasetToBeProducedIsKeptAsDemandAndListed() {
        Map<String, Object> payload = payload("item-solaire", "TERRITORIAL", List.of("departement:69"), null);
        payload.put("title", "Cadastre solaire de la métropole " + roadmap);
        CloudEvent event = event(payload, 0);
        publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(event));

        JsonNode list = fixtures.get("/api/demand/most-demanded?territory=commune:69123&limit=100", null).json();
        JsonNode entry = list.valueStream().filter(n -> n.path("title").asString().contains(roadmap)).findFirst()
                .orElseThrow();
        assertThat(entry.path("inCatalogue").asBoolean()).isFalse();
        assertThat(entry.path("priorityDeclarations").asInt()).isEqualTo(1);
        assertThat(entry.path("targetDate").asString()).isEqualTo("2027-06-30");
        assertThat(entry.has("datasetId")).isFalse();
    }

    @Test
    void aPayloadBreakingTheSchemaGoesToTheDeadLetterQueueAtOnce() {
        Map<String, Object> payload = payload("item-bad", "REGIONAL", List.of("region:84"), null);
        CloudEvent bad = event(payload, 0);
        publish(bad);
        String queue = environment.getRequiredProperty("dataterritoires.test.namespace")
                + ".dataset-search.priority-datasets.dlq";
        Message dead = broker.receive(queue, 30_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(bad.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM priority_declaration WHERE roadmap_id = ?",
                Integer.class, roadmap)).isZero();
    }

    private Map<String, Object> payload(String item, String scope, List<String> territories, String reference) {
        Map<String, Object> scopeNode = new LinkedHashMap<>();
        scopeNode.put("kind", scope);
        if (territories != null) {
            scopeNode.put("territories", territories);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roadmapId", roadmap);
        payload.put("itemId", item);
        payload.put("declaredBy", "84");
        payload.put("scope", scopeNode);
        if (reference != null) {
            payload.put("datasetReference", reference);
        }
        payload.put("title", "Jeu prioritaire");
        payload.put("targetAccessLevel", "OPEN");
        payload.put("targetDate", "2027-06-30");
        return payload;
    }

    /** An event stamped {@code seconds} after a fixed instant, so their order is the test's. */
    private static CloudEvent event(Map<String, Object> payload, int seconds) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/dataterritoires/roadmaps",
                PriorityDatasetDeclaredPayload.TYPE, OffsetDateTime.of(2026, 10, 1, 8, 0, 0, 0, ZoneOffset.UTC)
                .plusSeconds(seconds), payload.get("roadmapId") + "/" + payload.get("itemId"), CloudEvent.JSON,
                CloudEvents.toTree(payload));
    }

    private void publish(CloudEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(event.id());
        broker.send(environment.getRequiredProperty("dataterritoires.events.exchange"), event.type(),
                new Message(CloudEvents.toJsonBytes(event), properties));
    }

    private int declarations(CloudEvent event) {
        return jdbc.queryForObject("SELECT count(*) FROM priority_declaration WHERE roadmap_id = ?", Integer.class,
                roadmap);
    }

    private boolean processed(CloudEvent event) {
        return jdbc.queryForObject("SELECT count(*) FROM inbound_event WHERE event_id = ?::uuid", Integer.class,
                event.id()) == 1;
    }

    /** The dataset's document in the search index (the context's own, named after its test namespace). */
    private JsonNode indexed(Dataset dataset) throws Exception {
        String url = environment.getRequiredProperty("spring.elasticsearch.uris").split(",")[0]
                + "/" + environment.getRequiredProperty("dataterritoires.test.namespace") + "-datasets/_doc/"
                + dataset.id();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return CloudEvents.mapper().readTree(response.body()).path("_source");
    }

    private double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
