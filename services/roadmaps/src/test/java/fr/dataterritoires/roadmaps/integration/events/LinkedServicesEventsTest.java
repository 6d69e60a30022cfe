package fr.dataterritoires.roadmaps.integration.events;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.events.EventMetrics;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.roadmaps.support.RealDatasetSearch;
import fr.dataterritoires.roadmaps.support.ServiceTest;
import fr.dataterritoires.territory.Siren;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Events of dataset-search and commons-calls published as CloudEvents on the real broker (the context's own
 * exchange, routing key = type), consumed by roadmaps end to end: automatic progress of a published roadmap's dataset
 * items, awards in the financial section; each once, however often delivered.
 */
@ServiceTest
class LinkedServicesEventsTest {

    private static final String PUBLISHED = "fr.dataterritoires.dataset-search.DatasetPublished.v1";
    private static final String UPDATED = "fr.dataterritoires.dataset-search.DatasetUpdated.v1";
    private static final String WITHDRAWN = "fr.dataterritoires.dataset-search.DatasetWithdrawn.v1";
    private static final String AWARD = "fr.dataterritoires.commons-calls.AwardGranted.v1";
    private static final String METROPOLE = "200046977";
    private static final String ANCT = Siren.withCheckDigit("13002603").value();

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
        api.committee("84");
    }

    @Test
    void aDatasetReachingItsTargetCompletesTheItemsOfAPublishedRoadmapOnceAsTheSystem() {
        // datasets of the real catalogue that no other test of the shared context names
        String heat = RealDatasetSearch.anyDatasetId(10);
        String schools = RealDatasetSearch.anyDatasetId(11);
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", 2050, "endYear", 2052, "title", "Feuille de route 2050-2052")).status(201).json()
                .path("id").asString();
        JsonNode v = api.post(base + "/items", COMMITTEE_84, dataset(1, "Réseaux de chaleur", heat, "OPEN"))
                .status(201).json();
        String heatItem = v.path("items").get(0).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, dataset(2, "Bâtiments scolaires", schools, "SHARED"))
                .status(201).json();
        String schoolsItem = v.path("items").get(1).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, financialLine(3, "50000.00")).status(201).json();
        String line = v.path("items").get(2).path("id").asString();
        long version = publish(base, 4, line);
        assertThat(api.get(base, null).ok().json().path("status").asString()).isEqualTo("PUBLISHED");

        // less open than promised: nothing changes
        CloudEvent restricted = event(UPDATED, datasetPayload(heat, "RESTRICTED"));
        publish(restricted);
        awaitProcessed(restricted);
        JsonNode r = api.get(base, null).ok().json();
        assertThat(r.path("version").asLong()).isEqualTo(version);
        assertThat(item(r, heatItem).path("status").asString()).isEqualTo("PLANNED");

        // open: the item is done, as the system, in a new version of the published roadmap
        CloudEvent opened = event(PUBLISHED, datasetPayload(heat, "OPEN"));
        double duplicates = count(EventMetrics.DUPLICATE, PUBLISHED);
        publish(opened);
        publish(opened); // delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> count(EventMetrics.DUPLICATE, PUBLISHED) >= duplicates + 1
                && api.get(base, null).ok().json().path("version").asLong() == version + 1);
        r = api.get(base, null).ok().json();
        JsonNode heatNow = item(r, heatItem);
        assertThat(heatNow.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(heatNow.path("progress").asInt()).isEqualTo(100);
        assertThat(heatNow.path("milestones").toString()).contains("Jeu de données publié en accès ouvert")
                .contains("2026-10-01").contains("\"done\":true");
        assertThat(item(r, schoolsItem).path("status").asString()).isEqualTo("PLANNED");
        assertThat(r.path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode versions = api.get(base + "/versions", null).ok().json();
        JsonNode last = versions.get(versions.size() - 1);
        assertThat(last.path("number").asLong()).isEqualTo(version + 1);
        assertThat(last.path("action").asString()).isEqualTo("dataset-opened");
        assertThat(last.path("actor").asString()).isEqualTo("system");
        String roadmapId = base.substring(base.lastIndexOf('/') + 1);
        assertThat(audits("roadmap.dataset-opened", roadmapId)).containsExactly("system");
        assertThat(jdbc.queryForObject("SELECT after ->> 'event' FROM audit_record WHERE action = "
                + "'roadmap.dataset-opened' AND target_id = ?", String.class, roadmapId)).contains(opened.id());
        assertThat(api.get(base + "/diff?from=" + version + "&to=" + (version + 1), null).ok().json().toString())
                .contains(heatItem).contains("COMPLETED");

        // reported again by another event (an update): already done, nothing changes
        CloudEvent again = event(UPDATED, datasetPayload(heat, "OPEN"));
        publish(again);
        awaitProcessed(again);
        assertThat(api.get(base, null).ok().json().path("version").asLong()).isEqualTo(version + 1);
        assertThat(audits("roadmap.dataset-opened", roadmapId)).hasSize(1);

        // open beyond a SHARED target: done too
        CloudEvent schoolsOpened = event(PUBLISHED, datasetPayload(schools, "OPEN"));
        publish(schoolsOpened);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                item(api.get(base, null).ok().json(), schoolsItem).path("status").asString()));
        assertThat(api.get(base, null).ok().json().path("version").asLong()).isEqualTo(version + 2);
    }

    @Test
    void aWithdrawnDatasetReopensTheItemsItHadCompletedUntilASourcePublishesItAgain() {
        String lighting = RealDatasetSearch.anyDatasetId(8);
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", 2056, "endYear", 2058, "title", "Feuille de route 2056-2058")).status(201).json()
                .path("id").asString();
        String roadmapId = base.substring(base.lastIndexOf('/') + 1);
        JsonNode v = api.post(base + "/items", COMMITTEE_84, dataset(1, "Éclairage public", lighting, "OPEN"))
                .status(201).json();
        String item = v.path("items").get(0).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, financialLine(2, "50000.00")).status(201).json();
        long version = publish(base, 3, v.path("items").get(1).path("id").asString());

        // withdrawn before it was ever opened: nothing to reopen, nothing written
        CloudEvent early = event(WITHDRAWN, withdrawnPayload(lighting));
        publish(early);
        awaitProcessed(early);
        assertThat(api.get(base, null).ok().json().path("version").asLong()).isEqualTo(version);

        CloudEvent opened = event(PUBLISHED, datasetPayload(lighting, "OPEN"));
        publish(opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                item(api.get(base, null).ok().json(), item).path("status").asString()));

        // gone from every source: the promise is no longer met, the item is back in progress, once
        CloudEvent gone = event(WITHDRAWN, withdrawnPayload(lighting));
        double duplicates = count(EventMetrics.DUPLICATE, WITHDRAWN);
        publish(gone);
        publish(gone); // delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> count(EventMetrics.DUPLICATE, WITHDRAWN) >= duplicates + 1
                && "IN_PROGRESS".equals(item(api.get(base, null).ok().json(), item).path("status").asString()));
        JsonNode r = api.get(base, null).ok().json();
        assertThat(r.path("version").asLong()).isEqualTo(version + 2);
        assertThat(r.path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode reopened = item(r, item);
        assertThat(reopened.path("progress").asInt()).isEqualTo(50);
        assertThat(reopened.path("milestones").toString()).contains("Jeu de données retiré du catalogue")
                .contains("\"done\":false");
        JsonNode versions = api.get(base + "/versions", null).ok().json();
        assertThat(versions.get(versions.size() - 1).path("action").asString()).isEqualTo("dataset-withdrawn");
        assertThat(versions.get(versions.size() - 1).path("actor").asString()).isEqualTo("system");
        assertThat(audits("roadmap.dataset-withdrawn", roadmapId)).containsExactly("system");
        assertThat(jdbc.queryForObject("SELECT after ->> 'event' FROM audit_record WHERE action = "
                + "'roadmap.dataset-withdrawn' AND target_id = ?", String.class, roadmapId)).contains(gone.id());

        // a source publishes it again: completed again by the next report
        CloudEvent back = event(PUBLISHED, datasetPayload(lighting, "OPEN"));
        publish(back);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                item(api.get(base, null).ok().json(), item).path("status").asString()));
        assertThat(api.get(base, null).ok().json().path("version").asLong()).isEqualTo(version + 3);
    }

    @Test
    void anAwardLinkedToAnItemShowsInTheFinancialSectionOnce() {
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", 2053, "endYear", 2055, "title", "Feuille de route 2053-2055")).status(201).json()
                .path("id").asString();
        String roadmapId = base.substring(base.lastIndexOf('/') + 1);
        JsonNode v = api.post(base + "/items", COMMITTEE_84, financialLine(1, "120000.00")).status(201).json();
        String line = v.path("items").get(0).path("id").asString();
        long version = v.path("version").asLong();

        String awardId = UUID.randomUUID().toString();
        CloudEvent granted = event(AWARD, awardPayload(awardId, "45000.50", roadmapId, line));
        double duplicates = count(EventMetrics.DUPLICATE, AWARD);
        publish(granted);
        publish(granted); // delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> count(EventMetrics.DUPLICATE, AWARD) >= duplicates + 1
                && api.get(base + "/financial-section", COMMITTEE_84).ok().json().path("awards").size() == 1);

        JsonNode section = api.get(base + "/financial-section", COMMITTEE_84).ok().json();
        JsonNode award = section.path("awards").get(0);
        assertThat(award.path("awardId").asString()).isEqualTo(awardId);
        assertThat(award.path("itemId").asString()).isEqualTo(line);
        assertThat(award.path("itemTitle").asString()).isEqualTo("Ligne de l'État");
        assertThat(award.path("amount").decimalValue()).isEqualByComparingTo("45000.50");
        assertThat(award.path("currency").asString()).isEqualTo("EUR");
        assertThat(award.path("funderSiren").asString()).isEqualTo(ANCT);
        assertThat(award.path("beneficiarySirens").toString()).contains(METROPOLE);
        assertThat(section.path("lines").get(0).path("requestedAmount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(section.path("lines").get(0).path("awardedAmount").decimalValue()).isEqualByComparingTo("45000.50");
        assertThat(section.path("totalAwarded").decimalValue()).isEqualByComparingTo("45000.50");
        assertThat(audits("roadmap.award-received", roadmapId)).containsExactly("system");
        // not a content change: no new version
        assertThat(api.get(base, COMMITTEE_84).ok().json().path("version").asLong()).isEqualTo(version);
        // a draft's financial section is as private as the draft
        api.get(base + "/financial-section", null).problem(404);

        // the same award published again by another event: still one
        CloudEvent republished = event(AWARD, awardPayload(awardId, "45000.50", roadmapId, line));
        publish(republished);
        awaitProcessed(republished);
        assertThat(api.get(base + "/financial-section", COMMITTEE_84).ok().json().path("awards")).hasSize(1);
        assertThat(audits("roadmap.award-received", roadmapId)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM roadmap_award WHERE award_id = ?::uuid", Integer.class,
                awardId)).isEqualTo(1);

        // an award for no roadmap item: nothing for roadmaps
        Map<String, Object> unlinked = awardPayload(UUID.randomUUID().toString(), "1000.00", roadmapId, line);
        unlinked.remove("roadmapItem");
        CloudEvent elsewhere = event(AWARD, unlinked);
        publish(elsewhere);
        awaitProcessed(elsewhere);
        assertThat(api.get(base + "/financial-section", COMMITTEE_84).ok().json().path("awards")).hasSize(1);
    }

    @Test
    void anAwardNamingAnUnknownItemGoesToTheDeadLetterQueueAtOnce() {
        CloudEvent lost = event(AWARD, awardPayload(UUID.randomUUID().toString(), "10.00",
                UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        publish(lost);
        Message dead = broker.receive(environment.getRequiredProperty("dataterritoires.test.namespace")
                + ".roadmaps.awards.dlq", 30_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(lost.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_event WHERE event_id = ?::uuid", Integer.class,
                lost.id())).isZero();
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    /** Submits, reviews, arbitrates (the one financial line) and publishes; returns the published version. */
    private long publish(String base, long version, String line) {
        api.post(base + "/submission", COMMITTEE_84, Map.of("version", version)).ok();
        api.post(base + "/review", COORDINATOR, Map.of("version", version + 1)).ok();
        api.post(base + "/arbitration", COORDINATOR, Map.of("version", version + 2, "decisions", List.of(Map.of(
                "itemId", line, "grantedAmount", new java.math.BigDecimal("40000.00"), "reason", "Enveloppe")))).ok();
        return api.post(base + "/publication", COORDINATOR, Map.of("version", version + 3)).ok().json()
                .path("version").asLong();
    }

    private static Map<String, Object> dataset(long version, String title, String catalogueId, String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "DATASET");
        body.put("title", title);
        body.put("dataset", Map.of("catalogueDatasetId", catalogueId, "targetAccessLevel", target,
                "targetDate", "2027-06-30", "responsibleSiren", METROPOLE, "answers", "LOCAL"));
        return body;
    }

    private static Map<String, Object> financialLine(long version, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "FINANCIAL_LINE");
        body.put("title", "Ligne de l'État");
        body.put("financialLine", Map.of("amount", new java.math.BigDecimal(amount), "year", 2027,
                "source", "CALL_FOR_COMMONS"));
        return body;
    }

    private static Map<String, Object> datasetPayload(String id, String accessLevel) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("datasetId", id);
        payload.put("title", "Réseaux de chaleur et de froid");
        payload.put("accessLevel", accessLevel);
        payload.put("coverage", List.of("region:84"));
        payload.put("sourceUri", "https://www.data.gouv.fr/datasets/" + id);
        payload.put("sources", List.of("data-gouv"));
        return payload;
    }

    private static Map<String, Object> withdrawnPayload(String id) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("datasetId", id);
        payload.put("withdrawnAt", "2026-10-02T08:00:00Z");
        payload.put("lastSource", "data-gouv");
        return payload;
    }

    private static Map<String, Object> awardPayload(String awardId, String amount, String roadmapId, String itemId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("awardId", awardId);
        payload.put("callId", "appel-communs-2027");
        payload.put("callTitle", "Appel à communs 2027");
        payload.put("funderSiren", ANCT);
        payload.put("beneficiarySirens", List.of(METROPOLE));
        payload.put("amount", amount);
        payload.put("currency", "EUR");
        payload.put("grantedAt", "2027-03-15T10:00:00Z");
        payload.put("roadmapItem", Map.of("roadmapId", roadmapId, "itemId", itemId));
        return payload;
    }

    /** A CloudEvent as its publisher would send it, its payload checked against the contract's schema first. */
    private static CloudEvent event(String type, Map<String, Object> payload) {
        JsonNode data = CloudEvents.toTree(payload);
        String source;
        if (type.equals(AWARD)) {
            EventSchemas.assertConformsTo("commonscalls/AwardGranted.v1", data);
            source = "/dataterritoires/commons-calls";
        } else {
            EventSchemas.assertConformsTo("datasetsearch/" + type.substring(type.lastIndexOf('.', type.length() - 4) + 1),
                    data);
            source = "/dataterritoires/dataset-search";
        }
        String subject = String.valueOf(payload.getOrDefault("datasetId", payload.get("awardId")));
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                OffsetDateTime.of(2026, 10, 1, 8, 0, 0, 0, ZoneOffset.UTC), subject, CloudEvent.JSON, data);
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
                "SELECT count(*) FROM inbound_event WHERE event_id = ?::uuid", Integer.class, event.id()) == 1);
    }

    private List<String> audits(String action, String roadmapId) {
        return jdbc.queryForList("SELECT actor FROM audit_record WHERE action = ? AND target_id = ? ORDER BY seq",
                String.class, action, roadmapId);
    }

    private static JsonNode item(JsonNode roadmap, String itemId) {
        for (JsonNode i : roadmap.path("items")) {
            if (i.path("id").asString().equals(itemId)) {
                return i;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + roadmap);
    }

    private double count(String name, String type) {
        return meters.find(name).tag("type", type).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
