package fr.dataterritoires.exchanges.web;

import static fr.dataterritoires.exchanges.support.Api.COORDINATOR;
import static fr.dataterritoires.exchanges.support.Api.agent;
import static fr.dataterritoires.exchanges.support.Api.application;
import static fr.dataterritoires.exchanges.support.Api.manager;
import static fr.dataterritoires.exchanges.support.Api.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.exchanges.support.Api;
import fr.dataterritoires.exchanges.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/** Offers' validation and visibility, trainings with and without employer consent, the public statistics. */
@ServiceTest
class OffersTrainingsAndStatisticsApiTest {

    private static final LocalDate START = LocalDate.of(2030, 2, 1);

    @LocalServerPort
    int port;

    private static Map<String, Object> offerBody(String siren) {
        Map<String, Object> body = new HashMap<>();
        body.put("hostSiren", siren);
        body.put("hostType", "LOCAL_AUTHORITY");
        body.put("hostName", "Métropole");
        body.put("regionCode", "84");
        body.put("title", "Offre");
        body.put("topics", List.of("eau"));
        body.put("activities", "a");
        body.put("learningOutcomes", "l");
        body.put("minDays", 1);
        body.put("maxDays", 10);
        body.put("windows", List.of(Map.of("startDate", START.toString(), "endDate", START.plusDays(30).toString())));
        body.put("capacity", 2);
        body.put("workMode", "ON_SITE");
        body.put("place", "Grenoble");
        return body;
    }

    @Test
    void badOffersAreRefusedNamingTheFieldAndDraftsStayPrivate() {
        Api api = new Api(port);
        String siren = newSiren('2');
        String host = manager(siren);
        Map<String, Object> body = offerBody(siren);
        api.post("/api/offers", null, body).problem(401);
        api.post("/api/offers", manager(newSiren('2')), body).problem(403);
        api.post("/api/offers", agent("a-" + UUID.randomUUID(), siren), body).problem(403);
        for (Map.Entry<String, ?> bad : List.<Map.Entry<String, ?>>of(Map.entry("hostType", "MAIRIE"),
                Map.entry("capacity", 0), Map.entry("maxDays", 200), Map.entry("regionCode", "7"),
                Map.entry("hostSiren", "213800007"), Map.entry("workMode", "ON_SITE_OR_NOT"),
                Map.entry("ministry", "MEF"), Map.entry("topics", List.of()))) {
            Map<String, Object> wrong = new HashMap<>(body);
            wrong.put(bad.getKey(), bad.getValue());
            api.post("/api/offers", host, wrong).problem(400, bad.getKey());
        }
        Map<String, Object> noPlace = new HashMap<>(body);
        noPlace.remove("place");
        api.post("/api/offers", host, noPlace).problem(400, "place");
        Map<String, Object> backwards = new HashMap<>(body);
        backwards.put("windows", List.of(Map.of("startDate", START.toString(), "endDate", START.minusDays(1).toString())));
        api.post("/api/offers", host, backwards).problem(400, "windows[0]");

        String draft = api.post("/api/offers", host, body).status(201).json().path("id").asString();
        api.get("/api/offers/" + draft, null).problem(404);
        api.get("/api/offers/" + draft, manager(newSiren('1'))).problem(404);
        assertThat(api.get("/api/offers/" + draft, host).ok().json().path("status").asString()).isEqualTo("DRAFT");
        api.post("/api/offers/" + draft + "/applications", agent("b-" + UUID.randomUUID(), newSiren('1')),
                application("Béa", "STATE", START, START.plusDays(2))).problem(404);
        assertThat(api.get("/api/offers?mine=true", host).ok().json().findValuesAsString("id")).contains(draft);
        assertThat(api.get("/api/offers", null).ok().json().findValuesAsString("id")).doesNotContain(draft);
        api.post("/api/offers/" + draft + "/publication", manager(newSiren('2')), null).problem(403);
        api.post("/api/offers/" + draft + "/publication", host, null).ok();
        api.post("/api/offers/" + draft + "/publication", host, null).problem(409);
        assertThat(api.get("/api/offers?region=84&topic=eau", null).ok().json().findValuesAsString("id"))
                .contains(draft);
        api.get("/api/offers?region=x", null).problem(400, "region");
        api.get("/api/offers/pas-un-uuid", null).problem(400);
        api.get("/api/offers?status=PERIME", null).problem(400, "status");
        String candidate = agent("d-" + UUID.randomUUID(), newSiren('1'));
        Map<String, Object> badEmail = new HashMap<>(application("Dé", "STATE", START, START.plusDays(2)));
        badEmail.put("agent", Map.of("name", "Dé", "email", "pas-une-adresse"));
        api.post("/api/offers/" + draft + "/applications", candidate, badEmail).problem(400, "agent.email");
        Map<String, Object> badSide = new HashMap<>(application("Dé", "STATE", START, START.plusDays(2)));
        badSide.put("employerSide", "HOSPITALIER");
        api.post("/api/offers/" + draft + "/applications", candidate, badSide).problem(400, "employerSide");
        Map<String, Object> noMotivation = new HashMap<>(application("Dé", "STATE", START, START.plusDays(2)));
        noMotivation.remove("motivation");
        api.post("/api/offers/" + draft + "/applications", candidate, noMotivation).problem(400, "motivation");
        api.post("/api/offers/" + draft + "/applications", manager(newSiren('1')),
                application("Dé", "STATE", START, START.plusDays(2))).problem(403);
        api.post("/api/offers/" + draft + "/closure", host, null).ok();
        api.post("/api/offers/" + draft + "/applications", agent("c-" + UUID.randomUUID(), newSiren('1')),
                application("Cé", "STATE", START, START.plusDays(2))).problem(409, "close");
    }

    @Test
    void aFarFutureOrFarPastDateIsRefusedNamingTheFieldAndNothingIsWritten() {
        Api api = new Api(port);
        String siren = newSiren('2');
        String host = manager(siren);
        Map<String, Object> farFuture = offerBody(siren);
        farFuture.put("windows", List.of(Map.of("startDate", START.toString(), "endDate", "2999-12-31")));
        api.post("/api/offers", host, farFuture).problem(400, "windows[0].endDate", "01/01/2000");
        Map<String, Object> farPast = offerBody(siren);
        farPast.put("windows", List.of(Map.of("startDate", "0202-02-01", "endDate", START.toString())));
        api.post("/api/offers", host, farPast).problem(400, "windows[0].startDate");
        assertThat(api.get("/api/offers?mine=true", host).ok().json().size()).as("no offer written").isZero();

        String offer = api.post("/api/offers", host, offerBody(siren)).status(201).json().path("id").asString();
        api.post("/api/offers/" + offer + "/publication", host, null).ok();
        String candidate = agent("f-" + UUID.randomUUID(), newSiren('1'));
        api.post("/api/offers/" + offer + "/applications", candidate,
                application("Fé", "STATE", START, LocalDate.of(9999, 1, 1))).problem(400, "endDate");
        assertThat(api.get("/api/me/applications", candidate).ok().json().size()).as("no application written").isZero();
        assertThat(api.get("/api/offers/" + offer + "/applications", host).ok().json().size()).isZero();
    }

    @Test
    void offerAndTrainingListsArePagesWithAMaximumSize() {
        Api api = new Api(port);
        // three offers of one host, most recent first: page by page through mine=true
        String siren = newSiren('3');
        String host = manager(siren);
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, api.post("/api/offers", host, offerBody(siren)).status(201).json().path("id").asString());
        }
        assertThat(api.get("/api/offers?mine=true&limit=2", host).ok().json().findValuesAsString("id"))
                .containsExactly(created.get(0), created.get(1));
        assertThat(api.get("/api/offers?mine=true&limit=2&offset=2", host).ok().json().findValuesAsString("id"))
                .containsExactly(created.get(2));
        // beyond the maximum: refused, naming the parameter (not silently cut)
        api.get("/api/offers?limit=501", null).problem(400, "limit");
        api.get("/api/offers?limit=0", null).problem(400, "limit");
        api.get("/api/offers?offset=-1", null).problem(400, "offset");
        api.get("/api/trainings?limit=501", null).problem(400, "limit");
        for (int i = 0; i < 2; i++) {
            api.post("/api/trainings", COORDINATOR, Map.of("provider", "CNFPT", "title", "Formation " + i, "format",
                    "COHORT", "hours", 7, "competences", List.of("Données"), "audiences", List.of("STATE_AGENT"),
                    "employerConsentRequired", false)).status(201);
        }
        assertThat(api.get("/api/trainings?limit=1", null).ok().json().size()).isEqualTo(1);
        assertThat(api.get("/api/trainings?limit=1&offset=1", null).ok().json().findValuesAsString("id"))
                .doesNotContainAnyElementsOf(api.get("/api/trainings?limit=1", null).ok().json().findValuesAsString("id"));
    }

    @Test
    void trainingsNeedTheEmployersConsentOnlyWhereTheProgrammeSaysSo() {
        Api api = new Api(port);
        String employerSiren = newSiren('2');
        String training = api.post("/api/trainings", COORDINATOR, Map.of("provider", "CNFPT", "title",
                "Promotion données territoriales", "format", "COHORT", "hours", 21, "competences",
                List.of("Gouvernance des données"), "audiences", List.of("TERRITORIAL_AGENT", "ELECTED_OFFICIAL"),
                "employerConsentRequired", true)).status(201).json().path("id").asString();
        api.post("/api/trainings", COORDINATOR, Map.of("provider", "x", "title", "x", "format", "MOOC", "hours", 1,
                "competences", List.of(), "audiences", List.of("STATE_AGENT"), "employerConsentRequired", false))
                .problem(400, "format");
        assertThat(api.get("/api/trainings", null).ok().json().findValuesAsString("id")).contains(training);

        String agentToken = agent("learner-" + UUID.randomUUID(), employerSiren);
        api.post("/api/trainings/" + training + "/enrolments", agentToken, Map.of("name", "Léo", "email",
                "leo@exemple.fr", "learnerCategory", "STATE_AGENT", "employerSide", "STATE")).problem(422);
        api.post("/api/trainings/" + training + "/enrolments", agentToken, Map.of("name", "Léo", "email",
                "leo@exemple.fr", "learnerCategory", "TERRITORIAL_AGENT", "employerSide", "STATE")).problem(400,
                "employerSide");
        JsonNode waiting = api.post("/api/trainings/" + training + "/enrolments", agentToken, Map.of("name", "Léo",
                "email", "leo@exemple.fr", "learnerCategory", "TERRITORIAL_AGENT", "employerSide", "TERRITORIAL",
                "regionCode", "84")).status(201).json();
        assertThat(waiting.path("status").asString()).isEqualTo("AWAITING_CONSENT");
        String enrolment = waiting.path("id").asString();
        api.post("/api/trainings/enrolments/" + enrolment + "/completion", COORDINATOR, null).problem(409);
        api.post("/api/trainings/enrolments/" + enrolment + "/consent", manager(newSiren('2')),
                Map.of("granted", true)).problem(403);
        assertThat(api.get("/api/trainings/enrolments/awaiting-consent", manager(employerSiren)).ok().json()
                .findValuesAsString("id")).containsExactly(enrolment);
        assertThat(api.post("/api/trainings/enrolments/" + enrolment + "/consent", manager(employerSiren),
                Map.of("granted", true)).ok().json().path("status").asString()).isEqualTo("ENROLLED");

        long electedBefore = api.get("/api/statistics/reach", null).ok().json().path("electedOfficialsTrained")
                .asLong();
        String elected = fr.dataterritoires.platform.testsupport.TestIssuer.token(
                new fr.dataterritoires.platform.security.dev.DevTokenRequest("elu-" + UUID.randomUUID(), "Élue",
                        java.util.Set.of(fr.dataterritoires.platform.security.Role.COMMITTEE_MEMBER), "84", null, null,
                        null));
        JsonNode electedEnrolment = api.post("/api/trainings/" + training + "/enrolments", elected, Map.of("name",
                "Élue Locale", "email", "elue@commune.fr", "learnerCategory", "ELECTED_OFFICIAL", "regionCode", "84"))
                .status(201).json();
        assertThat(electedEnrolment.path("status").asString()).as("no employer to ask").isEqualTo("ENROLLED");
        api.post("/api/trainings/" + training + "/enrolments", elected, Map.of("name", "Élue Locale", "email",
                "elue@commune.fr", "learnerCategory", "ELECTED_OFFICIAL")).problem(409);
        api.post("/api/trainings/enrolments/" + electedEnrolment.path("id").asString() + "/completion", COORDINATOR,
                null).ok();
        assertThat(api.get("/api/statistics/reach", null).ok().json().path("electedOfficialsTrained").asLong())
                .isEqualTo(electedBefore + 1);
        assertThat(api.get("/api/me/enrolments", agentToken).ok().json().findValuesAsString("id"))
                .containsExactly(enrolment);
    }

    @Test
    void reciprocityCountsEachDirectionPerRegionAndMinistry() {
        Api api = new Api(port);
        JsonNode before = api.get("/api/statistics/reciprocity", null).ok().json();
        // a territorial agent of région 53 goes to a State service of ministry MTECT
        String state = newSiren('1');
        String offer = api.publishedOffer(state, 1, START, START.plusDays(60));
        String employerSiren = newSiren('2');
        String token = agent("recip-" + UUID.randomUUID(), employerSiren);
        Map<String, Object> body = new HashMap<>(application("Rémi Réciproque", "TERRITORIAL", START,
                START.plusDays(2)));
        body.put("employerRegionCode", "53");
        String app = api.post("/api/offers/" + offer + "/applications", token, body).status(201).json()
                .path("id").asString();
        api.decide("/api/applications/" + app + "/employer-decision", manager(employerSiren), true, null);
        String host = manager(state);
        String p = "/api/placements/" + api.decide("/api/applications/" + app + "/host-decision", host, true, null)
                .path("placementId").asString();
        api.post(p + "/agreement", host, Map.of("objectives", List.of("Objectif"))).ok();
        api.post(p + "/agreement/acceptance", token, Map.of("version", 1)).ok();
        api.post(p + "/agreement/acceptance", manager(employerSiren), Map.of("version", 1)).ok();
        api.post(p + "/start", host, null).ok();
        api.post(p + "/report", token, Map.of("text", "r")).ok();
        api.post(p + "/feedback", host, Map.of("text", "f")).ok();
        api.post(p + "/completion", host, null).ok();

        JsonNode after = api.get("/api/statistics/reciprocity", null).ok().json();
        assertThat(row(after, "regions", "53").path("territorialToState").asLong())
                .isEqualTo(row(before, "regions", "53").path("territorialToState").asLong() + 1);
        assertThat(row(after, "regions", "53").path("stateToTerritorial").asLong())
                .isEqualTo(row(before, "regions", "53").path("stateToTerritorial").asLong());
        assertThat(row(after, "ministries", "MTECT").path("territorialToState").asLong())
                .isEqualTo(row(before, "ministries", "MTECT").path("territorialToState").asLong() + 1);
        assertThat(row(after, "regions", "53").path("balance").asLong())
                .isEqualTo(row(before, "regions", "53").path("balance").asLong() - 1);
        assertThat(after.path("reach").path("territorialAgentsExchanged").asLong())
                .isEqualTo(before.path("reach").path("territorialAgentsExchanged").asLong() + 1);
        assertThat(after.toString()).doesNotContain("Rémi");
    }

    private static JsonNode row(JsonNode stats, String table, String key) {
        for (JsonNode r : stats.path(table)) {
            if (r.path("key").asString().equals(key)) {
                return r;
            }
        }
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
