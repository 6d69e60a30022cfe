package fr.dataterritoires.roadmaps.web;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_11;
import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.roadmaps.support.RealDatasetSearch;
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/** A committee roadmap through the whole workflow, over REST against the real service and database. */
@ServiceTest
class CommitteeRoadmapApiTest {

    /** A dataset of the real catalogue ({@link RealDatasetSearch}) that no other test of the shared context names. */
    static final String HEAT_NETWORKS = RealDatasetSearch.anyDatasetId(9);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fromDraftToPublishedWithEveryRefusalOnTheWay() {
        Api api = new Api(port);
        String committee = api.committee("84");

        // filing: only région 84's members (or a coordinator) file for région 84
        Map<String, Object> create = Map.of("regionCode", "84", "startYear", 2026, "endYear", 2028,
                "title", "Feuille de route 2026-2028 du comité Auvergne-Rhône-Alpes");
        api.post("/api/roadmaps/committee", COMMITTEE_11, create).problem(403, "région");
        JsonNode roadmap = api.post("/api/roadmaps/committee", COMMITTEE_84, create).status(201).json();
        String id = roadmap.path("id").asString();
        String base = "/api/roadmaps/" + id;
        assertThat(roadmap.path("status").asString()).isEqualTo("DRAFT");
        assertThat(roadmap.path("version").asLong()).isEqualTo(1);
        assertThat(roadmap.path("committeeId").asString()).isEqualTo(committee);
        api.post("/api/roadmaps/committee", COMMITTEE_84, create).problem(409, "2026-2028");

        // a draft is visible to its issuer and the coordinators only
        api.get(base, null).problem(404);
        api.get(base, COMMITTEE_11).problem(404);
        api.get(base, COORDINATOR).ok();

        // items: a use case with two sub-items, and a financial line
        JsonNode v = api.post(base + "/items", COMMITTEE_84, useCase(1)).status(201).json();
        String useCase = v.path("items").get(0).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, dataset(2, useCase)).status(201).json();
        String dataset = v.path("items").get(1).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, roleAllocation(3, useCase)).status(201).json();
        v = api.post(base + "/items", COMMITTEE_84, financialLine(4, "120000.50")).status(201).json();
        String line = v.path("items").get(3).path("id").asString();
        assertThat(v.path("version").asLong()).isEqualTo(5);
        assertThat(v.path("totalRequested").decimalValue()).isEqualByComparingTo("120000.50");

        // another région's member cannot touch it; a stale version is a conflict
        api.post(base + "/items", COMMITTEE_11, financialLine(5, "1.00")).problem(404);
        api.post(base + "/items", COMMITTEE_84, financialLine(4, "1.00")).problem(409, "version 5");

        // progress rolls up: dataset (weight 3) done, role allocation (weight 1) planned → 75 %
        v = api.post(base + "/items/" + dataset + "/tracking", COMMITTEE_84,
                Map.of("version", 5, "status", "COMPLETED")).ok().json();
        JsonNode parent = item(v, useCase);
        assertThat(parent.path("progress").asInt()).isEqualTo(75);
        assertThat(item(v, dataset).path("progress").asInt()).isEqualTo(100);
        api.post(base + "/items/" + useCase + "/tracking", COMMITTEE_84, Map.of("version", 6, "progress", 10))
                .problem(422, "sous-éléments");

        // submission; content frozen while with the national instance
        v = api.post(base + "/submission", COMMITTEE_84, Map.of("version", 6)).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("SUBMITTED");
        api.post(base + "/items", COMMITTEE_84, financialLine(7, "1.00")).problem(409, "soumise");

        // only the national instance reviews
        api.post(base + "/review", COMMITTEE_84, Map.of("version", 7)).problem(403);
        v = api.post(base + "/review", COORDINATOR, Map.of("version", 7)).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("UNDER_REVIEW");
        v = api.post(base + "/change-request", COORDINATOR,
                Map.of("version", 8, "reason", "Préciser le financement de l'État")).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(v.path("changesRequestedReason").asString()).contains("financement");

        // the committee edits while changes are requested, then submits again
        v = api.put(base + "/items/" + line, COMMITTEE_84, financialLine(9, "100000.00")).ok().json();
        assertThat(v.path("totalRequested").decimalValue()).isEqualByComparingTo("100000.00");
        v = api.post(base + "/submission", COMMITTEE_84, Map.of("version", 10)).ok().json();
        v = api.post(base + "/review", COORDINATOR, Map.of("version", 11)).ok().json();

        // arbitration: coordinators only, every line decided, granted at most requested
        Map<String, Object> grant = Map.of("version", 12, "decisions", List.of(Map.of("itemId", line,
                "grantedAmount", new java.math.BigDecimal("80000.00"), "reason", "Enveloppe régionale limitée")));
        api.post(base + "/arbitration", COMMITTEE_84, grant).problem(403);
        api.post(base + "/arbitration", COORDINATOR, Map.of("version", 12, "decisions", List.of(Map.of("itemId", line,
                "grantedAmount", new java.math.BigDecimal("100000.01"), "reason", "Trop")))).problem(400, "decisions.grantedAmount");
        api.post(base + "/arbitration", COORDINATOR, Map.of("version", 12, "decisions", List.of()))
                .problem(422, "Ligne de l'État");
        v = api.post(base + "/arbitration", COORDINATOR, grant).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("ARBITRATED");
        assertThat(v.path("totalGranted").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(item(v, line).path("grant").path("reason").asString()).isEqualTo("Enveloppe régionale limitée");

        // publication: public, frozen, still tracked
        api.post(base + "/publication", COMMITTEE_84, Map.of("version", 13)).problem(403);
        v = api.post(base + "/publication", COORDINATOR, Map.of("version", 13)).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get(base, null).ok().json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/roadmaps?kind=COMMITTEE&region=84", null).ok().json().toString()).contains(id);
        api.put(base + "/items/" + line, COMMITTEE_84, financialLine(14, "1.00")).problem(409, "publiée");
        api.delete(base + "/items/" + line + "?version=14", COORDINATOR).problem(409, "publiée");
        api.post(base + "/items/" + line + "/tracking", COMMITTEE_11, Map.of("version", 14, "progress", 20))
                .problem(403, "région");
        v = api.post(base + "/items/" + line + "/tracking", COMMITTEE_84,
                Map.of("version", 14, "status", "IN_PROGRESS")).ok().json();
        assertThat(item(v, line).path("progress").asInt()).isEqualTo(50);
        assertThat(v.path("version").asLong()).isEqualTo(15);

        // comments
        api.post(base + "/items/" + dataset + "/comments", COMMITTEE_84, Map.of("text", "Publié sur data.gouv.fr"))
                .status(201);
        assertThat(api.get(base + "/items/" + dataset + "/comments", null).ok().json().get(0).path("text").asString())
                .isEqualTo("Publié sur data.gouv.fr");

        // version history and diffs
        JsonNode versions = api.get(base + "/versions", null).ok().json();
        assertThat(versions.size()).isEqualTo(15);
        assertThat(versions.get(0).path("action").asString()).isEqualTo("created");
        assertThat(versions.get(12).path("action").asString()).isEqualTo("arbitrated");
        JsonNode diff = api.get(base + "/diff?from=1&to=5", null).ok().json();
        assertThat(diff.path("added").size()).isEqualTo(4);
        assertThat(diff.path("removed").size()).isZero();
        JsonNode amount = api.get(base + "/diff?from=9&to=10", null).ok().json();
        assertThat(amount.path("changed").get(0).path("fields").toString())
                .contains("financial_line.amount", "120000.50", "100000.00");
        api.get(base + "/diff?from=1&to=99", null).problem(404);
        JsonNode v5 = api.get(base + "/versions/5", null).ok().json();
        assertThat(v5.path("items").path(line).path("financial_line.amount").asString()).isEqualTo("120000.50");
        assertThat(v5.path("roadmap").path("status").asString()).isEqualTo("DRAFT");

        // events in the outbox, conform to their contracts
        Map<String, List<JsonNode>> events = events(id);
        assertThat(events.keySet()).containsExactlyInAnyOrder("fr.dataterritoires.roadmaps.ArbitrationDecided.v1",
                "fr.dataterritoires.roadmaps.RoadmapPublished.v1", "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1");
        JsonNode arbitration = events.get("fr.dataterritoires.roadmaps.ArbitrationDecided.v1").getFirst();
        EventSchemas.assertConformsTo("roadmaps/arbitration-decided.v1", arbitration);
        assertThat(arbitration.path("decisions").get(0).path("grantedAmount").asString()).isEqualTo("80000.00");
        JsonNode published = events.get("fr.dataterritoires.roadmaps.RoadmapPublished.v1").getFirst();
        EventSchemas.assertConformsTo("roadmaps/roadmap-published.v1", published);
        assertThat(published.path("datasets").get(0).path("catalogueDatasetId").asString()).isEqualTo(HEAT_NETWORKS);
        JsonNode priority = events.get("fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1").getFirst();
        EventSchemas.assertConformsTo("roadmaps/priority-dataset-declared.v1", priority);
        assertThat(priority.path("declaredBy").asString()).isEqualTo("84");
        assertThat(priority.path("itemId").asString()).isEqualTo(dataset);
        assertThat(priority.path("scope").path("territories").get(0).asString()).isEqualTo("region:84");

        // every change audited
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_record WHERE target_type = 'Roadmap' "
                + "AND target_id = ? ORDER BY seq", String.class, id);
        assertThat(actions).startsWith("roadmap.created", "roadmap.item-added").contains("roadmap.submitted",
                "roadmap.review-started", "roadmap.changes-requested", "roadmap.item-changed", "roadmap.arbitrated",
                "roadmap.published", "roadmap.item-tracked", "roadmap.item-commented");
        assertThat(actions).hasSize(16);
    }

    @Test
    void aDraftMayBeReopenedAndItsItemsRemoved() {
        Api api = new Api(port);
        api.committee("84");
        JsonNode r = api.post("/api/roadmaps/committee", COORDINATOR, Map.of("regionCode", "84", "startYear", 2030,
                "endYear", 2030, "title", "Feuille de route 2030")).status(201).json();
        String base = "/api/roadmaps/" + r.path("id").asString();
        api.post(base + "/submission", COMMITTEE_84, Map.of("version", 1)).problem(422, "sans élément");
        JsonNode v = api.post(base + "/items", COMMITTEE_84, useCase(1)).status(201).json();
        String parent = v.path("items").get(0).path("id").asString();
        v = api.post(base + "/items", COMMITTEE_84, dataset(2, parent)).status(201).json();
        api.delete(base + "/items/" + parent + "?version=3", COMMITTEE_84).problem(422, "sous-éléments");
        String child = v.path("items").get(1).path("id").asString();
        v = api.delete(base + "/items/" + child + "?version=3", COMMITTEE_84).ok().json();
        assertThat(v.path("items").size()).isEqualTo(1);
        api.post(base + "/submission", COMMITTEE_84, Map.of("version", 4)).ok();
        api.post(base + "/reopening", COMMITTEE_84, Map.of("version", 5)).problem(409, "soumise");
        api.post(base + "/review", COORDINATOR, Map.of("version", 5)).ok();
        api.post(base + "/change-request", COORDINATOR, Map.of("version", 6, "reason", " ")).problem(400, "reason");
        api.post(base + "/change-request", COORDINATOR, Map.of("version", 6, "reason", "À compléter")).ok();
        JsonNode reopened = api.post(base + "/reopening", COMMITTEE_84, Map.of("version", 7)).ok().json();
        assertThat(reopened.path("status").asString()).isEqualTo("DRAFT");
        JsonNode diff = api.get(base + "/diff?from=3&to=4", COMMITTEE_84).ok().json();
        assertThat(diff.path("removed").get(0).path("itemId").asString()).isEqualTo(child);

        // lists show a draft to its issuer and the coordinators only
        String id = r.path("id").asString();
        assertThat(api.get("/api/roadmaps?region=84", COMMITTEE_84).ok().json().toString()).contains(id);
        assertThat(api.get("/api/roadmaps?region=84", COORDINATOR).ok().json().toString()).contains(id);
        assertThat(api.get("/api/roadmaps?region=84", COMMITTEE_11).ok().json().toString()).doesNotContain(id);
        assertThat(api.get("/api/roadmaps?region=84", null).ok().json().toString()).doesNotContain(id);
        assertThat(api.get("/api/roadmaps?kind=MINISTERIAL", COMMITTEE_84).ok().json().toString()).doesNotContain(id);
        api.get(base + "/items/" + parent + "/comments", COMMITTEE_11).problem(404);
    }

    @Test
    void concurrentChangesFromTheSameVersionLetExactlyOneThrough() throws Exception {
        Api api = new Api(port);
        api.committee("84");
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", 2033, "endYear", 2034, "title", "Feuille de route 2033-2034")).status(201).json()
                .path("id").asString();
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String amount = (i + 1) + ".00";
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post(base + "/items", COMMITTEE_84, financialLine(1, amount)).status();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var f : statuses) {
                codes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes.stream().filter(c -> c == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode roadmap = api.get(base, COMMITTEE_84).ok().json();
        assertThat(roadmap.path("version").asLong()).isEqualTo(2);
        assertThat(roadmap.path("items").size()).isEqualTo(1);
        assertThat(api.get(base + "/versions", COMMITTEE_84).ok().json().size()).isEqualTo(2);
    }

    private Map<String, List<JsonNode>> events(String aggregateId) {
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        jdbc.query("SELECT type, payload::text AS payload FROM outbox_event WHERE aggregate_id = ? ORDER BY position",
                rs -> {
                    byType.computeIfAbsent(rs.getString("type"), k -> new ArrayList<>())
                            .add(CloudEvents.mapper().readTree(rs.getString("payload")));
                }, aggregateId);
        return byType;
    }

    static JsonNode item(JsonNode roadmap, String itemId) {
        for (JsonNode item : roadmap.path("items")) {
            if (item.path("id").asString().equals(itemId)) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + roadmap);
    }

    static Map<String, Object> useCase(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "USE_CASE");
        body.put("title", "Rénovation énergétique des bâtiments publics");
        body.put("useCase", Map.of("policyDomain", "Transition écologique",
                "territory", List.of("departement:69", "commune:38185"),
                "expectedOutcome", "Cibler les écoles les plus énergivores",
                "indicators", List.of(Map.of("name", "Écoles diagnostiquées", "baseline", 12, "target", 150,
                        "unit", "écoles", "dueDate", "2027-12-31"))));
        return body;
    }

    static Map<String, Object> dataset(long version, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "DATASET");
        body.put("title", "Réseaux de chaleur");
        body.put("parentId", parent);
        body.put("weight", 3);
        body.put("dataset", Map.of("catalogueDatasetId", HEAT_NETWORKS, "targetAccessLevel", "OPEN",
                "targetDate", "2027-06-30", "responsibleSiren", "200046977", "answers", "NATIONAL"));
        return body;
    }

    static Map<String, Object> roleAllocation(long version, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "ROLE_ALLOCATION");
        body.put("title", "La métropole produit les données");
        body.put("parentId", parent);
        body.put("roleAllocation", Map.of("organisationSiren", "200046977", "organisationName", "Métropole de Lyon",
                "role", "PRODUCER"));
        return body;
    }

    static Map<String, Object> financialLine(long version, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "FINANCIAL_LINE");
        body.put("title", "Ligne de l'État");
        body.put("financialLine", Map.of("amount", new java.math.BigDecimal(amount), "year", 2026, "source", "STATE"));
        return body;
    }
}
