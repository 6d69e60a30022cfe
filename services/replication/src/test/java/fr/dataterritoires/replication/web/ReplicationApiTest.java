package fr.dataterritoires.replication.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
import fr.dataterritoires.territory.Territories;

import tools.jackson.databind.JsonNode;

/**
 * Replications over REST: a validated initiative replicated across communes, EPCI and départements, with a lineage;
 * reach figures without double counting; lineage cycles refused; going live publishes {@code ReplicationLive}.
 */
@ServiceTest
class ReplicationApiTest {

    static final Territories GEO = Territories.get();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /**
     * Led in Lyon; replicated live by the Métropole de Lyon (an EPCI containing Lyon), then from that replica by the
     * Isère (département) and by Grenoble-Alpes-Métropole (an EPCI in Isère) and Grenoble (a commune in both), by
     * Ambérieu-en-Bugey (Ain); Chambéry abandoned; Savoie only interested. Reach: the Métropole, Isère and Ambérieu.
     */
    @Test
    void reachCountsOverlappingTerritoriesOnceAndFollowsTheLineage() {
        JsonNode initiative = api.validatedInitiative(Api.LYON_SIREN, "Guichet numérique des aides " + System.nanoTime(),
                List.of("commune:69123"));
        String id = initiative.path("id").asString();
        LocalDate validatedOn = LocalDate.parse(initiative.path("validatedAt").asString().substring(0, 10));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));

        JsonNode metropole = api.liveReplication(id, null, Api.LYON_SIREN, List.of("epci:200046977"), today);
        String m = metropole.path("id").asString();
        JsonNode isere = api.liveReplication(id, m, Api.siren("22380001"), List.of("departement:38"), today);
        api.liveReplication(id, isere.path("id").asString(), Api.siren("20004071"),
                List.of("epci:200040715", "commune:38185"), today);
        api.liveReplication(id, m, Api.siren("21010004"), List.of("commune:01004"), today);
        JsonNode chambery = api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", id, "adopterSiren",
                Api.siren("21730065"), "territories", List.of("73065"))).status(201).json();
        api.post("/api/replications/" + chambery.path("id").asString() + "/abandon", Api.COORDINATOR,
                Map.of("version", chambery.path("version").asLong(), "reason", "Budget non voté")).ok();
        api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", id, "adopterSiren",
                Api.siren("22730001"), "territories", List.of("departement:73"))).status(201);

        JsonNode reach = api.get("/api/initiatives/" + id + "/reach", null).ok().json();
        long expected = GEO.epci("200046977").orElseThrow().population()
                + GEO.departement("38").orElseThrow().population() + GEO.commune("01004").orElseThrow().population();
        assertThat(reach.path("population").asLong()).isEqualTo(expected);
        assertThat(reach.path("distinctTerritories").asInt()).isEqualTo(3);
        assertThat(reach.path("liveReplications").asInt()).isEqualTo(4);
        Map<String, String> coveredBy = new HashMap<>();
        reach.path("territories").forEach(t -> coveredBy.put(t.path("key").asString(), t.path("coveredBy").isNull()
                ? null : t.path("coveredBy").asString()));
        assertThat(coveredBy).containsEntry("commune:69123", "epci:200046977").containsEntry("commune:38185",
                "departement:38").containsEntry("epci:200040715", "departement:38").containsEntry("commune:01004", null)
                .doesNotContainKeys("commune:73065", "departement:73");

        // lineage: a tree rooted at the initiative, with the days from validation to each replication going live
        JsonNode lineage = reach.path("lineage");
        JsonNode root = null;
        for (JsonNode n : lineage) {
            if (n.path("replicationId").asString().equals(m)) {
                root = n;
            }
        }
        assertThat(root).isNotNull();
        assertThat(root.path("daysFromValidationToLive").asLong())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(validatedOn, today));
        assertThat(root.path("children").size()).isEqualTo(2);
        assertThat(root.path("children").toString()).contains(isere.path("id").asString()).contains("commune:01004")
                .contains("epci:200040715");

        // the page carries the same reach
        JsonNode page = api.get("/api/initiatives/" + id, null).ok().json();
        assertThat(page.path("reach").path("population").asLong()).isEqualTo(expected);

        // ReplicationLive in the outbox, conform to its contract
        jdbc.query("SELECT payload::text FROM outbox_event WHERE type = 'fr.dataterritoires.replication."
                + "ReplicationLive.v1' AND payload ->> 'initiativeId' = ?", rs -> {
                    JsonNode event = CloudEvents.mapper().readTree(rs.getString(1));
                    EventSchemas.assertConformsTo("replication/ReplicationLive.v1", event);
                }, id);
        String live = jdbc.queryForObject("SELECT payload::text FROM outbox_event WHERE aggregate_id = ?", String.class,
                isere.path("id").asString());
        JsonNode event = CloudEvents.mapper().readTree(live);
        assertThat(event.path("basedOnReplicationId").asString()).isEqualTo(m);
        assertThat(event.path("territories").toString()).contains("\"38\"");
        assertThat(event.path("population").asLong()).isEqualTo(GEO.departement("38").orElseThrow().population());
    }

    @Test
    void lineageCyclesAreRefused() {
        String id = api.validatedInitiative(Api.LYON_SIREN, "Budget participatif " + System.nanoTime(),
                List.of("commune:69123")).path("id").asString();
        JsonNode a = register(id, null, "38185");
        JsonNode b = register(id, a.path("id").asString(), "38421");
        JsonNode c = register(id, b.path("id").asString(), "01004");

        JsonNode refused = api.put("/api/replications/" + a.path("id").asString() + "/based-on", Api.COORDINATOR,
                Map.of("version", a.path("version").asLong(), "basedOn", c.path("id").asString())).problem(422, "cycle");
        assertThat(refused.path("rule").asString()).isEqualTo("lignee-cyclique");
        api.put("/api/replications/" + a.path("id").asString() + "/based-on", Api.COORDINATOR,
                Map.of("version", a.path("version").asLong(), "basedOn", a.path("id").asString())).problem(422);
        // a replica of another initiative cannot be a parent
        String other = api.validatedInitiative(Api.LYON_SIREN, "Autre " + System.nanoTime(), List.of("69123"))
                .path("id").asString();
        JsonNode foreign = register(other, null, "73065");
        assertThat(api.put("/api/replications/" + c.path("id").asString() + "/based-on", Api.COORDINATOR,
                Map.of("version", c.path("version").asLong(), "basedOn", foreign.path("id").asString()))
                .problem(422).path("rule").asString()).isEqualTo("lignee-autre-initiative");
        // re-parenting onto a sibling branch is fine
        JsonNode moved = api.put("/api/replications/" + c.path("id").asString() + "/based-on", Api.COORDINATOR,
                Map.of("version", c.path("version").asLong(), "basedOn", a.path("id").asString())).ok().json();
        assertThat(moved.path("basedOn").asString()).isEqualTo(a.path("id").asString());
        // the database holds it too
        assertThat(jdbc.queryForObject("SELECT count(*) FROM replication WHERE id = ?::uuid AND based_on = ?::uuid",
                Integer.class, c.path("id").asString(), a.path("id").asString())).isEqualTo(1);
    }

    @Test
    void anExperimentIsNotReplicatedAndAReplicationFollowsItsSteps() {
        String experiment = api.createInitiative(Api.COORDINATOR, Api.initiative(Api.LYON_SIREN, "Pas encore prouvée",
                List.of("69123"))).path("id").asString();
        assertThat(api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", experiment, "adopterSiren",
                Api.LYON_SIREN, "territories", List.of("69266"))).problem(422).path("rule").asString())
                .isEqualTo("initiative-non-validee");

        String id = api.validatedInitiative(Api.LYON_SIREN, "Tri des biodéchets " + System.nanoTime(),
                List.of("69123")).path("id").asString();
        String villeurbanne = Api.siren("21690266");
        // only the adopting organisation (or a coordinator) declares it
        api.post("/api/replications", Api.LYON, Map.of("initiativeId", id, "adopterSiren", villeurbanne,
                "territories", List.of("69266"))).problem(403);
        JsonNode r = api.post("/api/replications", Api.applicant(villeurbanne), Map.of("initiativeId", id,
                "adopterSiren", villeurbanne, "territories", List.of("69266"))).status(201).json();
        String base = "/api/replications/" + r.path("id").asString();
        assertThat(r.path("status").asString()).isEqualTo("INTERESTED");
        // another organisation: refused whatever the version it sends (403 before the version's 409)
        for (long version : new long[] {0, 7}) {
            api.post(base + "/abandon", Api.LYON, Map.of("version", version, "reason", "Pas la nôtre")).problem(403);
        }
        api.post(base + "/status", Api.applicant(villeurbanne), Map.of("version", 0, "status", "LIVE", "on",
                LocalDate.now().toString())).problem(409);
        r = api.post(base + "/status", Api.applicant(villeurbanne), Map.of("version", 0, "status", "PLANNED", "on",
                LocalDate.now().plusDays(30).toString())).ok().json();
        r = api.put(base + "/report", Api.applicant(villeurbanne), Map.of("version", r.path("version").asLong(),
                "sharedCosts", List.of(Map.of("payerSiren", Api.LYON_SIREN, "amount", "12000.00", "description",
                        "Hébergement mutualisé"), Map.of("payerSiren", villeurbanne, "amount", "3000.50",
                        "description", "Formation")),
                "outcomes", List.of(Map.of("name", "Biodéchets collectés", "unit", "t/an", "before", "0")))).ok().json();
        assertThat(r.path("sharedCostTotal").asString()).isEqualTo("15000.50");
        api.post(base + "/abandon", Api.applicant(villeurbanne), Map.of("version", r.path("version").asLong(),
                "reason", " ")).problem(400, "reason");
        r = api.post(base + "/abandon", Api.applicant(villeurbanne), Map.of("version", r.path("version").asLong(),
                "reason", "Marché public infructueux")).ok().json();
        assertThat(r.path("status").asString()).isEqualTo("ABANDONED");
        assertThat(api.get(base, null).ok().json().path("abandonReason").asString())
                .isEqualTo("Marché public infructueux");
        api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", id, "adopterSiren", villeurbanne,
                "territories", List.of("region:84", "nulle-part"))).problem(400, "territories[1]");
    }

    @Test
    void aTerritoryIsToldWhatSimilarTerritoriesAdopted() {
        // Saint-Martin-d'Hères (38421): Grenoble, its neighbour in the same EPCI, replicated it
        String title = "Rénovation énergétique accompagnée " + System.nanoTime();
        String id = api.validatedInitiative(Api.LYON_SIREN, title, List.of("commune:69123")).path("id").asString();
        api.liveReplication(id, null, Api.siren("21380185"), List.of("commune:38185"), LocalDate.now());
        JsonNode suggestions = api.get("/api/initiatives/suggestions?territory=38421", null).ok().json();
        assertThat(suggestions.path("territory").path("name").asString()).isEqualTo("Saint-Martin-d'Hères");
        JsonNode found = null;
        for (JsonNode s : suggestions.path("suggestions")) {
            if (s.path("initiativeId").asString().equals(id)) {
                found = s;
            }
        }
        assertThat(found).as(suggestions.toString()).isNotNull();
        assertThat(found.path("neighbours").toString()).contains("38185");
        // Grenoble itself has it: not suggested to Grenoble
        assertThat(api.get("/api/initiatives/suggestions?territory=38185", null).ok().json().toString())
                .doesNotContain(id);
        api.get("/api/initiatives/suggestions?territory=84", null).problem(400, "ambigu");
        api.get("/api/initiatives/suggestions", null).problem(400, "territory");
    }

    private JsonNode register(String initiativeId, String basedOn, String territory) {
        Map<String, Object> body = new HashMap<>();
        body.put("initiativeId", initiativeId);
        body.put("basedOn", basedOn);
        body.put("adopterSiren", Api.LYON_SIREN);
        body.put("territories", List.of(territory));
        return api.post("/api/replications", Api.COORDINATOR, body).status(201).json();
    }
}
