package fr.dataterritoires.replication.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.events.EventMetrics;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.RealCommonsCalls;
import fr.dataterritoires.replication.support.ServiceTest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * commons-calls' events on the real broker: an award granted by the real commons-calls becomes an initiative whose
 * page shows its funding, asked over gRPC to that same commons-calls; an award delivered twice (same event id) or
 * published again (another event id) is one initiative and one support; a préciput allocation for replication is a
 * support received.
 */
@ServiceTest
class CommonsCallsEventsTest {

    static final String AWARD = "fr.dataterritoires.commons-calls.AwardGranted.v1";
    static final String ALLOCATION = "fr.dataterritoires.commons-calls.PreciputAllocated.v1";
    static final String ANCT = Api.siren("13002603");

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    Api api;
    RabbitTemplate broker;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        broker = new RabbitTemplate(connectionFactory);
    }

    @Test
    void anAwardOfTheRealCommonsCallsBecomesAnInitiativeWhosePageShowsItsFunding() {
        RealCommonsCalls.GrantedAward award = RealCommonsCalls.grantAward("85000.00");

        // the AwardGranted it published reached us through the broker
        String initiativeId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> jdbc.queryForList("SELECT initiative_id::text FROM initiative_award WHERE award_id = ?::uuid",
                        String.class, award.awardId()), ids -> ids.size() == 1).getFirst();

        JsonNode page = api.get("/api/initiatives/" + initiativeId, null).ok().json();
        assertThat(page.path("title").asString()).isEqualTo(award.commonsTitle());
        assertThat(page.path("leadSiren").asString()).isEqualTo(RealCommonsCalls.LEAD);
        assertThat(page.path("maturity").asString()).isEqualTo("EXPERIMENT");
        assertThat(page.path("territories").toString()).contains("departement:38").contains("commune:38185");
        assertThat(page.path("commons").path("licence").asString()).isEqualTo("EUPL-1.2");
        assertThat(page.path("ethicsCharter").asString()).isEqualTo("Charte éthique des communs numériques");
        // its funding, from commons-calls' CommonsFunding
        assertThat(page.path("partial").asBoolean()).as(page.toString()).isFalse();
        assertThat(page.path("missing").size()).isZero();
        JsonNode funding = page.path("funding");
        assertThat(funding.path("totalAwarded").asString()).isEqualTo("85000.00");
        assertThat(funding.path("awards").get(0).path("awardId").asString()).isEqualTo(award.awardId());
        assertThat(funding.path("awards").get(0).path("amount").asString()).isEqualTo("85000.00");
        assertThat(funding.path("unknownAwardIds").size()).isZero();
        // and as support received
        assertThat(page.path("supports").get(0).path("kind").asString()).isEqualTo("COMMONS_AWARD");
        assertThat(page.path("supports").get(0).path("amount").asString()).isEqualTo("85000.00");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_record WHERE action = 'initiative.created-from-award' "
                + "AND target_id = ?", String.class, initiativeId)).containsExactly("system");
    }

    @Test
    void anAwardGrantedDeliveredTwiceCreatesOneInitiative() {
        String awardId = UUID.randomUUID().toString();
        String title = "Observatoire des friches " + awardId.substring(0, 8);
        Map<String, Object> data = awardPayload(awardId, title, "120000.00");
        EventSchemas.assertConformsTo("commonscalls/AwardGranted.v1", CloudEvents.toTree(data));
        CloudEvent granted = event(AWARD, awardId, data);
        double duplicates = count(EventMetrics.DUPLICATE, AWARD);

        publish(granted);
        publish(granted); // delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> count(EventMetrics.DUPLICATE, AWARD) >= duplicates + 1
                && initiativesTitled(title) == 1);
        // published again by another event: still one, nothing more
        CloudEvent again = event(AWARD, awardId, data);
        publish(again);
        awaitProcessed(again);

        assertThat(initiativesTitled(title)).isEqualTo(1);
        String id = jdbc.queryForObject("SELECT id::text FROM initiative WHERE title = ?", String.class, title);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM support_action WHERE initiative_id = ?::uuid",
                Integer.class, id)).isEqualTo(1);
        JsonNode initiative = api.get("/api/initiatives?leadSiren=" + Api.LYON_SIREN + "&limit=200", null).ok().json();
        assertThat(initiative.toString()).contains(title);

        // a second award for the same commons of the same lead updates that initiative
        String second = UUID.randomUUID().toString();
        CloudEvent more = event(AWARD, second, awardPayload(second, title, "30000.00"));
        publish(more);
        awaitProcessed(more);
        assertThat(initiativesTitled(title)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT award_id::text FROM initiative_award WHERE initiative_id = ?::uuid",
                String.class, id)).containsExactlyInAnyOrder(awardId, second);
    }

    @Test
    void aPreciputAllocationForReplicationIsASupportReceivedOnce() {
        JsonNode initiative = api.createInitiative(Api.COORDINATOR, Api.initiative(Api.LYON_SIREN,
                "Cantines locales " + UUID.randomUUID(), List.of("69123")));
        String id = initiative.path("id").asString();
        String allocationId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allocationId", allocationId);
        data.put("purpose", "REPLICATION_SUPPORT");
        data.put("beneficiarySiren", Api.LYON_SIREN);
        data.put("beneficiaryName", "Métropole de Lyon");
        data.put("initiativeId", id);
        data.put("amount", "15000.50");
        data.put("currency", "EUR");
        data.put("reason", "Soutien à l'essaimage");
        data.put("allocatedAt", "2026-04-02T09:00:00Z");
        EventSchemas.assertConformsTo("commonscalls/PreciputAllocated.v1", CloudEvents.toTree(data));
        CloudEvent allocated = event(ALLOCATION, allocationId, data);
        publish(allocated);
        publish(allocated);
        CloudEvent again = event(ALLOCATION, allocationId, data);
        publish(again);
        awaitProcessed(allocated);
        awaitProcessed(again);

        JsonNode supports = api.get("/api/initiatives/" + id + "/supports", null).ok().json();
        assertThat(supports.size()).isEqualTo(1);
        assertThat(supports.get(0).path("kind").asString()).isEqualTo("PRECIPUT_ALLOCATION");
        assertThat(supports.get(0).path("amount").asString()).isEqualTo("15000.50");
        assertThat(supports.get(0).path("receivedOn").asString()).isEqualTo("2026-04-02");
        assertThat(supports.get(0).path("sourceRef").asString()).isEqualTo(allocationId);
    }

    @Test
    void anAllocationToAnUnknownInitiativeOrABrokenAwardGoesToTheDeadLetterQueueAtOnce() {
        String dlq = environment.getRequiredProperty("dataterritoires.test.namespace") + ".replication.commons-calls.dlq";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allocationId", UUID.randomUUID().toString());
        data.put("purpose", "REPLICATION_SUPPORT");
        data.put("beneficiarySiren", Api.LYON_SIREN);
        data.put("initiativeId", UUID.randomUUID().toString());
        data.put("amount", "900.00");
        data.put("currency", "EUR");
        data.put("allocatedAt", "2026-04-02T09:00:00Z");
        CloudEvent lost = event(ALLOCATION, (String) data.get("allocationId"), data);
        publish(lost);
        Message dead = broker.receive(dlq, 30_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(lost.id());

        String awardId = UUID.randomUUID().toString();
        Map<String, Object> broken = awardPayload(awardId, "Territoire inconnu", "1000.00");
        broken.put("territories", List.of("99999"));
        CloudEvent bad = event(AWARD, awardId, broken);
        publish(bad);
        Message deadAward = broker.receive(dlq, 30_000);
        assertThat(deadAward).isNotNull();
        assertThat(deadAward.getMessageProperties().getMessageId()).isEqualTo(bad.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM initiative_award WHERE award_id = ?::uuid", Integer.class,
                awardId)).isZero();
    }

    static Map<String, Object> awardPayload(String awardId, String title, String amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", awardId);
        data.put("callId", "appel-communs-2026");
        data.put("callTitle", "Appel à communs 2026");
        data.put("funderSiren", ANCT);
        data.put("beneficiarySirens", List.of(Api.LYON_SIREN));
        data.put("amount", amount);
        data.put("currency", "EUR");
        data.put("grantedAt", "2026-03-15T10:00:00Z");
        data.put("callKind", "COMMONS");
        data.put("leadSiren", Api.LYON_SIREN);
        data.put("territories", List.of("200046977", "84"));
        data.put("commons", Map.of("title", title, "kind", "COLLABORATIVE_DATABASE", "summary",
                "Inventaire partagé des friches", "licence", "ODbL", "repositoryUrl", "https://git.example.fr/friches",
                "schemas", List.of("etalab/schema-friches")));
        data.put("ethicsCharter", "Charte éthique des communs numériques");
        data.put("labels", List.of("Numérique en commun(s)"));
        return data;
    }

    private int initiativesTitled(String title) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM initiative WHERE title = ?", Integer.class, title);
        return n == null ? 0 : n;
    }

    private CloudEvent event(String type, String subject, Map<String, Object> data) {
        return CloudEvent.of("/dataterritoires/commons-calls", type, subject, CloudEvents.toTree(data));
    }

    private void publish(CloudEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(event.id());
        broker.send(environment.getRequiredProperty("dataterritoires.events.exchange"), event.type(),
                new Message(CloudEvents.toJsonBytes(event), properties));
    }

    private void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbound_event WHERE event_id = ?::uuid", Integer.class, event.id()) >= 1);
    }

    private double count(String name, String type) {
        return meters.find(name).tag("type", type).counters().stream().mapToDouble(c -> c.count()).sum();
    }

}
