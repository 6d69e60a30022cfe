package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.APPLICANT;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static fr.dataterritoires.commonscalls.support.Api.OTHER_FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * Evaluation to decisions over REST on a fixture with ties (equal scores: the earlier submission ranks first), awards
 * in rank order within the budget, published decisions with their reasons; then a grant's agreement, tranches,
 * reports and payments.
 */
@ServiceTest
class EvaluationAndGrantsApiTest {

    @LocalServerPort
    int port;

    @Test
    void awardsAreAllocatedInRankOrderWithinTheBudgetTiesGoingToTheEarlierSubmission() {
        Api api = new Api(port);
        Map<String, Object> call = Api.callBody(api.demoFunder(), "COMMONS", null, "150000.00", "100000.00", "10000.00");
        call.put("reviewsPerApplication", 2);
        String callId = api.openCall(call);
        // submitted in this order: b, a (tie with b), c, d (tie with c), e, and one that will be ineligible
        String b = api.submitted(Api.applicationBody(callId, "50000.00"));
        String a = api.submitted(Api.applicationBody(callId, "60000.00"));
        String c = api.submitted(Api.applicationBody(callId, "45000.00"));
        String d = api.submitted(Api.applicationBody(callId, "30000.00"));
        String e = api.submitted(Api.applicationBody(callId, "20000.00"));
        Map<String, Object> late = Api.applicationBody(callId, "20000.00");
        late.put("declarations", List.of());
        String ineligible = api.submitted(late);
        assertThat(api.get("/api/applications/" + ineligible, FUNDER).ok().json().path("automaticFindings").toString())
                .contains("charte-ethique");
        api.closeAndEvaluate(callId);
        for (String id : List.of(a, b, c, d, e)) {
            api.eligible(id);
        }
        // the automatic rules forbid declaring it eligible; it is declared ineligible, with reasons
        api.post("/api/applications/" + ineligible + "/eligibility", FUNDER,
                Map.of("eligible", true, "reason", "Passons.")).problem(422, "charte-ethique");
        api.post("/api/applications/" + ineligible + "/eligibility", FUNDER,
                Map.of("eligible", false, "reason", "Déclaration de charte éthique manquante.")).ok();

        Map<String, int[]> scores = new LinkedHashMap<>();
        scores.put(a, new int[] {9, 4});   // 87.5 → tie with b
        scores.put(b, new int[] {9, 4});
        scores.put(c, new int[] {7, 3});   // 67.5 → tie with d
        scores.put(d, new int[] {7, 3});
        scores.put(e, new int[] {5, 2});   // 47.5
        for (Map.Entry<String, int[]> s : scores.entrySet()) {
            api.reviewed(s.getKey(), "eval-1-" + Api.unique(), s.getValue()[0], s.getValue()[1]);
        }
        // one review each out of two: no decision yet
        api.post("/api/calls/" + callId + "/decisions", FUNDER, null).problem(422, "évaluations");
        for (Map.Entry<String, int[]> s : scores.entrySet()) {
            api.reviewed(s.getKey(), "eval-2-" + Api.unique(), s.getValue()[0], s.getValue()[1]);
        }
        // the panel's consensus replaces the mean of e's reviews
        api.post("/api/applications/" + e + "/consensus", FUNDER, Map.of("score", "50.5",
                "comment", "Le comité relève la qualité de la documentation.")).status(204);

        JsonNode ranking = api.get("/api/calls/" + callId + "/ranking", FUNDER).ok().json();
        assertThat(ids(ranking)).containsExactly(b, a, c, d, e);
        assertThat(ranking.get(0).path("score").asString()).isEqualTo("87.500");
        assertThat(ranking.get(4).path("score").asString()).isEqualTo("50.500");

        JsonNode decisions = api.post("/api/calls/" + callId + "/decisions", FUNDER, null).ok().json();
        assertThat(outcomes(decisions)).containsExactly("1:AWARDED:50000.00", "2:AWARDED:60000.00", "3:WAITLISTED:null",
                "4:AWARDED:30000.00", "5:WAITLISTED:null");
        assertThat(decisions.get(2).path("reason").asString()).contains("budget restant insuffisant", "40000.00");
        JsonNode published = api.get("/api/calls/" + callId + "/decisions", null).ok().json();
        assertThat(outcomes(published)).isEqualTo(outcomes(decisions));
        assertThat(api.get("/api/calls/" + callId, null).ok().json().path("awardedTotal").asString()).isEqualTo("140000.00");
        // the decision is taken once
        api.post("/api/calls/" + callId + "/decisions", FUNDER, null).problem(409);
    }

    @Test
    void aGrantIsDisbursedByTranchesOnTheirConditions() {
        Api api = new Api(port);
        String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "300000.00", "120000.00", "0.00"));
        String applicationId = api.submitted(Api.applicationBody(callId, "100000.00"));
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        String awardId = api.post("/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", "100000.00", "reason", "Lauréat hors classement.")).status(201).json().path("id").asString();

        List<Map<String, Object>> plan = new ArrayList<>(List.of(
                Map.of("kind", "PRE_FINANCING", "amount", "30000.00", "condition", "À la signature de la convention"),
                Map.of("kind", "MILESTONE", "amount", "40000.00", "condition", "Version 1 publiée sous licence ouverte",
                        "dueOn", "2026-12-31"),
                Map.of("kind", "FINAL", "amount", "20000.00", "condition", "Rapport final et bilan de réplication")));
        Map<String, Object> agreement = new LinkedHashMap<>(Map.of("signedOn", "2026-04-01", "reference", "CONV-2026-042",
                "tranches", plan));
        api.post("/api/awards/" + awardId + "/agreement", FUNDER, agreement).problem(400, "tranches", "90000.00");
        api.post("/api/awards/" + awardId + "/agreement", OTHER_FUNDER, agreement).problem(403);
        // a null tranche (found by the e2e fuzzer: it was a 500) is refused naming the list
        List<Object> withNull = new ArrayList<>(plan);
        withNull.add(null);
        Map<String, Object> nullTranche = new LinkedHashMap<>(agreement);
        nullTranche.put("tranches", withNull);
        api.post("/api/awards/" + awardId + "/agreement", FUNDER, nullTranche).problem(400, "tranches");
        plan.set(2, Map.of("kind", "FINAL", "amount", "30000.00", "condition", "Rapport final et bilan de réplication"));
        JsonNode tranches = api.post("/api/awards/" + awardId + "/agreement", FUNDER, agreement).ok().json().path("tranches");
        String pre = tranches.get(0).path("id").asString();
        String milestone = tranches.get(1).path("id").asString();
        String last = tranches.get(2).path("id").asString();
        String path = "/api/awards/" + awardId + "/tranches/";
        Map<String, Object> payment = Map.of("paidOn", "2026-04-15", "paymentReference", "VIR-2026-001");

        api.post(path + milestone + "/payment", FUNDER, payment).problem(422, "dans l'ordre");
        api.post(path + pre + "/payment", OTHER_FUNDER, payment).problem(403);
        assertThat(api.post(path + pre + "/payment", FUNDER, payment).ok().json().path("disbursed").asString())
                .isEqualTo("30000.00");
        api.post(path + pre + "/payment", FUNDER, payment).problem(409);
        api.post(path + milestone + "/payment", FUNDER, payment).problem(422, "rapport");
        Map<String, Object> report = Map.of("title", "Rapport d'étape", "summary", "Version 1 publiée, trois collectivités pilotes.",
                "documentUrl", "https://docs.example.fr/rapport-etape.pdf");
        api.post(path + milestone + "/reports", Api.applicant(Api.MEMBER), report).problem(403);
        api.post(path + milestone + "/reports", APPLICANT, report).status(201);
        assertThat(api.get(path + milestone + "/reports", null).ok().json().get(0).path("title").asString())
                .isEqualTo("Rapport d'étape");
        JsonNode paid = api.post(path + milestone + "/payment", FUNDER,
                Map.of("paidOn", "2027-01-10", "paymentReference", "VIR-2027-002")).ok().json();
        assertThat(paid.path("disbursed").asString()).isEqualTo("70000.00");
        assertThat(paid.path("tranches").get(1).path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("tranches").get(2).path("status").asString()).isEqualTo("PLANNED");
        assertThat(api.get("/api/awards/" + awardId, null).ok().json().path("agreementReference").asString())
                .isEqualTo("CONV-2026-042");
        api.post(path + last + "/payment", FUNDER, payment).problem(422, "rapport");
    }

    private static List<String> ids(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.forEach(r -> ids.add(r.path("applicationId").asString()));
        return ids;
    }

    private static List<String> outcomes(JsonNode decisions) {
        List<String> out = new ArrayList<>();
        decisions.forEach(d -> out.add(d.path("rank").asInt() + ":" + d.path("outcome").asString() + ":"
                + (d.path("amount").isNull() || d.path("amount").isMissingNode() ? "null" : d.path("amount").asString())));
        return out;
    }
}
