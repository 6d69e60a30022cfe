package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.APPLICANT;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static fr.dataterritoires.commonscalls.support.Api.OTHER_FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.testsupport.EventSchemas;

import tools.jackson.databind.JsonNode;

/**
 * A call for commons from draft to decided, over REST: the events it publishes (checked against their schemas), and
 * the workflow's refusals: submission after closing, a funder acting on another funder's call, a conflicted
 * evaluator, an award beyond the budget.
 */
@ServiceTest
class CallWorkflowApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String funderId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        funderId = api.demoFunder();
        api.funder(OTHER_FUNDER, Api.OTHER_FUNDER_SIREN);
    }

    @Test
    void aCallForCommonsGoesFromDraftToDecidedAndPublishesItsEvents() {
        String callId = api.post("/api/calls", FUNDER, Api.callBody(funderId, "COMMONS", null, "300000.00",
                "120000.00", "10000.00")).status(201).json().path("id").asString();
        // a draft is seen by its funder only
        api.get("/api/calls/" + callId, null).problem(404);
        assertThat(api.get("/api/calls/" + callId, FUNDER).ok().json().path("status").asString()).isEqualTo("DRAFT");

        JsonNode opened = api.post("/api/calls/" + callId + "/open", FUNDER, null).ok().json();
        assertThat(opened.path("status").asString()).isEqualTo("OPEN");
        EventSchemas.assertConformsTo("commonscalls/CallOpened.v1", payload(callId, "CallOpened"));

        Map<String, Object> body = Api.applicationBody(callId, "90000.00", Api.MEMBER);
        body.put("roadmapItem", Map.of("roadmapId", UUID.randomUUID().toString(), "itemId", UUID.randomUUID().toString()));
        String applicationId = api.submitted(body);
        JsonNode submitted = payload(applicationId, "ApplicationSubmitted");
        EventSchemas.assertConformsTo("commonscalls/ApplicationSubmitted.v1", submitted);
        assertThat(submitted.path("memberSirens").toString()).contains(Api.MEMBER);
        assertThat(submitted.path("requestedAmount").asString()).isEqualTo("90000.00");

        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        api.reviewed(applicationId, "evaluateur-" + Api.unique(), 8, 4);
        JsonNode ranking = api.get("/api/calls/" + callId + "/ranking", FUNDER).ok().json();
        assertThat(ranking.get(0).path("score").asString()).isEqualTo("80.000");

        JsonNode decisions = api.post("/api/calls/" + callId + "/decisions", FUNDER, null).ok().json();
        assertThat(decisions.get(0).path("outcome").asString()).isEqualTo("AWARDED");
        assertThat(decisions.get(0).path("amount").asString()).isEqualTo("90000.00");
        assertThat(decisions.get(0).path("reason").asString()).contains("Rang 1");
        // published, anonymously
        assertThat(api.get("/api/calls/" + callId + "/decisions", null).ok().json().get(0).path("outcome").asString())
                .isEqualTo("AWARDED");
        JsonNode award = api.get("/api/calls/" + callId + "/awards", null).ok().json().get(0);
        JsonNode granted = payload(award.path("id").asString(), "AwardGranted");
        EventSchemas.assertConformsTo("commonscalls/AwardGranted.v1", granted);
        assertThat(granted.path("roadmapItem").path("roadmapId").asString())
                .isEqualTo(((Map<?, ?>) body.get("roadmapItem")).get("roadmapId"));
        assertThat(granted.path("commons").path("licence").asString()).isEqualTo("EUPL-1.2");
        assertThat(granted.path("leadSiren").asString()).isEqualTo(Api.LEAD);
        assertThat(granted.path("ethicsCharter").asString()).isEqualTo("Charte éthique des communs numériques");
        assertThat(granted.path("territories").toString()).contains("38185");
        assertThat(api.get("/api/calls/" + callId, null).ok().json().path("status").asString()).isEqualTo("DECIDED");
        // a call for commons levies no préciput
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE project_reference = :r")
                .param("r", "award:" + award.path("id").asString()).query(Long.class).single()).isZero();
    }

    @Test
    void submissionAfterClosingIsRefused() {
        String callId = api.openCall(Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00"));
        String draft = api.post("/api/applications", APPLICANT, Api.applicationBody(callId, "50000.00"))
                .status(201).json().path("id").asString();
        api.post("/api/calls/" + callId + "/close", FUNDER, null).ok();

        JsonNode problem = api.post("/api/applications/" + draft + "/submit", APPLICANT, null)
                .problem(422, "L'appel est clos");
        assertThat(problem.path("rule").asString()).isEqualTo("appel-clos");
        assertThat(api.get("/api/applications/" + draft, APPLICANT).ok().json().path("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void aFunderCannotActOnAnotherFundersCall() {
        Map<String, Object> body = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        // nor create a call in its name
        api.post("/api/calls", OTHER_FUNDER, body).problem(403);
        String callId = api.post("/api/calls", FUNDER, body).status(201).json().path("id").asString();
        api.post("/api/calls/" + callId + "/open", OTHER_FUNDER, null).problem(403, "organisation");
        api.post("/api/calls/" + callId + "/open", FUNDER, null).ok();
        String applicationId = api.submitted(Api.applicationBody(callId, "50000.00"));
        api.post("/api/calls/" + callId + "/close", OTHER_FUNDER, null).problem(403);
        api.post("/api/applications/" + applicationId + "/eligibility", OTHER_FUNDER,
                Map.of("eligible", true, "reason", "ok")).problem(403);
        api.get("/api/calls/" + callId + "/applications", OTHER_FUNDER).problem(403);
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        api.post("/api/applications/" + applicationId + "/award", OTHER_FUNDER,
                Map.of("amount", "50000.00", "reason", "Détournement")).problem(403);
        api.post("/api/calls/" + callId + "/decisions", OTHER_FUNDER, null).problem(403);
        assertThat(api.get("/api/calls/" + callId, FUNDER).ok().json().path("status").asString())
                .isEqualTo("UNDER_EVALUATION");
    }

    @Test
    void anEvaluatorFromAConsortiumMemberIsExcluded() {
        String callId = api.openCall(Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00"));
        String applicationId = api.submitted(Api.applicationBody(callId, "50000.00", Api.MEMBER));
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);

        // assigning someone of a member organisation: excluded automatically
        JsonNode problem = api.post("/api/applications/" + applicationId + "/assignments", FUNDER,
                Map.of("evaluatorSubject", "eval-membre", "evaluatorSiren", Api.MEMBER)).problem(422, "Conflit d'intérêts");
        assertThat(problem.path("rule").asString()).isEqualTo("conflit-interets");
        // an evaluator assigned under another organisation, whose token says they belong to the lead: refused at review
        String subject = "eval-" + Api.unique();
        api.post("/api/applications/" + applicationId + "/assignments", FUNDER,
                Map.of("evaluatorSubject", subject, "evaluatorSiren", Api.EVALUATOR_ORG)).status(201);
        api.post("/api/applications/" + applicationId + "/review", Api.evaluator(subject, Api.LEAD), Map.of("scores", Map.of(
                "utilite", Map.of("value", 10, "comment", "Parfait."),
                "ouverture", Map.of("value", 5, "comment", "Parfait.")))).problem(422, "Conflit d'intérêts");
        // an evaluator who declared a conflict can no longer review
        String declared = "eval-" + Api.unique();
        api.post("/api/applications/" + applicationId + "/assignments", FUNDER,
                Map.of("evaluatorSubject", declared, "evaluatorSiren", Api.EVALUATOR_ORG)).status(201);
        api.post("/api/applications/" + applicationId + "/conflict", Api.evaluator(declared, Api.EVALUATOR_ORG),
                Map.of("reason", "J'ai conseillé le chef de file l'an dernier.")).ok();
        api.post("/api/applications/" + applicationId + "/review", Api.evaluator(declared, Api.EVALUATOR_ORG),
                Map.of("scores", Map.of("utilite", Map.of("value", 1, "comment", "x"),
                        "ouverture", Map.of("value", 1, "comment", "x")))).problem(422, "conflit d'intérêts");
        // no review was recorded
        assertThat(api.get("/api/applications/" + applicationId + "/assignments", FUNDER).ok().json())
                .allSatisfy(a -> assertThat(a.path("status").asString()).isNotEqualTo("SUBMITTED"));
    }

    @Test
    void anAwardBeyondTheBudgetIsRefused() {
        String callId = api.openCall(Api.callBody(funderId, "COMMONS", null, "100000.00", "80000.00", "0.00"));
        String first = api.submitted(Api.applicationBody(callId, "70000.00"));
        String second = api.submitted(Api.applicationBody(callId, "60000.00"));
        api.closeAndEvaluate(callId);
        api.eligible(first);
        api.eligible(second);
        api.post("/api/applications/" + first + "/award", FUNDER,
                Map.of("amount", "70000.00", "reason", "Premier du classement.")).status(201);

        JsonNode problem = api.post("/api/applications/" + second + "/award", FUNDER,
                Map.of("amount", "60000.00", "reason", "Second du classement.")).problem(422, "budget restant", "30000.00");
        assertThat(problem.path("rule").asString()).isEqualTo("budget-depasse");
        // beyond the grant cap too
        api.post("/api/applications/" + second + "/award", FUNDER,
                Map.of("amount", "90000.00", "reason", "Trop.")).problem(422, "plafonds");
        JsonNode call = api.get("/api/calls/" + callId, FUNDER).ok().json();
        assertThat(call.path("awardedTotal").asString()).isEqualTo("70000.00");
        assertThat(api.get("/api/applications/" + second, FUNDER).ok().json().path("status").asString()).isEqualTo("ELIGIBLE");
        // the database holds the same rule
        assertThat(jdbc.sql("SELECT awarded_total <= budget FROM call WHERE id = :id").param("id", UUID.fromString(callId))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void badInputIsAFourHundredNamingTheField() {
        Map<String, Object> body = Api.callBody(funderId, "COMMONS", null, "300000.001", "120000.00", "0.00");
        api.post("/api/calls", FUNDER, body).problem(400, "budget");
        body = Api.callBody(funderId, "INNOVATION", null, "300000.00", "120000.00", "0.00");
        api.post("/api/calls", FUNDER, body).problem(400, "programmeId");
        body = Api.callBody(funderId, "PROJET", null, "300000.00", "120000.00", "0.00");
        api.post("/api/calls", FUNDER, body).problem(400, "kind");
        String callId = api.openCall(Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00"));
        Map<String, Object> application = Api.applicationBody(callId, "50000.00", "123456789");
        api.post("/api/applications", APPLICANT, application).problem(400, "consortium.siren");
        application = Api.applicationBody(callId, "50000.00");
        application.put("commons", Map.of("title", "Outil", "kind", "SOFTWARE", "licence", "Propriétaire"));
        api.post("/api/applications", APPLICANT, application).problem(400, "commons.licence");
        // an applicant applies for its own organisation only
        api.post("/api/applications", Api.applicant(Api.MEMBER), Api.applicationBody(callId, "50000.00")).problem(403);
        // a null item in a list of objects is a 400 naming the list, never a 500 (found by the exhaustive fuzzer on
        // PUT /api/applications/{id})
        application = Api.applicationBody(callId, "50000.00");
        application.put("consortium", withNullItem(application.get("consortium")));
        api.post("/api/applications", APPLICANT, application).problem(400, "consortium");
        String draft = api.post("/api/applications", APPLICANT, Api.applicationBody(callId, "50000.00")).status(201)
                .json().path("id").asString();
        application = Api.applicationBody(callId, "50000.00");
        application.put("budget", withNullItem(application.get("budget")));
        api.put("/api/applications/" + draft, APPLICANT, application).problem(400, "budget");
        body = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        body.put("criteria", withNullItem(body.get("criteria")));
        api.post("/api/calls", FUNDER, body).problem(400, "criteria");
    }

    private static List<Object> withNullItem(Object list) {
        List<Object> items = new java.util.ArrayList<>((List<?>) list);
        items.add(null);
        return items;
    }

    @Test
    void aFarFutureOrFarPastDateIsRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Object> farFuture = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        farFuture.put("closesAt", "9999-12-31T23:59:59Z");
        api.post("/api/calls", FUNDER, farFuture).problem(400, "closesAt", "01/01/2000");
        Map<String, Object> farDecision = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        farDecision.put("decisionDate", java.time.LocalDate.now().plusYears(31).toString());
        api.post("/api/calls", FUNDER, farDecision).problem(400, "decisionDate");
        Map<String, Object> farPast = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        farPast.put("opensAt", "1970-01-01T00:00:00Z");
        api.post("/api/calls", FUNDER, farPast).problem(400, "opensAt");
        for (Map<String, Object> refused : List.of(farFuture, farDecision, farPast)) {
            assertThat(jdbc.sql("SELECT count(*) FROM call WHERE title = :title").param("title", refused.get("title"))
                    .query(Integer.class).single()).as("nothing written").isZero();
        }
    }

    @Test
    void editsCarryTheVersionReadAndApplicationsAreReadByTheirPartiesOnly() {
        Map<String, Object> body = Api.callBody(funderId, "COMMONS", null, "300000.00", "120000.00", "0.00");
        JsonNode created = api.post("/api/calls", FUNDER, body).status(201).json();
        String callId = created.path("id").asString();
        body.put("version", created.path("version").asLong());
        body.put("title", "Appel à communs révisé");
        assertThat(api.put("/api/calls/" + callId, FUNDER, body).ok().json().path("title").asString())
                .isEqualTo("Appel à communs révisé");
        // the same version again is stale now
        api.put("/api/calls/" + callId, FUNDER, body).problem(409);
        api.post("/api/calls/" + callId + "/open", FUNDER, null).ok();
        body.remove("version");
        api.put("/api/calls/" + callId, FUNDER, body).problem(409, "brouillon");

        Map<String, Object> application = Api.applicationBody(callId, "50000.00");
        JsonNode draft = api.post("/api/applications", APPLICANT, application).status(201).json();
        String id = draft.path("id").asString();
        application.put("version", draft.path("version").asLong());
        application.put("requestedAmount", "55000.00");
        assertThat(api.put("/api/applications/" + id, APPLICANT, application).ok().json().path("requestedAmount").asString())
                .isEqualTo("55000.00");
        api.put("/api/applications/" + id, APPLICANT, application).problem(409);

        // its lead, the call's funder and coordinators read it; another applicant or funder does not even see it
        assertThat(api.get("/api/applications/" + id, APPLICANT).ok().json().path("proposal").path("consortium").get(0)
                .path("siren").asString()).isEqualTo(Api.LEAD);
        api.get("/api/applications/" + id, FUNDER).ok();
        api.get("/api/applications/" + id, Api.COORDINATOR).ok();
        api.get("/api/applications/" + id, Api.applicant(Api.MEMBER)).problem(404);
        api.get("/api/applications/" + id, OTHER_FUNDER).problem(404);
        api.get("/api/applications/" + id, null).problem(401);
        assertThat(api.get("/api/applications", APPLICANT).ok().json().toString()).contains(id);

        // withdrawn by its lead only, then nothing more happens to it
        api.post("/api/applications/" + id + "/withdraw", Api.applicant(Api.MEMBER), null).problem(403);
        assertThat(api.post("/api/applications/" + id + "/withdraw", APPLICANT, null).ok().json().path("status").asString())
                .isEqualTo("WITHDRAWN");
        api.post("/api/applications/" + id + "/submit", APPLICANT, null).problem(409);
        // every change is in the audit trail, under its actor
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_id = :id ORDER BY seq").param("id", id)
                .query(String.class).list()).containsExactly("application.created", "application.edited",
                "application.withdrawn");
    }

    private JsonNode payload(String aggregateId, String event) {
        List<String> payloads = jdbc.sql("SELECT payload::text FROM outbox_event WHERE aggregate_id = :id AND type = :type")
                .param("id", aggregateId).param("type", "fr.dataterritoires.commons-calls." + event + ".v1")
                .query(String.class).list();
        assertThat(payloads).as(event + " of " + aggregateId).hasSize(1);
        return CloudEvents.mapper().readTree(payloads.getFirst());
    }
}
