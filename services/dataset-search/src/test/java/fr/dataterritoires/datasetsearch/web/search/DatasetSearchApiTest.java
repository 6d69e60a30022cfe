package fr.dataterritoires.datasetsearch.web.search;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search API over real HTTP, anonymous, on the whole service (real PostgreSQL, broker and Elasticsearch node).
 * Datasets are indexed through the service's own {@link DatasetIndex}; their words ("hydrant", "aqueduc") are
 * kept apart from other test classes sharing the context and its index.
 */
@ServiceTest
class DatasetSearchApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static boolean indexed;

    static Dataset hydrants = dataset("Poteaux incendie hydrants de Grenoble")
            .description("Position et débit des hydrants de défense extérieure contre l'incendie.")
            .themes("Sécurité").producer("Ville de Grenoble", "213801855", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:38185").formats("CSV", "GeoJSON").licence("etalab-2.0")
            .modified(Instant.parse("2026-09-01T00:00:00Z")).build();
    static Dataset aqueducs = dataset("Aqueducs et hydrants historiques de Lyon")
            .description("Inventaire patrimonial.").themes("Patrimoine")
            .producer("Ville de Lyon", "216901231", ProducerType.COMMUNE)
            .access(AccessLevel.RESTRICTED).coverage(Granularity.OTHER, "commune:69123").build();

    @Autowired
    DatasetIndex index;

    @LocalServerPort
    int port;

    @BeforeEach
    void indexOnce() {
        if (!indexed) {
            List<Dataset> many = new ArrayList<>(List.of(hydrants, aqueducs));
            for (int i = 0; i < 12; i++) {
                many.add(dataset("Hydrants, secteur " + i).themes("Sécurité").build());
            }
            index.index(many, Instant.now());
            indexed = true;
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private JsonNode problem(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anyoneSearchesAndGetsResultsWithProducerAccessCoverageQualityAndLinks() throws Exception {
        JsonNode body = ok("/api/datasets?q=" + encode("poteaux incendie") + "&territory=38185");

        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode result = body.get("datasets").get(0);
        assertThat(result.get("id").asString()).isEqualTo(hydrants.id().toString());
        assertThat(result.get("title").asString()).isEqualTo("Poteaux incendie hydrants de Grenoble");
        assertThat(result.get("excerpt").asString()).contains("hydrants");
        assertThat(result.get("producer").get("name").asString()).isEqualTo("Ville de Grenoble");
        assertThat(result.get("producer").get("type").get("label").asString()).isEqualTo("commune");
        assertThat(result.get("accessLevel").get("code").asString()).isEqualTo("OPEN");
        assertThat(result.get("accessLevel").get("label").asString()).isEqualTo("ouvert");
        JsonNode territory = result.get("coverage").get("territories").get(0);
        assertThat(territory.get("key").asString()).isEqualTo("commune:38185");
        assertThat(territory.get("name").asString()).isEqualTo("Grenoble");
        assertThat(result.get("formats").toString()).contains("CSV", "GEOJSON");
        assertThat(result.get("qualityScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("modified").asString()).isEqualTo("2026-09-01T00:00:00Z");
        assertThat(result.get("links").get("self").asString()).isEqualTo("/api/datasets/" + hydrants.id());
        assertThat(body.get("facets").get("themes").get(0).get("value").asString()).isEqualTo("Sécurité");
    }

    @Test
    void territoryFiltersKeepOtherCommunesOut() throws Exception {
        JsonNode lyon = ok("/api/datasets?q=hydrants&territory=commune:69123");
        assertThat(lyon.get("datasets")).extracting(d -> d.get("title").asString())
                .containsExactly("Aqueducs et hydrants historiques de Lyon");
        JsonNode facets = ok("/api/datasets?q=hydrants&size=1").get("facets").get("accessLevels");
        assertThat(facets.toString()).contains("\"RESTRICTED\"", "restreint, sur demande d'accès");
    }

    @Test
    void theCursorGoesPastThePageWindow() throws Exception {
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/datasets?q=hydrants&size=5" + (next == null ? "" : "&cursor=" + encode(next)));
            page.get("datasets").forEach(d -> assertThat(seen.add(d.get("id").asString())).isTrue());
            next = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        } while (next != null && pages < 10);
        assertThat(seen).hasSize(14);
    }

    @Test
    void unknownValuesAndMalformedParametersAreRefusedNamingTheField() throws Exception {
        assertField(problem("/api/datasets?accessLevel=PUBLIC", 400), "accessLevel", ProblemTypes.VALEUR_INCONNUE);
        assertField(problem("/api/datasets?producerType=mairie", 400), "producerType", ProblemTypes.VALEUR_INCONNUE);
        assertField(problem("/api/datasets?sort=_script", 400), "sort", ProblemTypes.VALEUR_INCONNUE);
        assertField(problem("/api/datasets?use=pcaat", 400), "use", ProblemTypes.VALEUR_INCONNUE);
        assertField(problem("/api/datasets?territory=commune:99999", 400), "territory", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?territory=commune:ABC", 400), "territory", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?territory=84", 400), "territory", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?territory=" + encode("canton:38185"), 400), "territory (niveau)",
                ProblemTypes.VALEUR_INCONNUE);
        assertField(problem("/api/datasets?territory=" + encode("commune:38185 OR 1=1"), 400), "territory",
                ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?size=100000", 400), "size", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?size=abc", 400), "size", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?page=101&size=100", 400), "page", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?page=0", 400), "page", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?updatedSince=hier", 400), "updatedSince", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?cursor=bm9wZQ", 400), "cursor", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?thme=Sant%C3%A9", 400), "thme", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?q=" + "eau+".repeat(200), 400), "q", ProblemTypes.PARAMETRE_INVALIDE);
        assertField(problem("/api/datasets?q=eau%00", 400), "q", ProblemTypes.PARAMETRE_INVALIDE);

        JsonNode accepted = problem("/api/datasets?accessLevel=PUBLIC", 400);
        assertThat(accepted.get("acceptedValues").toString()).contains("OPEN", "SHARED", "RESTRICTED");
        assertThat(accepted.get("detail").asString()).contains("accessLevel");
    }

    private static void assertField(JsonNode problem, String field, String type) {
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void queryLanguageInTheTextIsRefusedAndHostileWordsFindNothing() throws Exception {
        for (String attempt : List.of("{\"query\":{\"match_all\":{}}}", "*:*", "title:x OR 1=1",
                "x\" OR \"1\"=\"1", "eau^100", "_exists_:title")) {
            JsonNode refused = problem("/api/datasets?q=" + encode(attempt), 400);
            assertField(refused, "q", ProblemTypes.PARAMETRE_INVALIDE);
            assertThat(refused.get("errors").get(0).toString()).as(attempt).contains("syntaxe");
        }
        for (String attempt : List.of(")(", "<script>alert(1)</script>", "'; DROP TABLE dataset; --")) {
            HttpResponse<String> response = get("/api/datasets?q=" + encode(attempt));
            assertThat(response.statusCode()).as(attempt).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("total").asLong()).as(attempt).isZero();
        }
        HttpResponse<String> huge = get("/api/datasets?q=" + "eau".repeat(10_000));
        assertThat(huge.statusCode()).as(huge.body()).isBetween(400, 499);

        HttpResponse<String> theme = get("/api/datasets?theme=" + encode("{\"query\":{\"match_all\":{}}}"));
        assertThat(theme.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(theme.body()).get("total").asLong()).isZero();
    }

    @Test
    void theUseProfilesAreListedWithTheirVersion() throws Exception {
        JsonNode body = ok("/api/use-profiles");
        assertThat(body.get("version").asString()).isNotBlank();
        assertThat(body.get("profiles")).extracting(p -> p.get("id").asString())
                .contains("pcaet", "ppri", "ilots-de-chaleur", "mobilites");
        assertThat(ok("/api/use-profiles/ppri").get("keywords").toString()).contains("inondation");
        assertThat(problem("/api/use-profiles/inconnu", 404).get("type").asString())
                .isEqualTo(ProblemTypes.INTROUVABLE);
        JsonNode applied = ok("/api/datasets?use=ppri");
        assertThat(applied.get("use").get("id").asString()).isEqualTo("ppri");
        assertThat(applied.get("use").get("version").asString()).isEqualTo(body.get("version").asString());
    }

    @Test
    void suggestionsNameDatasetsOrganisationsAndTerritories() throws Exception {
        JsonNode body = ok("/api/datasets/suggestions?q=" + encode("poteaux ince"));
        assertThat(body.get("datasets").get(0).get("title").asString())
                .isEqualTo("Poteaux incendie hydrants de Grenoble");

        JsonNode places = ok("/api/datasets/suggestions?q=grenob");
        assertThat(places.get("territories")).extracting(t -> t.get("key").asString()).contains("commune:38185");
        assertThat(places.get("organisations")).extracting(o -> o.get("name").asString()).contains("Ville de Grenoble");

        JsonNode code = ok("/api/datasets/suggestions?q=38185");
        assertThat(code.get("territories").get(0).get("name").asString()).isEqualTo("Grenoble");

        assertThat(problem("/api/datasets/suggestions", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("q");
    }
}
