package fr.dataterritoires.replication.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * The acceleration programme over REST: a call with its published criteria and jury, candidacies of validated
 * initiatives, scores by the jury only, a selection that follows the scores, a cohort whose members may then be
 * accelerated — and support received, mentoring by a mutualisation structure included.
 */
@ServiceTest
class ProgrammeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A call of the acceleration programme opening {@code daysAgo} days ago. */
    static Map<String, Object> callBody(LocalDate today, int daysAgo) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", "Appel paginé " + System.nanoTime());
        body.put("description", "Accompagnement.");
        body.put("criteria", List.of(Map.of("code", "SCALABILITY", "label", "Capacité de passage à l'échelle",
                "weight", 1)));
        body.put("jury", List.of(Map.of("subject", "jure-a", "name", "Alice Martin", "organisation", "ANCT")));
        body.put("opensOn", today.minusDays(daysAgo).toString());
        body.put("closesOn", today.plusDays(10).toString());
        body.put("capacity", 1);
        body.put("minimumScore", "2.50");
        body.put("supportStart", today.plusDays(20).toString());
        body.put("supportEnd", today.plusDays(200).toString());
        return body;
    }

    @Test
    void callsArePagedNewestOpeningFirstAndAPageBeyondTheBoundsIsRefused() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        for (int i = 0; i < 3; i++) {
            api.post("/api/programme/calls", Api.COORDINATOR, callBody(today, 30 + i)).status(201);
        }
        List<String> all = api.get("/api/programme/calls?limit=200", null).ok().json().findValuesAsString("id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(200);
        assertThat(api.get("/api/programme/calls?limit=2", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(api.get("/api/programme/calls?limit=2&offset=1", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(1, 3));
        assertThat(api.get("/api/programme/calls?offset=" + all.size(), null).ok().json().size()).isZero();
        // beyond the maximum: refused, naming the parameter (never silently cut)
        api.get("/api/programme/calls?limit=201", null).problem(400, "limit");
        api.get("/api/programme/calls?limit=0", null).problem(400, "limit");
        api.get("/api/programme/calls?offset=100001", null).problem(400, "offset");
        api.get("/api/programme/calls?offset=-1", null).problem(400, "offset");
    }

    @Test
    void aFarFutureOrFarPastDateIsRefusedNamingTheFieldAndNothingIsWritten() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        Map<String, Object> farFuture = callBody(today, 1);
        farFuture.put("supportEnd", "2999-06-30");
        api.post("/api/programme/calls", Api.COORDINATOR, farFuture).problem(400, "supportEnd", "01/01/2000");
        Map<String, Object> farPast = callBody(today, 1);
        farPast.put("opensOn", "1999-12-31");
        api.post("/api/programme/calls", Api.COORDINATOR, farPast).problem(400, "opensOn");
        for (Map<String, Object> refused : List.of(farFuture, farPast)) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM candidate_call WHERE title = ?", Integer.class,
                    refused.get("title"))).as("nothing written").isZero();
        }
    }

    @Test
    void theJurySelectsACohortOnThePublishedCriteriaAndOnlyItsMembersAreAccelerated() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        Map<String, Object> callBody = new java.util.LinkedHashMap<>();
        callBody.put("title", "Accélérateur des initiatives territoriales " + System.nanoTime());
        callBody.put("description", "Six mois d'accompagnement pour essaimer.");
        callBody.put("criteria", List.of(Map.of("code", "SCALABILITY", "label", "Capacité de passage à l'échelle",
                "weight", 3), Map.of("code", "IMPACT", "label", "Impact mesuré", "weight", 1)));
        callBody.put("jury", List.of(Map.of("subject", "jure-a", "name", "Alice Martin", "organisation", "ANCT"),
                Map.of("subject", "jure-b", "name", "Bruno Petit", "organisation", "DINUM")));
        callBody.put("opensOn", today.minusDays(1).toString());
        callBody.put("closesOn", today.plusDays(10).toString());
        callBody.put("capacity", 1);
        callBody.put("minimumScore", "2.50");
        callBody.put("supportStart", today.plusDays(20).toString());
        callBody.put("supportEnd", today.plusDays(200).toString());
        api.post("/api/programme/calls", Api.LYON, callBody).problem(403);
        Map<String, Object> noScalability = new java.util.HashMap<>(callBody);
        noScalability.put("criteria", List.of(Map.of("code", "IMPACT", "label", "Impact", "weight", 1)));
        api.post("/api/programme/calls", Api.COORDINATOR, noScalability).problem(400, "SCALABILITY");
        JsonNode call = api.post("/api/programme/calls", Api.COORDINATOR, callBody).status(201).json();
        String base = "/api/programme/calls/" + call.path("id").asString();
        // published: criteria and jury readable by anyone (the jurors' accounts are not shown)
        JsonNode published = api.get(base, null).ok().json();
        assertThat(published.path("criteria").toString()).contains("SCALABILITY");
        assertThat(published.path("jury").toString()).contains("Alice Martin").doesNotContain("jure-a");

        String strong = api.validatedInitiative(Api.LYON_SIREN, "Forte " + System.nanoTime(), List.of("69123"))
                .path("id").asString();
        String weak = api.validatedInitiative(Api.LYON_SIREN, "Faible " + System.nanoTime(), List.of("69266"))
                .path("id").asString();
        String experiment = api.createInitiative(Api.LYON, Api.initiative(Api.LYON_SIREN, "Non validée",
                List.of("69123"))).path("id").asString();
        api.post(base + "/candidacies", Api.LYON, Map.of("initiativeId", experiment, "motivation", "Nous"))
                .problem(422, "validée");
        String a = api.post(base + "/candidacies", Api.LYON, Map.of("initiativeId", strong, "motivation",
                "Prête à essaimer")).status(201).json().path("id").asString();
        String b = api.post(base + "/candidacies", Api.LYON, Map.of("initiativeId", weak, "motivation",
                "Prometteuse")).status(201).json().path("id").asString();
        api.post(base + "/candidacies", Api.LYON, Map.of("initiativeId", weak, "motivation", "Encore")).problem(409);

        // the jury scores; an evaluator outside the jury cannot
        String outsider = TestIssuer.token(DevUsers.demo(Role.EVALUATOR).withSubject("pas-jure"));
        api.put(base + "/candidacies/" + a + "/scores", outsider, Map.of("scores", Map.of("SCALABILITY", 5,
                "IMPACT", 5))).problem(403);
        api.put(base + "/candidacies/" + a + "/scores", Api.JUROR_A, Map.of("scores", Map.of("SCALABILITY", 5)))
                .problem(400, "IMPACT");
        api.put(base + "/candidacies/" + a + "/scores", Api.JUROR_A, Map.of("scores", Map.of("SCALABILITY", 5,
                "IMPACT", 9))).problem(400);
        score(base, a, Api.JUROR_A, 5, 3);
        // selection waits for the whole jury
        api.post(base + "/selection", Api.COORDINATOR, Map.of("cohortName", "Promotion 1")).problem(422, "jury");
        score(base, a, Api.JUROR_B, 4, 4);
        score(base, b, Api.JUROR_A, 3, 3);
        score(base, b, Api.JUROR_B, 3, 3);
        // the public sees candidacies, not the jurors' scores
        assertThat(api.get(base + "/candidacies", null).ok().json().get(0).has("scores")).isFalse();
        assertThat(api.get(base + "/candidacies", Api.JUROR_A).ok().json().get(0).has("scores")).isTrue();

        JsonNode selection = api.post(base + "/selection", Api.COORDINATOR, Map.of("cohortName",
                "Promotion printemps")).ok().json();
        JsonNode ranking = selection.path("ranking");
        assertThat(ranking.get(0).path("initiativeId").asString()).isEqualTo(strong);
        assertThat(ranking.get(0).path("score").asString()).isEqualTo("4.25");
        assertThat(ranking.get(0).path("selected").asBoolean()).isTrue();
        assertThat(ranking.get(1).path("score").asString()).isEqualTo("3.00");
        assertThat(ranking.get(1).path("selected").asBoolean()).isFalse(); // capacity 1
        String cohortId = selection.path("cohort").path("id").asString();
        JsonNode cohort = api.get("/api/programme/cohorts/" + cohortId, null).ok().json();
        assertThat(cohort.path("initiativeIds").toString()).contains(strong).doesNotContain(weak);
        assertThat(cohort.path("supportStart").asString()).isEqualTo(today.plusDays(20).toString());
        api.post(base + "/selection", Api.COORDINATOR, Map.of("cohortName", "Encore")).problem(409);
        JsonNode afterwards = api.get(base + "/candidacies", null).ok().json();
        assertThat(afterwards.toString()).contains("\"rank\":1").contains("SELECTED").contains("NOT_SELECTED");

        // acceleration: the cohort member may, the other may not
        assertThat(accelerate(strong).path("maturity").asString()).isEqualTo("ACCELERATED");
        JsonNode w = api.get("/api/initiatives/" + weak, null).ok().json();
        api.post("/api/initiatives/" + weak + "/maturity", Api.COORDINATOR, Map.of("version",
                w.path("version").asLong(), "maturity", "ACCELERATED", "justification", "Aussi")).problem(422,
                "promotion");

        // support received: mentoring by a mutualisation structure, which records it itself; money by coordinators
        String structure = Api.siren("80000001");
        JsonNode mentoring = api.post("/api/initiatives/" + strong + "/supports", Api.applicant(structure), Map.of(
                "kind", "MENTORING", "providerSiren", structure, "providerName", "Structure de mutualisation",
                "receivedOn", today.plusDays(25).toString(), "description", "Accompagnement au déploiement"))
                .status(201).json();
        assertThat(mentoring.path("cohortId").asString()).isEqualTo(cohortId);
        api.post("/api/initiatives/" + strong + "/supports", Api.applicant(structure), Map.of("kind", "FUNDING",
                "providerSiren", structure, "amount", "1000.00", "receivedOn", today.toString())).problem(403);
        api.post("/api/initiatives/" + strong + "/supports", Api.COORDINATOR, Map.of("kind", "MENTORING",
                "providerSiren", structure, "amount", "10.00", "receivedOn", today.toString(), "description", "x"))
                .problem(400, "amount");
        JsonNode funding = api.post("/api/initiatives/" + strong + "/supports", Api.COORDINATOR, Map.of("kind",
                "FUNDING", "providerSiren", Api.siren("13002603"), "amount", "20000.00", "receivedOn",
                today.minusDays(3).toString(), "description", "Subvention d'amorçage")).status(201).json();
        assertThat(funding.path("amount").asString()).isEqualTo("20000.00");
        assertThat(funding.path("cohortId").isNull()).isTrue(); // before the support period
        assertThat(api.get("/api/initiatives/" + strong + "/supports", null).ok().json().size()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class,
                call.path("id").asString())).containsExactly("call.opened", "call.selected");
    }

    private void score(String base, String candidacy, String juror, int scalability, int impact) {
        api.put(base + "/candidacies/" + candidacy + "/scores", juror, Map.of("scores", Map.of("SCALABILITY",
                scalability, "IMPACT", impact))).ok();
    }

    private JsonNode accelerate(String id) {
        JsonNode i = api.get("/api/initiatives/" + id, null).ok().json();
        return api.post("/api/initiatives/" + id + "/maturity", Api.COORDINATOR, Map.of("version",
                i.path("version").asLong(), "maturity", "ACCELERATED", "justification", "Sélectionnée par le jury"))
                .ok().json();
    }
}
