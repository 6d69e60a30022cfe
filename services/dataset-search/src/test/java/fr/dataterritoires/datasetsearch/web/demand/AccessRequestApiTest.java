package fr.dataterritoires.datasetsearch.web.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.demand.AccessRequestService;
import fr.dataterritoires.datasetsearch.demand.DemandFixtures;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.demand.AnswerDeadline;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;

import tools.jackson.databind.JsonNode;

/** Access requests over REST against the real service, database and token chain. */
@ServiceTest
class AccessRequestApiTest {

    /** The producer of the restricted datasets: the demo host organisation. */
    static final String PRODUCER = DevUsers.DEMO_HOST_SIREN;

    @LocalServerPort
    int port;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessRequestService service;
    @Autowired
    org.apache.camel.CamelContext camel;

    DemandFixtures fixtures;
    final String requester = TestIssuer.token(Role.APPLICANT);
    final String producer = TestIssuer.token(Role.HOST_MANAGER);
    final String otherOrganisation = TestIssuer.token(Role.FUNDER);
    final String coordinator = TestIssuer.token(Role.NATIONAL_COORDINATOR);

    @BeforeEach
    void fixtures() {
        fixtures = new DemandFixtures(datasets, transactions, jdbc, port);
    }

    @Test
    void aRequestGoesFromSubmittedToRefusedAndCountsAsDemandOnce() {
        Dataset dataset = fixtures.dataset("Consommations d'eau à l'adresse", AccessLevel.RESTRICTED, PRODUCER,
                "commune:69123");

        Response created = fixtures.post("/api/access-requests", requester, body(dataset, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.path("id").asString();
        assertThat(request.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(request.path("organisationSiren").asString()).isEqualTo(DevUsers.DEMO_APPLICANT_SIREN);
        assertThat(request.path("producerSiren").asString()).isEqualTo(PRODUCER);
        assertThat(request.path("datasetTitle").asString()).isEqualTo("Consommations d'eau à l'adresse");
        assertThat(LocalDate.parse(request.path("deadline").asString()))
                .isEqualTo(AnswerDeadline.of(Instant.parse(request.path("submittedAt").asString())));
        assertThat(request.path("overdue").asBoolean()).isFalse();
        assertThat(request.path("daysLeft").asInt()).isBetween(28, 31);
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests()).isEqualTo(1);

        // another organisation neither sees nor answers it
        fixtures.get("/api/access-requests/" + id, otherOrganisation).problem(404, "demande d'accès");
        fixtures.post("/api/access-requests/" + id + "/acknowledgement", otherOrganisation, null).problem(403);
        // the requester cannot answer their own request
        fixtures.post("/api/access-requests/" + id + "/grant", requester, null).problem(403, "producteur");

        assertThat(ids(fixtures.get("/api/access-requests?view=RECEIVED", producer))).contains(id);
        assertThat(ids(fixtures.get("/api/access-requests?view=RECEIVED", otherOrganisation))).doesNotContain(id);
        assertThat(ids(fixtures.get("/api/access-requests", requester))).contains(id);
        assertThat(ids(fixtures.get("/api/access-requests?view=RECEIVED", coordinator))).contains(id);

        Response acknowledged = fixtures.post("/api/access-requests/" + id + "/acknowledgement", producer, null);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().path("state").asString()).isEqualTo("ACKNOWLEDGED");

        fixtures.post("/api/access-requests/" + id + "/refusal", producer, Map.of("reason", " "))
                .problem(400, "reason");
        Response refused = fixtures.post("/api/access-requests/" + id + "/refusal", producer,
                Map.of("reason", "Données couvertes par le secret des affaires"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().path("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().path("refusalReason").asString()).contains("secret des affaires");
        assertThat(refused.json().has("daysLeft")).isFalse();

        // final: nothing moves it any more
        fixtures.post("/api/access-requests/" + id + "/grant", producer, null).problem(409, "refusée");
        fixtures.post("/api/access-requests/" + id + "/withdrawal", requester, null).problem(409, "refusée");
        assertThat(fixtures.get("/api/access-requests/" + id, requester).json().path("state").asString())
                .isEqualTo("REFUSED");

        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target_type = 'AccessRequest' "
                + "AND target_id = ? ORDER BY seq", String.class, id))
                .containsExactly("access-request.submitted", "access-request.acknowledged", "access-request.refused");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = ? AND "
                + "(before::text LIKE '%@%' OR after::text LIKE '%@%')", Integer.class, id))
                .as("no e-mail in the audit trail").isZero();
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests()).isEqualTo(1);
    }

    @Test
    void theRequesterWithdrawsAndACoordinatorMayAnswer() {
        Dataset dataset = fixtures.dataset("Fichier des logements vacants", AccessLevel.SHARED, PRODUCER);
        String first = fixtures.post("/api/access-requests", requester, body(dataset, null)).json().path("id").asString();
        String second = fixtures.post("/api/access-requests", requester, body(dataset, null)).json().path("id").asString();
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests()).isEqualTo(2);

        fixtures.post("/api/access-requests/" + first + "/withdrawal", producer, null).problem(403, "demandeur");
        Response withdrawn = fixtures.post("/api/access-requests/" + first + "/withdrawal", requester, null);
        assertThat(withdrawn.json().path("state").asString()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests())
                .as("a withdrawn request is no longer demand").isEqualTo(1);

        Response granted = fixtures.post("/api/access-requests/" + second + "/grant", coordinator, null);
        assertThat(granted.json().path("state").asString()).as(granted.body()).isEqualTo("GRANTED");
    }

    @Test
    void anOpenDatasetIsNotRequested() {
        Dataset open = fixtures.dataset("Base adresse locale", AccessLevel.OPEN, PRODUCER);
        JsonNode problem = fixtures.post("/api/access-requests", requester, body(open, null))
                .problem(422, "datasetId", "ouvert");
        assertThat(problem.path("type").asString()).endsWith("/regle-metier");
        assertThat(problem.path("rule").asString()).isEqualTo("demande-acces.jeu-ouvert");
        assertThat(fixtures.reload(open.id()).demand().accessRequests()).isZero();
    }

    @Test
    void theOrganisationComesFromTheTokenOrAValidSirenInTheBody() {
        Dataset dataset = fixtures.dataset("Registre des réseaux de chaleur", AccessLevel.RESTRICTED, PRODUCER);
        String committee = TestIssuer.token(Role.COMMITTEE_MEMBER);

        fixtures.post("/api/access-requests", committee, body(dataset, null)).problem(422, "organisationSiren");
        fixtures.post("/api/access-requests", committee, body(dataset, "123456789"))
                .problem(422, "organisationSiren", "Luhn");
        Response accepted = fixtures.post("/api/access-requests", committee, body(dataset, "130 005 481"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("organisationSiren").asString()).isEqualTo("130005481");

        // a caller acting for an organisation cannot ask in another's name
        fixtures.post("/api/access-requests", requester, body(dataset, "130005481")).problem(422, "organisationSiren");
    }

    @Test
    void badInputIsA4xxNamingTheField() {
        Dataset dataset = fixtures.dataset("Données de santé agrégées", AccessLevel.RESTRICTED, PRODUCER);
        Map<String, Object> badDates = body(dataset, null);
        badDates.put("wishedEnd", "2026-01-01");
        badDates.put("wishedStart", "2026-06-01");
        fixtures.post("/api/access-requests", requester, badDates).problem(422, "wishedEnd");

        Map<String, Object> noPurpose = body(dataset, null);
        noPurpose.remove("purpose");
        fixtures.post("/api/access-requests", requester, noPurpose).problem(400, "purpose");

        Map<String, Object> longPurpose = body(dataset, null);
        longPurpose.put("purpose", "x".repeat(2001));
        fixtures.post("/api/access-requests", requester, longPurpose).problem(400, "purpose");

        Map<String, Object> badMail = body(dataset, null);
        badMail.put("requesterEmail", "jeanne");
        fixtures.post("/api/access-requests", requester, badMail).problem(400, "requesterEmail");

        Map<String, Object> unknown = body(dataset, null);
        unknown.put("datasetId", "00000000-0000-0000-0000-000000000001");
        fixtures.post("/api/access-requests", requester, unknown).problem(404, "jeu de données");
        unknown.put("datasetId", "pas-un-identifiant");
        fixtures.post("/api/access-requests", requester, unknown).problem(422, "datasetId");

        fixtures.get("/api/access-requests?view=TOUT", requester).problem(400, "view");
        fixtures.get("/api/access-requests?limit=5000", requester).problem(400, "limit");
        fixtures.get("/api/access-requests/pas-un-uuid", requester).problem(400, "id");
        assertThat(fixtures.post("/api/access-requests", null, body(dataset, null)).status()).isEqualTo(401);
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests()).isZero();
    }

    @Test
    void aFarFutureOrFarPastWishedDateIsRefusedNamingTheFieldAndNothingIsWritten() {
        Dataset dataset = fixtures.dataset("Réseaux de chaleur et de froid", AccessLevel.RESTRICTED, PRODUCER);
        Map<String, Object> farFuture = body(dataset, null);
        farFuture.put("wishedEnd", "9999-12-31");
        fixtures.post("/api/access-requests", requester, farFuture).problem(400, "wishedEnd", "01/01/2000");
        Map<String, Object> farPast = body(dataset, null);
        farPast.put("wishedStart", "1900-01-01");
        fixtures.post("/api/access-requests", requester, farPast).problem(400, "wishedStart");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_request WHERE dataset_id = CAST(? AS uuid)",
                Integer.class, farFuture.get("datasetId"))).isZero();
        assertThat(fixtures.reload(dataset.id()).demand().accessRequests()).isZero();
    }

    @Test
    void silenceForAMonthIsAnImplicitRefusalRecordedByTheJob() {
        Dataset dataset = fixtures.dataset("Consommations énergétiques des bâtiments", AccessLevel.RESTRICTED, PRODUCER);
        String id = fixtures.post("/api/access-requests", requester, body(dataset, null)).json().path("id").asString();
        fixtures.post("/api/access-requests/" + id + "/acknowledgement", producer, null);
        // as if received on 31 January 2026: the deadline is 28 February (Paris time)
        jdbc.update("UPDATE access_request SET submitted_at = ?::timestamptz, acknowledged_at = ?::timestamptz, "
                        + "deadline = ? WHERE id = ?::uuid", "2026-01-31T10:00:00Z", "2026-02-02T10:00:00Z",
                LocalDate.of(2026, 2, 28), id);

        JsonNode late = fixtures.get("/api/access-requests/" + id, requester).json();
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("daysLeft").asInt()).isNegative();
        assertThat(ids(fixtures.get("/api/access-requests?view=RECEIVED&overdue=true", producer))).contains(id);

        // 28 February, 23:30 in Paris: still on time
        assertThat(service.refuseOverdue(Instant.parse("2026-02-28T22:30:00Z"))).isZero();
        assertThat(fixtures.get("/api/access-requests/" + id, requester).json().path("state").asString())
                .isEqualTo("ACKNOWLEDGED");
        // 1 March, 00:30 in Paris: the silence is a refusal
        assertThat(service.refuseOverdue(Instant.parse("2026-02-28T23:30:00Z"))).isEqualTo(1);
        JsonNode refused = fixtures.get("/api/access-requests/" + id, requester).json();
        assertThat(refused.path("state").asString()).isEqualTo("IMPLICITLY_REFUSED");
        assertThat(refused.path("overdue").asBoolean()).isFalse();
        assertThat(refused.path("answeredAt").asString()).isEqualTo("2026-02-28T23:30:00Z");
        assertThat(service.refuseOverdue(Instant.parse("2026-03-05T10:00:00Z"))).as("done once").isZero();
        assertThat(jdbc.queryForList("SELECT actor FROM audit_record WHERE target_id = ? "
                + "AND action = 'access-request.implicitly-refused'", String.class, id)).containsExactly("dataset-search");
        fixtures.post("/api/access-requests/" + id + "/grant", producer, null).problem(409);
        // the job that does this in production runs as a Camel timer route
        assertThat(camel.getRouteController().getRouteStatus("dt-demand-schedule").isStarted()).isTrue();
    }

    @Test
    void theRequestersPersonalDataIsErasedOnceTheRequestHasBeenClosedForAYear() {
        Dataset dataset = fixtures.dataset("Fichier des logements vacants " + java.util.UUID.randomUUID(),
                AccessLevel.RESTRICTED, PRODUCER);
        String id = fixtures.post("/api/access-requests", requester, body(dataset, null)).json().path("id").asString();
        String open = fixtures.post("/api/access-requests", requester, body(dataset, null)).json().path("id").asString();
        fixtures.post("/api/access-requests/" + id + "/grant", producer, null);
        Instant answeredAt = Instant.parse(fixtures.get("/api/access-requests/" + id, requester).json()
                .path("answeredAt").asString());

        // the default retention is one year after the answer; an open request is never erased
        assertThat(service.eraseExpiredRequesters(answeredAt.plus(java.time.Duration.ofDays(364)))).isZero();
        assertThat(fixtures.get("/api/access-requests/" + id, requester).json().path("requesterEmail").asString())
                .isNotBlank();
        Instant yearLater = answeredAt.plus(java.time.Duration.ofDays(365));
        int erased = service.eraseExpiredRequesters(yearLater);
        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(service.eraseExpiredRequesters(yearLater)).as("done once").isZero();

        Map<String, Object> row = jdbc.queryForMap("SELECT requester_subject, requester_name, requester_email, "
                + "requester_erased_at, organisation_siren, purpose, state FROM access_request WHERE id = ?::uuid", id);
        assertThat(row.get("requester_subject")).isNull();
        assertThat(row.get("requester_name")).isNull();
        assertThat(row.get("requester_email")).isNull();
        assertThat(row.get("requester_erased_at")).isNotNull();
        assertThat(row.get("state")).as("what was asked and answered stays").isEqualTo("GRANTED");
        assertThat(row.get("purpose")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT requester_email FROM access_request WHERE id = ?::uuid", String.class,
                open)).as("the open request keeps its requester").isNotNull();
        assertThat(jdbc.queryForList("SELECT actor FROM audit_record WHERE target_id = ? "
                + "AND action = 'access-request.requester-erased'", String.class, id)).containsExactly("dataset-search");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = ? AND (after::text LIKE ? "
                        + "OR after::text LIKE ?)", Integer.class, id, "%exemple%", "%Jeanne%"))
                .as("the audit never held the personal data").isZero();

        // the requester no longer matches the request; the coordinator sees it without name or e-mail
        fixtures.get("/api/access-requests/" + id, requester).problem(404);
        JsonNode seen = fixtures.get("/api/access-requests/" + id, coordinator).json();
        assertThat(seen.has("requesterName")).isFalse();
        assertThat(seen.has("requesterEmail")).isFalse();
        assertThat(seen.path("requesterErasedAt").asString()).isEqualTo(yearLater.toString());
        // the database refuses erasing the requester of an open request
        assertThatThrownBy(() -> jdbc.update("UPDATE access_request SET requester_subject = NULL, "
                + "requester_name = NULL, requester_email = NULL, requester_erased_at = now() WHERE id = ?::uuid", open))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void demandGaugesAreScraped() {
        Dataset dataset = fixtures.dataset("Registre parcellaire " + java.util.UUID.randomUUID(), AccessLevel.RESTRICTED,
                PRODUCER);
        fixtures.post("/api/access-requests", requester, body(dataset, null));
        Response metrics = fixtures.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("dt_demand_access_requests_open", "dt_demand_access_requests_overdue",
                "dt_demand_priority_declarations_outside_catalogue");
        String open = metrics.body().lines().filter(l -> l.startsWith("dt_demand_access_requests_open")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(open.substring(open.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1);
    }

    private static Map<String, Object> body(Dataset dataset, String siren) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", dataset.id().toString());
        if (siren != null) {
            body.put("organisationSiren", siren);
        }
        body.put("requesterName", "Jeanne Martin");
        body.put("requesterEmail", "jeanne.martin@exemple-collectivite.fr");
        body.put("purpose", "Diagnostic du plan climat-air-énergie territorial (PCAET)");
        body.put("wishedStart", "2027-01-01");
        body.put("wishedEnd", "2027-12-31");
        body.put("legalBasis", "Code des relations entre le public et l'administration, art. L300-1");
        return body;
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().map(n -> n.path("id").asString()).toList();
    }
}
