package fr.dataterritoires.replication.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * Initiatives over REST: declared by their lead, read by anyone, validated only on evaluated evidence (the event
 * conforms to its contract), every change audited; bad input is a 400 naming the field.
 */
@ServiceTest
class InitiativeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aLeadDeclaresAnInitiativeThatAnyoneReadsAndACoordinatorValidatesOnItsEvidence() {
        Map<String, Object> body = Api.initiative(Api.LYON_SIREN, "Covoiturage du quotidien",
                List.of("200046977", "commune:69123"));
        List<Object> noEvidence = new ArrayList<>();
        noEvidence.add(Map.of("name", "Trajets partagés", "unit", "trajets/jour", "before", "120"));
        body.put("indicators", noEvidence);
        JsonNode created = api.createInitiative(Api.LYON, body);
        String id = created.path("id").asString();
        assertThat(created.path("maturity").asString()).isEqualTo("EXPERIMENT");
        assertThat(created.path("annualRunningCost").asString()).isEqualTo("45000.00");
        assertThat(created.path("territories").toString()).contains("epci:200046977").contains("Lyon");

        // published data: anonymous read
        JsonNode page = api.get("/api/initiatives/" + id, null).ok().json();
        assertThat(page.path("title").asString()).isEqualTo("Covoiturage du quotidien");
        assertThat(api.get("/api/initiatives?territory=commune:69123", null).ok().json().toString()).contains(id);

        // validation refused without evidence: a baseline alone is no measure
        JsonNode refused = api.post("/api/initiatives/" + id + "/maturity", Api.COORDINATOR, Map.of("version", 0,
                "maturity", "VALIDATED", "justification", "Belle réussite")).problem(422, "manque", "indicateur");
        assertThat(refused.path("rule").asString()).isEqualTo("preuve-manquante");
        // nor can a step be skipped
        assertThat(api.post("/api/initiatives/" + id + "/maturity", Api.COORDINATOR, Map.of("version", 0,
                "maturity", "ACCELERATED", "justification", "Vite")).problem(422).path("rule").asString())
                .isEqualTo("etape-suivante-uniquement");
        // the lead cannot validate its own initiative
        api.post("/api/initiatives/" + id + "/maturity", Api.LYON, Map.of("version", 0, "maturity", "VALIDATED",
                "justification", "Nous sommes contents")).problem(403);

        // the lead records the evaluation; the coordinator validates on it
        Map<String, Object> described = Api.initiative(Api.LYON_SIREN, "Covoiturage du quotidien",
                List.of("200046977", "commune:69123"));
        JsonNode v1 = api.put("/api/initiatives/" + id, Api.LYON, Map.of("version", 0, "initiative", described))
                .ok().json();
        JsonNode validated = api.post("/api/initiatives/" + id + "/maturity", Api.COORDINATOR, Map.of("version",
                v1.path("version").asLong(), "maturity", "VALIDATED", "justification",
                "Évaluation indépendante du Cerema concluante")).ok().json();
        assertThat(validated.path("maturity").asString()).isEqualTo("VALIDATED");
        JsonNode step = validated.path("steps").get(0);
        assertThat(step.path("justification").asString()).contains("Cerema");
        assertThat(step.path("evidence").get(0).asString()).contains("Usagers satisfaits").contains("41.5")
                .contains("63.0").contains("indépendante");

        // the next step needs a cohort and is refused, naming what is missing
        assertThat(api.post("/api/initiatives/" + id + "/maturity", Api.COORDINATOR, Map.of("version",
                validated.path("version").asLong(), "maturity", "ACCELERATED", "justification", "Prête"))
                .problem(422, "promotion").path("rule").asString()).isEqualTo("preuve-manquante");

        // InitiativeValidated in the outbox, conform to its contract
        String payload = jdbc.queryForObject("SELECT payload::text FROM outbox_event WHERE aggregate_id = ? AND type = "
                + "'fr.dataterritoires.replication.InitiativeValidated.v1'", String.class, id);
        JsonNode event = CloudEvents.mapper().readTree(payload);
        EventSchemas.assertConformsTo("replication/InitiativeValidated.v1", event);
        assertThat(event.path("territories").toString()).contains("200046977").contains("69123");
        assertThat(event.path("leadSiren").asString()).isEqualTo(Api.LYON_SIREN);

        // audited
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class,
                id)).containsExactly("initiative.created", "initiative.described", "initiative.maturity-validated");
    }

    @Test
    void anotherOrganisationCannotDeclareOrEditInItsName() {
        String other = Api.applicant(Api.siren("21380185"));
        api.post("/api/initiatives", other, Api.initiative(Api.LYON_SIREN, "Usurpée", List.of("69123")))
                .problem(403);
        JsonNode created = api.createInitiative(Api.LYON, Api.initiative(Api.LYON_SIREN, "Éclairage intelligent",
                List.of("69123")));
        api.put("/api/initiatives/" + created.path("id").asString(), other, Map.of("version", 0, "initiative",
                Api.initiative(Api.LYON_SIREN, "Éclairage intelligent", List.of("69123")))).problem(403);
        api.post("/api/initiatives", null, Api.initiative(Api.LYON_SIREN, "Anonyme", List.of("69123"))).problem(401);
        // with a stale version too: refused as a stranger, not told the initiative's current version
        JsonNode stale = api.put("/api/initiatives/" + created.path("id").asString(), other, Map.of("version", 41,
                "initiative", Api.initiative(Api.LYON_SIREN, "Éclairage intelligent", List.of("69123")))).problem(403);
        assertThat(stale.toString()).doesNotContain("version");
    }

    @Test
    void badInputIsA400NamingTheField() {
        Map<String, Object> body = Api.initiative("123456789", "Mauvais SIREN", List.of("69123"));
        assertThat(api.post("/api/initiatives", Api.COORDINATOR, body).problem(400).toString()).contains("leadSiren");
        body = Api.initiative(Api.LYON_SIREN, "Code inconnu", List.of("99999"));
        assertThat(api.post("/api/initiatives", Api.COORDINATOR, body).problem(400).toString())
                .contains("territories[0]");
        body = Api.initiative(Api.LYON_SIREN, "Code ambigu", List.of("84"));
        assertThat(api.post("/api/initiatives", Api.COORDINATOR, body).problem(400, "ambigu").toString())
                .contains("region:84");
        body = Api.initiative(Api.LYON_SIREN, "Centimes", List.of("69123"));
        body.put("annualRunningCost", "10.123");
        assertThat(api.post("/api/initiatives", Api.COORDINATOR, body).problem(400).toString())
                .contains("annualRunningCost");
        body = Api.initiative(Api.LYON_SIREN, "Maturité inconnue", List.of("69123"));
        JsonNode created = api.createInitiative(Api.COORDINATOR, body);
        assertThat(api.post("/api/initiatives/" + created.path("id").asString() + "/maturity", Api.COORDINATOR,
                Map.of("version", 0, "maturity", "GENIAL", "justification", "x")).problem(400).toString())
                .contains("maturity");
        api.get("/api/initiatives/" + java.util.UUID.randomUUID(), null).problem(404);
        api.get("/api/initiatives?limit=0", null).problem(400, "limit");
        // stale version
        api.put("/api/initiatives/" + created.path("id").asString(), Api.COORDINATOR, Map.of("version", 7,
                "initiative", body)).problem(409);
    }
}
