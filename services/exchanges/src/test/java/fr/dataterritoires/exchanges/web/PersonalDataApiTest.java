package fr.dataterritoires.exchanges.web;

import static fr.dataterritoires.exchanges.support.Api.COORDINATOR;
import static fr.dataterritoires.exchanges.support.Api.agent;
import static fr.dataterritoires.exchanges.support.Api.application;
import static fr.dataterritoires.exchanges.support.Api.manager;
import static fr.dataterritoires.exchanges.support.Api.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.exchanges.application.PersonalDataService;
import fr.dataterritoires.exchanges.support.Api;
import fr.dataterritoires.exchanges.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.EventSchemas;

import tools.jackson.databind.JsonNode;

/**
 * Personal data: the export holds everything about the agent and nothing about others; after the retention period
 * the agent's personal data is gone from every table (checked by query, the audit trail and the outbox included)
 * while the statistics are unchanged; erasure on request; trainings without the employer's consent where allowed.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataApiTest {

    private static final LocalDate START = LocalDate.of(2029, 5, 1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataService personalData;

    @Test
    void exportRetentionAndErasure(CapturedOutput logs) {
        Api api = new Api(port);
        String commune = newSiren('2');
        String employerSiren = newSiren('1');
        String offer = api.publishedOffer(commune, 5, START, START.plusDays(60));
        String host = manager(commune);
        String employer = manager(employerSiren);
        String paulSubject = "paul-" + UUID.randomUUID();
        String paul = agent(paulSubject, employerSiren);
        String quentinSubject = "quentin-" + UUID.randomUUID();
        String quentin = agent(quentinSubject, employerSiren);
        String paulName = "Paul Zéphyrin-" + UUID.randomUUID().toString().substring(0, 8);
        String quentinName = "Quentin Ombre-" + UUID.randomUUID().toString().substring(0, 8);

        // Paul completes an exchange and a training enrolled without his employer's consent
        var paulBody = application(paulName, "STATE", START, START.plusDays(4));
        String paulMotivation = (String) paulBody.get("motivation");
        String paulEmail = (String) ((Map<?, ?>) paulBody.get("agent")).get("email");
        String paulApp = api.post("/api/offers/" + offer + "/applications", paul, paulBody).status(201).json()
                .path("id").asString();
        api.decide("/api/applications/" + paulApp + "/employer-decision", employer, true, null);
        String p = "/api/placements/" + api.decide("/api/applications/" + paulApp + "/host-decision", host, true,
                null).path("placementId").asString();
        String objective = "Objectif secret de " + paulName;
        api.post(p + "/agreement", paul, Map.of("objectives", List.of(objective))).ok();
        api.post(p + "/agreement/acceptance", employer, Map.of("version", 1)).ok();
        api.post(p + "/agreement/acceptance", host, Map.of("version", 1)).ok();
        api.post(p + "/start", host, null).ok();
        String report = "Rapport de " + paulName;
        api.post(p + "/report", paul, Map.of("text", report)).ok();
        api.post(p + "/feedback", host, Map.of("text", "Appréciation sur " + paulName)).ok();
        api.post(p + "/completion", host, null).ok();

        String training = api.post("/api/trainings", COORDINATOR, Map.of("provider", "Etalab", "title",
                "Ouvrir ses données", "format", "ONLINE", "hours", 7, "competences",
                List.of("Publier des données"), "audiences", List.of("STATE_AGENT", "ELECTED_OFFICIAL"),
                "employerConsentRequired", false)).status(201).json().path("id").asString();
        api.post("/api/trainings", paul, Map.of("provider", "x", "title", "x", "format", "ONLINE", "hours", 1,
                "competences", List.of(), "audiences", List.of("STATE_AGENT"), "employerConsentRequired", false))
                .problem(403);
        JsonNode enrolment = api.post("/api/trainings/" + training + "/enrolments", paul, Map.of("name", paulName,
                "email", paulEmail, "learnerCategory", "STATE_AGENT", "employerSide", "STATE", "regionCode", "84"))
                .status(201).json();
        assertThat(enrolment.path("status").asString()).as("no employer consent needed").isEqualTo("ENROLLED");
        api.post("/api/trainings/enrolments/" + enrolment.path("id").asString() + "/completion", paul, null)
                .problem(403);
        api.post("/api/trainings/enrolments/" + enrolment.path("id").asString() + "/completion", COORDINATOR, null)
                .ok();
        JsonNode trainingEvent = CloudEvents.mapper().readTree(jdbc.queryForObject("SELECT payload::text FROM "
                + "outbox_event WHERE aggregate_id = ? AND type = ?", String.class, enrolment.path("id").asString(),
                "fr.dataterritoires.exchanges.TrainingCompleted.v1"));
        EventSchemas.assertConformsTo("exchanges/TrainingCompleted.v1", trainingEvent);
        assertThat(trainingEvent.path("learnerCategory").asString()).isEqualTo("STATE_AGENT");

        // Quentin applies to the same offer and stays under examination
        var quentinBody = application(quentinName, "STATE", START.plusDays(10), START.plusDays(12));
        String quentinMotivation = (String) quentinBody.get("motivation");
        String quentinApp = api.post("/api/offers/" + offer + "/applications", quentin, quentinBody).status(201)
                .json().path("id").asString();

        // the export: everything about Paul, nothing about Quentin
        String export = api.get("/api/me/personal-data", paul).ok().body();
        assertThat(export).contains(paulName, paulEmail, paulSubject, paulMotivation, paulApp, objective, report,
                enrolment.path("id").asString(), "Appréciation sur");
        assertThat(export).doesNotContain(quentinName, quentinSubject, quentinMotivation, quentinApp);
        api.get("/api/me/personal-data", null).problem(401);

        JsonNode statsBefore = api.get("/api/statistics/reciprocity", null).ok().json();
        assertThat(statsBefore.path("reach").path("exchangesCompleted").asLong()).isPositive();
        assertThat(statsBefore.path("reach").path("stateAgentsTrained").asLong()).isPositive();
        List<String> paulTraces = List.of(paulName, paulEmail, paulSubject, paulMotivation, objective, report);

        // not yet: the retention period is not over
        personalData.eraseExpired(Instant.now().plus(Duration.ofDays(300)));
        assertThat(tablesContaining(paulName)).contains("person", "application", "placement", "agreement_version");

        // after the period: gone from every table, statistics unchanged, Quentin (still under examination) kept
        int erased = 0;
        for (int batch = personalData.eraseExpired(Instant.now().plus(Duration.ofDays(366))); batch > 0;
             batch = personalData.eraseExpired(Instant.now().plus(Duration.ofDays(366)))) {
            erased += batch;
        }
        assertThat(erased).isPositive();
        for (String trace : paulTraces) {
            assertThat(tablesContaining(trace)).as("tables still holding « %s »", trace).isEmpty();
        }
        assertThat(tablesContaining("Appréciation sur " + paulName)).isEmpty();
        assertThat(tablesContaining(quentinName)).as("Quentin is still under examination").containsExactly("application", "person");
        assertThat(api.get("/api/statistics/reciprocity", null).ok().json()).isEqualTo(statsBefore);
        api.get("/api/me/personal-data", paul).problem(404);

        // erasure on request: Quentin's application is withdrawn and his data erased at once
        api.delete("/api/me/personal-data", quentin).status(204);
        for (String trace : List.of(quentinName, quentinSubject, quentinMotivation)) {
            assertThat(tablesContaining(trace)).as("tables still holding « %s »", trace).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT status FROM application WHERE id = ?::uuid", String.class, quentinApp))
                .isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/statistics/reciprocity", null).ok().json()).isEqualTo(statsBefore);
        // and no log line ever named them
        assertThat(logs.getAll()).contains("Personal data of").doesNotContain(paulName, paulEmail, paulMotivation,
                report, quentinName, quentinMotivation);
    }

    /** The tables of the service's schema holding {@code text} anywhere in a row (every column, as text). */
    private List<String> tablesContaining(String text) {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE "
                + "table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
        assertThat(tables).contains("person", "application", "placement", "audit_record", "outbox_event");
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            Integer n = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, ?) > 0",
                    Integer.class, text);
            if (n != null && n > 0) {
                holding.add(table);
            }
        }
        return holding;
    }
}
