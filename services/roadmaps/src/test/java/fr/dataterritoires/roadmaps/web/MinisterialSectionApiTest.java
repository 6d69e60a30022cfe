package fr.dataterritoires.roadmaps.web;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static fr.dataterritoires.roadmaps.support.Api.MEF;
import static fr.dataterritoires.roadmaps.support.Api.MTECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/** A ministry's territorial section through the whole workflow. */
@ServiceTest
class MinisterialSectionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMinistryFilesItsOwnSectionAndTheNationalInstanceArbitratesIt() {
        Api api = new Api(port);
        Map<String, Object> create = Map.of("ministry", "MTECT", "year", 2027,
                "title", "Section territoriale 2027 du ministère de la Transition écologique");
        api.post("/api/roadmaps/ministerial", MEF, create).problem(403, "ministère");
        api.post("/api/roadmaps/ministerial", COMMITTEE_84, create).problem(403, "ministère");
        JsonNode section = api.post("/api/roadmaps/ministerial", MTECT, create).status(201).json();
        String id = section.path("id").asString();
        String base = "/api/roadmaps/" + id;
        assertThat(section.path("kind").asString()).isEqualTo("MINISTERIAL");
        assertThat(section.path("ministry").asString()).isEqualTo("MTECT");
        api.post("/api/roadmaps/ministerial", MTECT, create).problem(409, "2027");

        // another ministry neither sees nor edits it; a committee item has no place in it
        api.get(base, MEF).problem(404);
        api.post(base + "/items", MEF, action(1)).problem(404);
        api.post(base + "/items", MTECT, CommitteeRoadmapApiTest.financialLine(1, "10.00")).problem(400, "kind");

        JsonNode v = api.post(base + "/items", MTECT, action(1)).status(201).json();
        String action = v.path("items").get(0).path("id").asString();
        assertThat(v.path("items").get(0).path("content").path("action").path("territory").toString())
                .contains("departement:13", "region:84");
        v = api.post(base + "/items", MTECT, dataReturn(2)).status(201).json();
        v = api.post(base + "/items", MTECT, nationalTool(3)).status(201).json();
        assertThat(v.path("totalRequested").decimalValue()).isEqualByComparingTo("300000.00");

        api.post(base + "/submission", MEF, Map.of("version", 4)).problem(404);
        api.post(base + "/submission", MTECT, Map.of("version", 4)).ok();
        api.post(base + "/review", MTECT, Map.of("version", 5)).problem(403);
        api.post(base + "/review", COORDINATOR, Map.of("version", 5)).ok();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("itemId", action);
        decision.put("grantedAmount", new BigDecimal("250000.00"));
        decision.put("grantedFte", new BigDecimal("3.00"));
        decision.put("reason", "Deux régions pilotes");
        api.post(base + "/arbitration", COORDINATOR, Map.of("version", 6, "decisions", List.of(decision)))
                .problem(400, "decisions.grantedFte");
        decision.put("grantedFte", new BigDecimal("2.00"));
        api.post(base + "/arbitration", MTECT, Map.of("version", 6, "decisions", List.of(decision))).problem(403);
        v = api.post(base + "/arbitration", COORDINATOR, Map.of("version", 6, "decisions", List.of(decision))).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("ARBITRATED");
        v = api.post(base + "/publication", COORDINATOR, Map.of("version", 7)).ok().json();
        assertThat(v.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get(base, null).ok().json().path("totalGranted").decimalValue()).isEqualByComparingTo("250000.00");
        api.post(base + "/items", MTECT, dataReturn(8)).problem(409, "publiée");

        JsonNode arbitration = payload(id, "fr.dataterritoires.roadmaps.ArbitrationDecided.v1");
        EventSchemas.assertConformsTo("roadmaps/arbitration-decided.v1", arbitration);
        assertThat(arbitration.path("ministry").asString()).isEqualTo("MTECT");
        assertThat(arbitration.path("decisions").get(0).path("grantedFte").asString()).isEqualTo("2.00");
        EventSchemas.assertConformsTo("roadmaps/roadmap-published.v1", payload(id, "fr.dataterritoires.roadmaps.RoadmapPublished.v1"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?",
                Integer.class, id, "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1")).isZero();
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class, id))
                .containsExactly("roadmap.created", "roadmap.item-added", "roadmap.item-added", "roadmap.item-added",
                        "roadmap.submitted", "roadmap.review-started", "roadmap.arbitrated", "roadmap.published");
    }

    private JsonNode payload(String id, String type) {
        return CloudEvents.mapper().readTree(jdbc.queryForObject(
                "SELECT payload::text FROM outbox_event WHERE aggregate_id = ? AND type = ?", String.class, id, type));
    }

    static Map<String, Object> action(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "ACTION");
        body.put("title", "Appui des DREAL aux observatoires régionaux de l'énergie");
        body.put("action", Map.of("territory", List.of("region:84", "departement:13"),
                "deconcentratedServices", List.of("DREAL Auvergne-Rhône-Alpes", "DDT des Bouches-du-Rhône"),
                "requestedFte", new BigDecimal("2.50"), "requestedAmount", new BigDecimal("300000.00")));
        return body;
    }

    static Map<String, Object> dataReturn(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "DATA_RETURN");
        body.put("title", "Retour des données de consommation d'énergie");
        body.put("dataReturn", Map.of("datasetCollected", "Consommations d'énergie des bâtiments publics",
                "currentDelayDays", 180, "targetDelayDays", 30));
        return body;
    }

    static Map<String, Object> nationalTool(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "NATIONAL_TOOL");
        body.put("title", "Plateforme de suivi des réseaux de chaleur");
        body.put("nationalTool", Map.of("purpose", "Co-construire l'outil avec les métropoles",
                "partnerSirens", List.of("200046977", "213800006")));
        return body;
    }
}
