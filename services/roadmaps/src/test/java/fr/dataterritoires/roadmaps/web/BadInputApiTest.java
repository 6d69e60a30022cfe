package fr.dataterritoires.roadmaps.web;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/** Bad input is a 4xx problem+json naming the field, never a 5xx, and changes nothing. */
@ServiceTest
class BadInputApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyBadValueIsRefusedNamingItsField() {
        Api api = new Api(port);
        api.committee("84");
        String base = "/api/roadmaps/" + api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", 2031, "endYear", 2032, "title", "Feuille de route 2031-2032")).status(201).json()
                .path("id").asString();

        // unknown enum value
        Map<String, Object> unknownKind = CommitteeRoadmapApiTest.useCase(1);
        unknownKind.put("kind", "WISH");
        JsonNode problem = api.post(base + "/items", COMMITTEE_84, unknownKind).problem(400, "kind");
        assertThat(problem.path("type").asString()).endsWith("/valeur-inconnue");
        Map<String, Object> unknownSource = CommitteeRoadmapApiTest.financialLine(1, "10.00");
        unknownSource.put("financialLine", Map.of("amount", 10, "year", 2026, "source", "LOTTERY"));
        api.post(base + "/items", COMMITTEE_84, unknownSource).problem(400, "financialLine.source");

        // bad INSEE code, a territory outside the région, a bad level
        Map<String, Object> badInsee = CommitteeRoadmapApiTest.useCase(1);
        badInsee.put("useCase", Map.of("policyDomain", "Mobilité", "territory", List.of("commune:99999"),
                "expectedOutcome", "x"));
        api.post(base + "/items", COMMITTEE_84, badInsee).problem(400, "useCase.territory[0]");
        badInsee.put("useCase", Map.of("policyDomain", "Mobilité", "territory", List.of("departement:75"),
                "expectedOutcome", "x"));
        api.post(base + "/items", COMMITTEE_84, badInsee).problem(400, "departement:75", "84");
        badInsee.put("useCase", Map.of("policyDomain", "Mobilité", "territory", List.of("canton:6901"),
                "expectedOutcome", "x"));
        api.post(base + "/items", COMMITTEE_84, badInsee).problem(400, "useCase.territory[0]");

        // bad SIREN
        Map<String, Object> badSiren = CommitteeRoadmapApiTest.dataset(1, null);
        badSiren.put("dataset", Map.of("targetAccessLevel", "OPEN", "targetDate", "2027-06-30",
                "responsibleSiren", "123456789", "answers", "LOCAL"));
        api.post(base + "/items", COMMITTEE_84, badSiren).problem(400, "dataset.responsibleSiren", "Luhn");

        // negative amount, sub-cent amount
        api.post(base + "/items", COMMITTEE_84, line(new BigDecimal("-5.00"))).problem(400, "financialLine.amount");
        api.post(base + "/items", COMMITTEE_84, line(new BigDecimal("5.001"))).problem(400, "financialLine.amount");

        // progress above 100, on creation and in tracking
        Map<String, Object> tooFar = CommitteeRoadmapApiTest.useCase(1);
        tooFar.put("progress", 101);
        api.post(base + "/items", COMMITTEE_84, tooFar).problem(400, "progress");
        tooFar.put("progress", 90);
        tooFar.put("status", "COMPLETED");
        api.post(base + "/items", COMMITTEE_84, tooFar).problem(400, "progress");

        // the sub-object of the kind is missing; a parent that does not exist
        Map<String, Object> missing = CommitteeRoadmapApiTest.financialLine(1, "1.00");
        missing.remove("financialLine");
        api.post(base + "/items", COMMITTEE_84, missing).problem(400, "financialLine");
        Map<String, Object> orphan = CommitteeRoadmapApiTest.dataset(1, "00000000-0000-0000-0000-000000000042");
        api.post(base + "/items", COMMITTEE_84, orphan).problem(400, "parentId");

        // bad region, bad period, unreadable body, bad path
        api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "99", "startYear", 2026, "endYear", 2026,
                "title", "x")).problem(400, "regionCode");
        api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84", "startYear", 2028, "endYear", 2026,
                "title", "x")).problem(400, "period.endYear");
        api.post("/api/roadmaps/ministerial", Api.MTECT, Map.of("ministry", "mtect ministère", "year", 2026,
                "title", "x")).problem(400, "ministry");
        api.post(base + "/items", COMMITTEE_84, "{\"version\": 1,").problem(400);
        api.get("/api/roadmaps/pas-un-uuid", null).problem(400, "id");
        api.get("/api/roadmaps?region=99", null).problem(400, "region");

        // nothing was written: still version 1, no item
        JsonNode roadmap = api.get(base, COMMITTEE_84).ok().json();
        assertThat(roadmap.path("version").asLong()).isEqualTo(1);
        assertThat(roadmap.path("items").size()).isZero();
        // and anonymous writes are 401
        assertThat(api.post(base + "/items", null, CommitteeRoadmapApiTest.useCase(1)).status()).isEqualTo(401);
    }

    private static Map<String, Object> line(BigDecimal amount) {
        Map<String, Object> body = new LinkedHashMap<>(CommitteeRoadmapApiTest.financialLine(1, "1.00"));
        body.put("financialLine", Map.of("amount", amount, "year", 2026, "source", "OWN_BUDGET"));
        return body;
    }
}
