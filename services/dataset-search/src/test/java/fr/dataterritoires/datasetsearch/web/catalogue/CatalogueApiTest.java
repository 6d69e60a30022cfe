package fr.dataterritoires.datasetsearch.web.catalogue;

import static fr.dataterritoires.datasetsearch.application.harvest.Descriptions.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.harvest.CatalogueTest;
import fr.dataterritoires.datasetsearch.application.harvest.Descriptions;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestService;
import fr.dataterritoires.datasetsearch.application.harvest.RecordingDatasetIndex;
import fr.dataterritoires.datasetsearch.application.harvest.ScriptedSourceReader;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;

/** The catalogue's REST API over a real socket, with tokens of the test issuer. */
@CatalogueTest
class CatalogueApiTest {

    private static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);
    private static final String APPLICANT = TestIssuer.token(Role.APPLICANT);

    @LocalServerPort
    int port;
    @Autowired
    ScriptedSourceReader reader;
    @Autowired
    HarvestService harvest;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    RecordingDatasetIndex index;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return CloudEvents.mapper().readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo(type);
    }

    private static List<String> errorFields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private String createSource(String schedule) {
        String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send("POST", "/api/sources", """
                {"id": "%s", "name": "Catalogue régional", "kind": "DCAT", "url": "https://data.example.fr/catalog.ttl",
                 "schedule": %s, "defaultAccessLevel": "OPEN",
                 "defaultProducer": {"name": "Région Sud", "siren": "200053859", "type": "REGION"}}"""
                .formatted(id, schedule == null ? "null" : "\"" + schedule + "\""), COORDINATOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/sources/" + id);
        return id;
    }

    private JsonNode awaitRun(String location) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode run = json(send("GET", location, null, null));
            if (!run.get("status").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + location + " still running");
    }

    @Test
    void aDatasetShowsItsQualityCriteriaFreshnessProvenanceAndDemand() {
        String source = createSource(null);
        String uri = "https://data.example.fr/datasets/" + UUID.randomUUID();
        reader.serve(source, List.of(parsed("irve", Descriptions.rich(uri))));
        harvest.run(source, HarvestRun.Trigger.ON_DEMAND, "demo-coordination-nationale");
        Dataset dataset = datasets.findByProvenance(source, "irve").orElseThrow();

        HttpResponse<String> response = send("GET", "/api/datasets/" + dataset.id(), null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("id").asString()).isEqualTo(dataset.id().toString());
        assertThat(body.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(body.get("description").get("title").asString())
                .isEqualTo("Bornes de recharge pour véhicules électriques (IRVE)");
        assertThat(body.get("description").get("sourceUri").asString()).isEqualTo(uri);
        // period ends 2023-12-31, published 2024-06-30T22:00Z: 181 whole days
        assertThat(body.get("freshnessLagDays").asLong()).isEqualTo(181);
        JsonNode criteria = body.get("quality").get("criteria");
        assertThat(criteria).hasSize(7);
        List<String> labels = new ArrayList<>();
        criteria.forEach(c -> labels.add(c.get("label").asString()));
        assertThat(labels).contains("licence déclarée", "couverture territoriale renseignée");
        assertThat(body.get("quality").get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("provenance").get(0).get("sourceId").asString()).isEqualTo(source);
        assertThat(body.get("provenance").get(0).get("firstSeen").asString()).isNotBlank();
        assertThat(body.get("demand").get("accessRequests").asInt()).isZero();
        assertThat(body.get("formats").toString()).contains("CSV");
        JsonNode description = body.get("description");
        assertThat(description.get("access").get("level").asString()).isEqualTo("SHARED");
        assertThat(description.get("access").get("procedure").asString()).isEqualTo("https://example.fr/demande-acces");
        List<String> territories = new ArrayList<>();
        description.get("coverage").get("territories").forEach(t -> territories.add(t.get("key").asString()));
        assertThat(territories).containsExactlyInAnyOrder("commune:75056", "departement:2A", "epci:200054781");
        assertThat(description.get("producer").get("siren").asString()).isEqualTo("200054781");
        assertThat(description.get("schema").get("id").asString()).isEqualTo("etalab/schema-irve-statique");
        assertThat(description.get("temporal").get("end").asString()).isEqualTo("2023-12-31");
        assertThat(description.get("usage").get("reuses").asLong()).isEqualTo(5);
    }

    @Test
    void badUnknownAndWithdrawnDatasetsAreProblems() {
        assertProblem(send("GET", "/api/datasets/pas-un-uuid", null, null), 400, ProblemTypes.PARAMETRE_INVALIDE);
        assertProblem(send("GET", "/api/datasets/" + UUID.randomUUID(), null, null), 404, ProblemTypes.INTROUVABLE);

        String source = createSource(null);
        reader.serve(source, List.of(parsed("old", "https://data.example.fr/" + source + "/old", "Ancien jeu")));
        harvest.run(source, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());
        Dataset dataset = datasets.findByProvenance(source, "old").orElseThrow();
        reader.serve(source, List.of());
        harvest.run(source, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());

        HttpResponse<String> gone = send("GET", "/api/datasets/" + dataset.id(), null, null);
        assertProblem(gone, 410, CatalogueProblems.WITHDRAWN);
        assertThat(json(gone).get("detail").asString()).contains("Ancien jeu").contains("retiré");
        assertThat(json(gone).get("withdrawnAt").asString()).isNotBlank();
    }

    @Test
    void onlyTheCoordinatorManagesSourcesAndEveryoneReadsThem() {
        String body = """
                {"id": "nouvelle-source", "name": "N", "kind": "CKAN", "url": "https://ckan.example.fr"}""";
        assertThat(send("POST", "/api/sources", body, null).statusCode()).isEqualTo(401);
        assertProblem(send("POST", "/api/sources", body, APPLICANT), 403, ProblemTypes.ACCES_REFUSE);

        String id = createSource("0 0 3 * * ?");
        assertThat(jdbc.sql("SELECT actor FROM audit_record WHERE target_id = :id AND action = 'harvest-source.created'")
                .param("id", id).query(String.class).list()).containsExactly("demo-coordination-nationale");

        HttpResponse<String> list = send("GET", "/api/sources", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"" + id + "\"");
        JsonNode one = json(send("GET", "/api/sources/" + id, null, null));
        assertThat(one.get("schedule").asString()).isEqualTo("0 0 3 * * ?");
        assertThat(one.get("defaultProducer").get("siren").asString()).isEqualTo("200053859");
        assertProblem(send("GET", "/api/sources/inconnue", null, null), 404, ProblemTypes.INTROUVABLE);

        String change = """
                {"name": "Catalogue régional (nouveau)", "kind": "DCAT", "url": "https://data.example.fr/v2/catalog.ttl",
                 "schedule": "0 30 2 * * ?", "enabled": false}""";
        assertProblem(send("PUT", "/api/sources/" + id, change, APPLICANT), 403, ProblemTypes.ACCES_REFUSE);
        HttpResponse<String> changed = send("PUT", "/api/sources/" + id, change, COORDINATOR);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("enabled").asBoolean()).isFalse();
        assertThat(json(send("GET", "/api/sources/" + id, null, null)).get("url").asString())
                .isEqualTo("https://data.example.fr/v2/catalog.ttl");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target_id = :id AND action = 'harvest-source.changed'")
                .param("id", id).query(Long.class).single()).isEqualTo(1L);
        assertProblem(send("PUT", "/api/sources/absente", change, COORDINATOR), 404, ProblemTypes.INTROUVABLE);
        // a disabled source is not harvested
        assertProblem(send("POST", "/api/sources/" + id + "/runs", null, COORDINATOR), 422, ProblemTypes.REGLE_METIER);
        assertProblem(send("POST", "/api/sources", """
                {"id": "%s", "name": "Doublon", "kind": "DCAT", "url": "https://x.example.fr"}""".formatted(id),
                COORDINATOR), 409, ProblemTypes.CONFLIT);
    }

    @Test
    void invalidSourcesAreRefusedNamingTheirFields() {
        HttpResponse<String> invalid = send("POST", "/api/sources", """
                {"id": "Pas Un Slug", "name": " ", "kind": "DCAT", "url": "ftp://files.example.fr/catalog",
                 "schedule": "tous les jours"}""", COORDINATOR);
        assertProblem(invalid, 400, ProblemTypes.VALIDATION);
        assertThat(errorFields(invalid)).contains("id", "name", "url", "schedule");

        HttpResponse<String> badKind = send("POST", "/api/sources", """
                {"id": "sparql-source", "name": "S", "kind": "SPARQL", "url": "https://x.example.fr"}""", COORDINATOR);
        assertThat(badKind.statusCode()).as(badKind.body()).isEqualTo(400);
        assertThat(errorFields(badKind)).contains("kind");

        HttpResponse<String> missing = send("POST", "/api/sources", """
                {"name": "S", "url": "https://x.example.fr"}""", COORDINATOR);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorFields(missing)).contains("kind");

        HttpResponse<String> noId = send("POST", "/api/sources", """
                {"name": "S", "kind": "CKAN", "url": "https://x.example.fr"}""", COORDINATOR);
        assertProblem(noId, 400, ProblemTypes.VALIDATION);
        assertThat(errorFields(noId)).containsExactly("id");
        assertThat(send("POST", "/api/sources", "{not json", COORDINATOR).statusCode()).isEqualTo(400);
    }

    @Test
    void anOnDemandRunIsAcceptedRunsInTheBackgroundAndRefusesASecondOne() throws Exception {
        String source = createSource(null);
        CountDownLatch gate = new CountDownLatch(1);
        reader.serveWhenOpen(source, List.of(parsed("a", "https://data.example.fr/" + source + "/a", "Jeu A"),
                new HarvestItem.Failed("b", "{\"title\": null}", "titre manquant")), gate);

        assertThat(send("POST", "/api/sources/" + source + "/runs", null, null).statusCode()).isEqualTo(401);
        assertProblem(send("POST", "/api/sources/" + source + "/runs", null, APPLICANT), 403, ProblemTypes.ACCES_REFUSE);
        HttpResponse<String> accepted = send("POST", "/api/sources/" + source + "/runs", null, COORDINATOR);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/harvest-runs/");
        assertThat(json(accepted).get("status").asString()).isEqualTo("RUNNING");

        HttpResponse<String> second = send("POST", "/api/sources/" + source + "/runs", null, COORDINATOR);
        assertProblem(second, 409, ProblemTypes.CONFLIT);
        assertThat(json(second).get("detail").asString()).contains("déjà en cours");

        gate.countDown();
        JsonNode run = awaitRun(location);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("trigger").asString()).isEqualTo("ON_DEMAND");
        assertThat(run.get("counts").get("new").asInt()).isEqualTo(1);
        assertThat(run.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(run.get("durationMs").asLong()).isNotNegative();
        String runId = run.get("id").asString();
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_record WHERE target_id = :id").param("id", runId)
                .query(String.class).list()).containsExactly("demo-coordination-nationale");

        JsonNode runs = json(send("GET", "/api/sources/" + source + "/runs", null, null));
        assertThat(runs.get(0).get("id").asString()).isEqualTo(runId);
        assertProblem(send("GET", "/api/sources/" + source + "/runs?limit=100000", null, null), 400,
                ProblemTypes.VALIDATION);

        String failuresPath = "/api/harvest-runs/" + runId + "/failures";
        assertThat(send("GET", failuresPath, null, null).statusCode()).isEqualTo(401);
        assertProblem(send("GET", failuresPath, null, APPLICANT), 403, ProblemTypes.ACCES_REFUSE);
        HttpResponse<String> failures = send("GET", failuresPath, null, COORDINATOR);
        assertThat(failures.statusCode()).as(failures.body()).isEqualTo(200);
        assertThat(json(failures).get("total").asLong()).isEqualTo(1);
        assertThat(json(failures).get("failures").get(0).get("raw").asString()).isEqualTo("{\"title\": null}");
        assertThat(json(failures).get("failures").get(0).get("reason").asString()).isEqualTo("titre manquant");
        assertProblem(send("GET", "/api/harvest-runs/" + UUID.randomUUID(), null, null), 404, ProblemTypes.INTROUVABLE);
        assertProblem(send("POST", "/api/sources/inconnue/runs", null, COORDINATOR), 404, ProblemTypes.INTROUVABLE);
    }

    @Test
    void theCoordinatorRebuildsTheIndexFromTheCatalogue() {
        String source = createSource(null);
        reader.serve(source, List.of(parsed("r", "https://data.example.fr/" + source + "/r", "Jeu R")));
        harvest.run(source, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());
        Dataset dataset = datasets.findByProvenance(source, "r").orElseThrow();

        assertProblem(send("POST", "/api/index/rebuild", null, APPLICANT), 403, ProblemTypes.ACCES_REFUSE);
        HttpResponse<String> rebuilt = send("POST", "/api/index/rebuild", null, COORDINATOR);

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(json(rebuilt).get("indexed").asLong()).isEqualTo(datasets.countPublished());
        assertThat(index.isIndexed(dataset.id())).isTrue();
    }

    @Test
    void harvestFiguresAreExposedToPrometheus() {
        String source = createSource(null);
        reader.serve(source, List.of(parsed("m", "https://data.example.fr/" + source + "/m", "Jeu M")));
        harvest.run(source, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());

        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", null, null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).containsPattern("dt_harvest_runs_total\\{[^}]*source=\"" + source
                + "\"[^}]*status=\"COMPLETED\"[^}]*} 1.0");
        assertThat(metrics).containsPattern("dt_harvest_records_total\\{[^}]*outcome=\"new\"[^}]*source=\"" + source
                + "\"[^}]*} 1.0");
        assertThat(metrics).containsPattern("dt_harvest_run_duration_seconds_count\\{[^}]*source=\"" + source + "\"");
        assertThat(metrics).containsPattern("dt_harvest_lag_seconds\\{[^}]*source=\"" + source + "\"[^}]*} [0-9.]+");
        assertThat(metrics).containsPattern("dt_catalogue_datasets\\{[^}]*} [1-9]");
    }
}
