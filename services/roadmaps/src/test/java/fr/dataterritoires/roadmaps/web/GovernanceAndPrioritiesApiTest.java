package fr.dataterritoires.roadmaps.web;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Governance bodies with their membership history; national and local priorities announced to dataset-search. */
@ServiceTest
class GovernanceAndPrioritiesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void committeesAreOnePerRegionAndKeepTheirMembershipHistory() {
        Api api = new Api(port);
        Map<String, Object> body = Map.of("regionCode", "53", "name", "Comité breton de la donnée",
                "relevantTerritory", List.of("departement:35", "epci:243500139"));
        api.post("/api/governance/committees", COMMITTEE_84, body).problem(403);
        api.post("/api/governance/committees", COORDINATOR, Map.of("regionCode", "53", "name", "x",
                "relevantTerritory", List.of("departement:69"))).problem(400, "relevantTerritory", "53");
        JsonNode committee = api.post("/api/governance/committees", COORDINATOR, body).status(201).json();
        String id = committee.path("id").asString();
        assertThat(committee.path("relevantTerritory").toString()).contains("departement:35", "epci:243500139");
        api.post("/api/governance/committees", COORDINATOR, body).problem(409, "53");

        String members = "/api/governance/bodies/" + id + "/members";
        JsonNode chair = api.post(members, COORDINATOR, Map.of("organisation", Map.of("siren", "233500016",
                "type", "LOCAL_AUTHORITY", "name", "Région Bretagne"), "role", "CHAIR", "joinedOn", "2026-01-15"))
                .status(201).json();
        api.post(members, COORDINATOR, Map.of("organisation", Map.of("siren", "233500017", "type", "LOCAL_AUTHORITY",
                "name", "x"), "role", "MEMBER", "joinedOn", "2026-01-15")).problem(400, "organisation.siren");
        api.post(members, COORDINATOR, Map.of("person", Map.of("name", "Camille Le Gall"), "role", "CHAIR",
                "joinedOn", "2026-02-01")).problem(409, "présidence");
        api.post(members, COORDINATOR, Map.of("person", Map.of("name", "Camille Le Gall"),
                "role", "CITIZEN_REPRESENTATIVE", "joinedOn", "2026-02-01")).status(201);
        api.post(members, COORDINATOR, Map.of("organisation", Map.of("siren", "130005481", "type", "STATE_SERVICE",
                "name", "Préfecture de région"), "person", Map.of("name", "x"), "role", "PREFECTURE_DATA_REFERENT",
                "joinedOn", "2026-02-01")).problem(400, "organisation");
        api.post(members, COORDINATOR, Map.of("person", Map.of("name", "x"), "role", "GURU", "joinedOn", "2026-02-01"))
                .problem(400, "role");

        String departure = members + "/" + chair.path("id").asString() + "/departure";
        api.post(departure, COORDINATOR, Map.of("leftOn", "2025-12-31")).problem(400, "leftOn");
        api.post(departure, COORDINATOR, Map.of("leftOn", "2026-06-30")).ok();
        api.post(departure, COORDINATOR, Map.of("leftOn", "2026-07-30")).problem(409, "quitté");
        // a new chair may now be named; the former one stays in the history
        api.post(members, COORDINATOR, Map.of("organisation", Map.of("siren", "233500016", "type", "LOCAL_AUTHORITY",
                "name", "Région Bretagne"), "role", "CHAIR", "joinedOn", "2026-07-01")).status(201);
        JsonNode read = api.get("/api/governance/bodies/" + id, COMMITTEE_84).ok().json();
        assertThat(read.path("members").size()).isEqualTo(3);
        assertThat(read.path("members").get(0).path("leftOn").asString()).isEqualTo("2026-06-30");
        assertThat(read.path("members").get(0).path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/governance/national-instance", COMMITTEE_84).ok().json().path("kind").asString())
                .isEqualTo("NATIONAL_INSTANCE");
        assertThat(api.get("/api/governance/committees", null).status()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class, id))
                .containsExactly("governance.committee-created", "governance.member-joined", "governance.member-joined",
                        "governance.member-left", "governance.member-joined");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = ? AND after::text LIKE ?",
                Integer.class, id, "%Camille%")).as("no person's name in the audit").isZero();
    }

    @Test
    void prioritiesArePagedInTheirDeclarationOrderAndAPageBeyondTheBoundsIsRefused() {
        Api api = new Api(port);
        for (int i = 0; i < 3; i++) {
            api.post("/api/priorities", COORDINATOR, Map.of("level", "NATIONAL", "subject", "THEME",
                    "title", "Priorité paginée " + i)).status(201);
        }
        List<String> all = api.get("/api/priorities?level=NATIONAL&limit=500", null).ok().json().findValuesAsString("id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/priorities?level=NATIONAL&limit=2", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(api.get("/api/priorities?level=NATIONAL&limit=2&offset=1", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(1, 3));
        assertThat(api.get("/api/priorities?level=NATIONAL&offset=" + all.size(), null).ok().json().size()).isZero();
        // beyond the maximum: refused, naming the parameter (never silently cut)
        api.get("/api/priorities?limit=501", null).problem(400, "limit");
        api.get("/api/priorities?limit=0", null).problem(400, "limit");
        api.get("/api/priorities?offset=100001", null).problem(400, "offset");
        api.get("/api/priorities?offset=-1", null).problem(400, "offset");
    }

    @Test
    void aFarFutureOrFarPastDateIsRefusedNamingTheFieldAndNothingIsWritten() {
        Api api = new Api(port);
        api.post("/api/priorities", COORDINATOR, Map.of("level", "NATIONAL", "subject", "THEME",
                "title", "Priorité du lointain futur", "targetDate", "3026-01-01")).problem(400, "targetDate", "01/01/2000");
        api.post("/api/priorities", COORDINATOR, Map.of("level", "NATIONAL", "subject", "THEME",
                "title", "Priorité du lointain passé", "targetDate", "1026-01-01")).problem(400, "targetDate");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM priority WHERE title LIKE 'Priorité du lointain%'",
                Integer.class)).as("nothing written").isZero();
        String committee = api.committee("28");
        api.post("/api/governance/bodies/" + committee + "/members", COORDINATOR, Map.of("person",
                Map.of("name", "Dominique"), "role", "CITIZEN_REPRESENTATIVE", "joinedOn", "2202-01-15"))
                .problem(400, "joinedOn");
        assertThat(api.get("/api/governance/bodies/" + committee, COORDINATOR).ok().json().toString())
                .doesNotContain("Dominique");
    }

    @Test
    void nationalAndLocalPrioritiesAreDeclaredAndAnnounced() {
        Api api = new Api(port);
        api.post("/api/priorities", COMMITTEE_84, Map.of("level", "NATIONAL", "subject", "THEME", "title", "Énergie"))
                .problem(403);
        JsonNode national = api.post("/api/priorities", COORDINATOR, Map.of("level", "NATIONAL", "subject", "DATASET",
                "title", "Base adresse nationale", "datasetReference", "https://www.data.gouv.fr/datasets/base-adresse-nationale",
                "targetAccessLevel", "OPEN", "targetDate", "2027-01-01")).status(201).json();
        api.post("/api/priorities", Api.COMMITTEE_11, Map.of("level", "LOCAL", "regionCode", "84", "subject", "THEME",
                "title", "Mobilités")).problem(403, "région");
        JsonNode local = api.post("/api/priorities", COMMITTEE_84, Map.of("level", "LOCAL", "regionCode", "84",
                "subject", "THEME", "title", "Mobilités du quotidien", "territories", List.of("departement:69")))
                .status(201).json();
        api.post("/api/priorities", COMMITTEE_84, Map.of("level", "LOCAL", "regionCode", "84", "subject", "THEME",
                "title", "x", "territories", List.of("departement:75"))).problem(400, "territories");
        api.post("/api/priorities", COMMITTEE_84, Map.of("level", "LOCAL", "regionCode", "84", "subject", "THEME",
                "title", "x", "datasetReference", "abc")).problem(400, "datasetReference");

        assertThat(api.get("/api/priorities?level=LOCAL&region=84", null).ok().json().toString())
                .contains("Mobilités du quotidien").doesNotContain("Base adresse");
        JsonNode n = payload(national.path("id").asString());
        EventSchemas.assertConformsTo("roadmaps/priority-dataset-declared.v1", n);
        assertThat(n.path("scope").path("kind").asString()).isEqualTo("NATIONAL");
        assertThat(n.path("declaredBy").asString()).isEqualTo("national");
        assertThat(n.path("datasetReference").asString()).contains("base-adresse-nationale");
        JsonNode l = payload(local.path("id").asString());
        EventSchemas.assertConformsTo("roadmaps/priority-dataset-declared.v1", l);
        assertThat(l.path("scope").path("kind").asString()).isEqualTo("TERRITORIAL");
        assertThat(l.path("scope").path("territories").toString()).contains("departement:69");
        assertThat(l.path("roadmapId").asString()).isEqualTo("priorites-locales-84");
        assertThat(l.has("datasetReference")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'priority.declared' "
                + "AND target_id IN (?, ?)", Integer.class, national.path("id").asString(), local.path("id").asString()))
                .isEqualTo(2);
    }

    private JsonNode payload(String aggregateId) {
        return CloudEvents.mapper().readTree(jdbc.queryForObject("SELECT payload::text FROM outbox_event WHERE "
                + "aggregate_id = ? AND type = 'fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1'", String.class,
                aggregateId));
    }
}
