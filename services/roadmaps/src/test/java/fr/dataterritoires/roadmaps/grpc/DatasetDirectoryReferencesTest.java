package fr.dataterritoires.roadmaps.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.roadmaps.support.RealDatasetSearch;
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * Dataset references checked through a real gRPC call to the real dataset-search: the one process of the test run
 * ({@link RealDatasetSearch}, its executable jar on the backends the tests resolved, trusting the test issuer, seeded
 * by harvesting real DCAT files served on loopback). Roadmaps accepts a dataset the catalogue holds, refuses one it
 * does not (422 naming the id and the field), and refuses — 503, nothing written — while dataset-search is stopped;
 * it is then restarted (and ready) for the tests that follow. A context of its own, closed after the class: stopping
 * dataset-search opens this context's circuit breaker, which no other test must inherit.
 */
@ServiceTest
@TestPropertySource(properties = "roadmaps.test.context=dataset-directory")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetDirectoryReferencesTest {

    /** Whatever happens in the class, the shared dataset-search is running and ready when it ends. */
    @AfterAll
    static void restart() {
        RealDatasetSearch.restartIfStopped();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void aDatasetOfTheCatalogueIsAcceptedAndAnUnknownIdIsRefusedByName() {
        Api api = new Api(port);
        String knownDatasetId = RealDatasetSearch.anyDatasetId(0);
        String base = roadmap(api, 2030);

        JsonNode added = api.post(base + "/items", Api.COMMITTEE_84, dataset(1, knownDatasetId)).status(201).json();
        assertThat(added.path("items").get(0).path("content").path("dataset").path("catalogueDatasetId").asString())
                .isEqualTo(knownDatasetId);
        assertThat(added.path("version").asLong()).isEqualTo(2);

        String unknown = RealDatasetSearch.unknownDatasetId();
        JsonNode problem = api.post(base + "/items", Api.COMMITTEE_84, dataset(2, unknown)).problem(422, unknown,
                "dataset.catalogueDatasetId");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("dataset.catalogueDatasetId");
        // not a catalogue id at all (a URL): unknown as well
        api.post(base + "/items", Api.COMMITTEE_84, dataset(2, "https://data.capatlantique.fr/explore/dataset/x/"))
                .problem(422, "dataset.catalogueDatasetId");
        assertThat(api.get(base, Api.COMMITTEE_84).ok().json().path("version").asLong()).isEqualTo(2);
    }

    /** Last: it stops the shared dataset-search, and starts it again (awaiting its readiness) before it ends. */
    @Test
    @Order(2)
    void whileDatasetSearchIsStoppedTheChangeIsRefusedWith503AndNothingIsWritten() {
        Api api = new Api(port);
        String base = roadmap(api, 2033);
        String knownDatasetId = RealDatasetSearch.anyDatasetId(0);
        RealDatasetSearch.process().stop();
        try {
            refusedWhileStopped(api, base, knownDatasetId);
        } finally {
            RealDatasetSearch.restartIfStopped();
        }
        assertThat(RealDatasetSearch.process().isAlive()).isTrue();
    }

    private void refusedWhileStopped(Api api, String base, String knownDatasetId) {
        JsonNode problem = api.post(base + "/items", Api.COMMITTEE_84, dataset(1, knownDatasetId))
                .problem(503, "catalogue", "Réessayez");
        assertThat(problem.path("type").asString()).endsWith("service-indisponible");
        assertThat(problem.path("dependency").asString()).isEqualTo("dataset-search");
        assertThat(problem.toString()).doesNotContain("UNAVAILABLE", "io.grpc", "Exception");
        // nothing written: same version, no item, no audit record of an added item
        JsonNode unchanged = api.get(base, Api.COMMITTEE_84).ok().json();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("items")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'roadmap.item-added' "
                + "AND target_id = ?", Integer.class, base.substring(base.lastIndexOf('/') + 1))).isZero();
        // an item that names no catalogue dataset (still to be produced) needs no check: accepted
        Map<String, Object> toBeProduced = dataset(1, null);
        api.post(base + "/items", Api.COMMITTEE_84, toBeProduced).status(201);
    }

    private static String roadmap(Api api, int startYear) {
        api.committee("84");
        return "/api/roadmaps/" + api.post("/api/roadmaps/committee", Api.COMMITTEE_84, Map.of("regionCode", "84",
                "startYear", startYear, "endYear", startYear + 2, "title", "Feuille de route " + startYear))
                .status(201).json().path("id").asString();
    }

    private static Map<String, Object> dataset(long version, String catalogueId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", "DATASET");
        body.put("title", "Arrêtés du CCAS de Guérande");
        Map<String, Object> dataset = new LinkedHashMap<>(Map.of("targetAccessLevel", "OPEN",
                "targetDate", "2027-06-30", "responsibleSiren", "200046977", "answers", "LOCAL"));
        if (catalogueId != null) {
            dataset.put("catalogueDatasetId", catalogueId);
        }
        body.put("dataset", dataset);
        return body;
    }
}
