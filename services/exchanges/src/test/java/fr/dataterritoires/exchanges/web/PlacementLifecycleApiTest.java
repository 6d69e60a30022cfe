package fr.dataterritoires.exchanges.web;

import static fr.dataterritoires.exchanges.support.Api.agent;
import static fr.dataterritoires.exchanges.support.Api.application;
import static fr.dataterritoires.exchanges.support.Api.manager;
import static fr.dataterritoires.exchanges.support.Api.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.exchanges.support.Api;
import fr.dataterritoires.exchanges.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.EventSchemas;

import tools.jackson.databind.JsonNode;

/**
 * The whole placement lifecycle over HTTP, with the refusals of the acceptance list: same-side exchange, over
 * capacity (waiting list), overlapping dates, a decision by someone who is not the employer, an agent reading
 * another agent's application.
 */
@ServiceTest
class PlacementLifecycleApiTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExchangeGoesFromApplicationToCompletionWithEveryRefusalOnTheWay() {
        Api api = new Api(port);
        String commune = newSiren('2');
        String stateEmployer = newSiren('1');
        String otherEmployer = newSiren('1');
        String offer = api.publishedOffer(commune, 1, START, END);
        String host = manager(commune);
        String employer = manager(stateEmployer);
        String alice = agent("alice-" + UUID.randomUUID(), stateEmployer);
        String bruno = agent("bruno-" + UUID.randomUUID(), otherEmployer);
        String territorial = agent("tom-" + UUID.randomUUID(), newSiren('2'));

        // same side: a territorial agent cannot go to a local authority
        JsonNode sameSide = api.post("/api/offers/" + offer + "/applications", territorial,
                application("Tom Territorial", "TERRITORIAL", START, START.plusDays(4)))
                .problem(422, "croiser les versants");
        assertThat(sameSide.path("rule").asString()).isEqualTo("echange-meme-versant");
        // dates outside the offer's bounds and windows
        api.post("/api/offers/" + offer + "/applications", alice,
                application("Alice Martin", "STATE", START, START.plusDays(40))).problem(422, "30");
        api.post("/api/offers/" + offer + "/applications", alice,
                application("Alice Martin", "STATE", END, END.plusDays(2))).problem(422, "disponibilité");
        api.post("/api/offers/" + offer + "/applications", alice,
                application("Alice Martin", "STATE", START.plusDays(3), START)).problem(400, "endDate");

        String a = api.post("/api/offers/" + offer + "/applications", alice,
                application("Alice Martin", "STATE", START, START.plusDays(9))).status(201).json().path("id").asString();
        String b = api.post("/api/offers/" + offer + "/applications", bruno,
                application("Bruno Petit", "STATE", START, START.plusDays(9))).status(201).json().path("id").asString();

        // an agent reads only their own applications
        api.get("/api/applications/" + a, bruno).problem(403);
        assertThat(api.get("/api/applications/" + a, alice).ok().json().path("agent").path("name").asString())
                .isEqualTo("Alice Martin");
        assertThat(api.get("/api/me/applications", bruno).ok().json().findValuesAsString("id")).containsExactly(b);
        assertThat(api.get("/api/applications/" + a, null).status()).isEqualTo(401);

        // only the employer decides for the employer: not another organisation, not the host, not a colleague agent
        String decision = "/api/applications/" + a + "/employer-decision";
        api.post(decision, manager(otherEmployer), Map.of("approve", true)).problem(403, "employeur");
        api.post(decision, host, Map.of("approve", true)).problem(403, "employeur");
        api.post(decision, agent("colleague-" + UUID.randomUUID(), stateEmployer), Map.of("approve", true))
                .problem(403);
        api.post(decision, employer, Map.of("approve", false)).problem(400, "reason");
        // the host cannot accept before the employer's approval
        api.post("/api/applications/" + a + "/host-decision", host, Map.of("approve", true))
                .problem(409, "accord de l'employeur");
        assertThat(api.decide(decision, employer, true, null).path("status").asString())
                .isEqualTo("EMPLOYER_APPROVED");
        api.decide("/api/applications/" + b + "/employer-decision", manager(otherEmployer), true, null);

        // acceptance opens the placement and takes the only place; the next one goes on the waiting list
        api.post("/api/applications/" + a + "/host-decision", employer, Map.of("approve", true)).problem(403);
        JsonNode accepted = api.decide("/api/applications/" + a + "/host-decision", host, true, null);
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        String placement = accepted.path("placementId").asString();
        JsonNode full = api.post("/api/applications/" + b + "/host-decision", host, Map.of("approve", true))
                .problem(409, "complète");
        assertThat(full.path("rule").asString()).isEqualTo("offre-complete");
        JsonNode waiting = api.get("/api/applications/" + b, bruno).ok().json();
        assertThat(waiting.path("waitlisted").asBoolean()).isTrue();
        assertThat(waiting.path("waitingListPosition").asInt()).isEqualTo(1);
        assertThat(api.get("/api/offers/" + offer + "/applications?waiting=true", host).ok().json()
                .findValuesAsString("id")).containsExactly(b);
        assertThat(api.get("/api/offers/" + offer, null).ok().json().path("full").asBoolean()).isTrue();

        // no double booking: Alice cannot apply elsewhere for overlapping dates
        String otherOffer = api.publishedOffer(newSiren('2'), 2, START, END);
        JsonNode overlap = api.post("/api/offers/" + otherOffer + "/applications", alice,
                application("Alice Martin", "STATE", START.plusDays(5), START.plusDays(12))).problem(409, "chevaucher");
        assertThat(overlap.path("rule").asString()).isEqualTo("dates-chevauchantes");
        api.post("/api/offers/" + otherOffer + "/applications", alice,
                application("Alice Martin", "STATE", START.plusDays(10), START.plusDays(12))).status(201);

        // the versioned agreement: each new version needs the three parties again
        String p = "/api/placements/" + placement;
        api.get(p, bruno).problem(403);
        assertThat(api.get(p, employer).ok().json().path("yourParty").asString()).isEqualTo("EMPLOYER");
        api.post(p + "/start", host, null).problem(409, "convention");
        JsonNode v1 = api.post(p + "/agreement", host, Map.of("objectives", List.of("Publier le jeu des arrêts")))
                .ok().json();
        assertThat(v1.path("agreement").path("number").asInt()).isEqualTo(1);
        api.post(p + "/agreement/acceptance", alice, Map.of("version", 1)).ok();
        JsonNode v2 = api.post(p + "/agreement", employer, Map.of("objectives",
                List.of("Publier le jeu des arrêts", "Former deux collègues"))).ok().json();
        assertThat(v2.path("agreement").path("number").asInt()).isEqualTo(2);
        assertThat(v2.path("status").asString()).isEqualTo("AGREEMENT_PENDING");
        api.post(p + "/agreement/acceptance", alice, Map.of("version", 1)).problem(409, "version en vigueur");
        api.post(p + "/agreement/acceptance", alice, Map.of("version", 2)).ok();
        api.post(p + "/agreement/acceptance", alice, Map.of("version", 2)).problem(409, "déjà accepté");
        api.post(p + "/agreement/acceptance", bruno, Map.of("version", 2)).problem(403);
        JsonNode agreed = api.post(p + "/agreement/acceptance", host, Map.of("version", 2)).ok().json();
        assertThat(agreed.path("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.path("agreement").path("acceptedByAll").asBoolean()).isTrue();
        assertThat(agreed.path("agreementHistory").size()).isEqualTo(2);

        // in progress, then completed with the agent's report and the host's feedback
        api.post(p + "/start", alice, null).problem(403, "accueil");
        assertThat(api.post(p + "/start", host, null).ok().json().path("status").asString()).isEqualTo("IN_PROGRESS");
        api.post(p + "/agreement", host, Map.of("objectives", List.of("x"))).problem(409);
        // no erasure on request in the middle of an exchange
        api.delete("/api/me/personal-data", alice).problem(409, "en cours");
        api.post(p + "/completion", host, null).problem(422, "rapport");
        api.post(p + "/report", host, Map.of("text", "x")).problem(403);
        api.post(p + "/report", alice, Map.of("text", "Rapport d'Alice : trois jeux publiés.")).ok();
        api.post(p + "/feedback", host, Map.of("text", "Appréciation de la commune : excellent.")).ok();
        JsonNode completed = api.post(p + "/completion", host, null).ok().json();
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("direction").asString()).isEqualTo("STATE_TO_TERRITORIAL");
        api.post(p + "/cancellation", host, Map.of("text", "trop tard")).problem(409);

        // the event: schema-valid, no personal data
        JsonNode event = CloudEvents.mapper().readTree(jdbc.queryForObject("SELECT payload::text FROM outbox_event "
                + "WHERE aggregate_id = ? AND type = ?", String.class, placement,
                "fr.dataterritoires.exchanges.PlacementCompleted.v1"));
        EventSchemas.assertConformsTo("exchanges/PlacementCompleted.v1", event);
        assertThat(event.path("days").asInt()).isEqualTo(10);
        assertThat(event.path("ministry").asString()).isEqualTo("MEF");
        assertThat(event.toString()).doesNotContain("Alice", "alice", "Rapport", "Appréciation");

        // the host refuses the waiting application with a reason; every change audited without personal data
        api.post("/api/applications/" + b + "/host-decision", host, Map.of("approve", false)).problem(400, "reason");
        assertThat(api.decide("/api/applications/" + b + "/host-decision", host, false, "Offre pourvue")
                .path("status").asString()).isEqualTo("HOST_REFUSED");
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class,
                a)).containsExactly("application.submitted", "application.employer-approved", "application.accepted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id IN (?, ?, ?) AND "
                + "(coalesce(before::text, '') || coalesce(after::text, '') || actor) ~* '(alice|bruno|motivation|rapport)'",
                Integer.class, a, b, placement)).isZero();
    }

    @Test
    void aCancellationFreesThePlace() {
        Api api = new Api(port);
        String state = newSiren('1');
        String offer = api.publishedOffer(state, 1, START, END);
        String territorialEmployer = newSiren('2');
        String carla = agent("carla-" + UUID.randomUUID(), territorialEmployer);
        String app = api.post("/api/offers/" + offer + "/applications", carla,
                application("Carla Durand", "TERRITORIAL", START, START.plusDays(2))).status(201).json()
                .path("id").asString();
        api.decide("/api/applications/" + app + "/employer-decision", manager(territorialEmployer), true, null);
        String placement = api.decide("/api/applications/" + app + "/host-decision", manager(state), true, null)
                .path("placementId").asString();
        assertThat(api.get("/api/offers/" + offer, null).ok().json().path("placesTaken").asInt()).isEqualTo(1);
        api.post("/api/placements/" + placement + "/cancellation", carla, Map.of("text", "Raison de service")).ok();
        assertThat(api.get("/api/offers/" + offer, null).ok().json().path("placesTaken").asInt()).isZero();
        assertThat(api.get("/api/placements/" + placement, carla).ok().json().path("direction").asString())
                .isEqualTo("TERRITORIAL_TO_STATE");
    }
}
