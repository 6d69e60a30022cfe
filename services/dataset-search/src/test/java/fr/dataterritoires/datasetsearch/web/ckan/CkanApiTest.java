package fr.dataterritoires.datasetsearch.web.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.dataterritoires.datasetsearch.support.ExportCatalogueTest;
import fr.dataterritoires.datasetsearch.web.dcat.ExportFixtures;

/**
 * The CKAN-compatible API over HTTP, anonymous, against the catalogue stored in PostgreSQL: CKAN's success and error
 * envelopes, paging, package dicts, search parameters; bad requests get CKAN 4xx envelopes, never a 5xx.
 */
@ExportCatalogueTest
class CkanApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void statusShowAnswersInTheCkanEnvelope() throws Exception {
        Reply reply = get("status_show");
        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.contentType).startsWith("application/json");
        assertThat(reply.body.get("success").booleanValue()).isTrue();
        assertThat(reply.body.get("help").asString()).endsWith("/api/3/action/help_show?name=status_show");
        assertThat(reply.body.get("result").get("ckan_version").asString()).startsWith("2.");
    }

    @Test
    void packageListPagesThroughThePublishedDatasetsOnly() throws Exception {
        List<String> names = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 4) {
            Reply page = get("package_list?limit=4&offset=" + offset);
            assertThat(page.status).isEqualTo(200);
            page.body.get("result").forEach(name -> names.add(name.asString()));
        }
        assertThat(names).hasSize(ExportFixtures.publishedCount()).doesNotHaveDuplicates()
                .contains("parcs-de-stationnement-de-la-ville-de-gap-" + hex(ExportFixtures.PARKINGS))
                .noneMatch(name -> name.endsWith(hex(ExportFixtures.WITHDRAWN)));
        assertThat(names).allMatch(name -> name.matches("[a-z0-9-]{1,100}"));
    }

    @Test
    void packageShowFindsADatasetByIdByNameAndBySourceUri() throws Exception {
        Reply byId = get("package_show?id=" + ExportFixtures.PARKINGS);
        assertThat(byId.status).isEqualTo(200);
        JsonNode dataset = byId.body.get("result");
        assertThat(dataset.get("id").asString()).isEqualTo(ExportFixtures.PARKINGS.toString());
        assertThat(dataset.get("title").asString()).isEqualTo("Parcs de stationnement de la Ville de Gap");
        assertThat(dataset.get("license_id").asString()).isEqualTo("lov2");
        assertThat(dataset.get("isopen").booleanValue()).isTrue();
        assertThat(dataset.get("organization").get("title").asString())
                .isEqualTo("Communauté d'Agglomération de Gap-Tallard-Durance");
        assertThat(dataset.get("organization").get("name").asString())
                .isEqualTo("communaute-d-agglomeration-de-gap-tallard-durance");
        assertThat(dataset.get("tags")).extracting(tag -> tag.get("name").asString())
                .containsExactly("parking", "aire de stationnement", "stationner");
        assertThat(dataset.get("resources")).hasSize(3);
        JsonNode first = dataset.get("resources").get(0);
        assertThat(first.get("url").asString())
                .isEqualTo("https://www.datasud.fr/fr/dataset/datasets/4543/resource/6177/download/");
        assertThat(first.get("size").longValue()).isEqualTo(2606);
        assertThat(first.get("mimetype").asString()).isEqualTo("application/zip");
        assertThat(extra(dataset, "access_level")).isEqualTo("open");
        assertThat(extra(dataset, "spatial_coverage")).isEqualTo("commune:05061");
        assertThat(extra(dataset, "spatial_coverage_names")).isEqualTo("Gap");

        String name = dataset.get("name").asString();
        assertThat(get("package_show?id=" + name).body.get("result").get("id").asString())
                .isEqualTo(ExportFixtures.PARKINGS.toString());
        // A title change does not break old names: the id at the end decides.
        assertThat(get("package_show?id=ancien-titre-" + hex(ExportFixtures.PARKINGS)).status).isEqualTo(200);
        assertThat(get("package_show?id=" + encode("https://www.data.gouv.fr/datasets/5448d3e0c751df01f85d0572"))
                .body.get("result").get("id").asString()).isEqualTo(ExportFixtures.IRVE.toString());
    }

    @Test
    void packageShowCarriesTheCatalogueJudgementsAsExtras() throws Exception {
        JsonNode irve = get("package_show?id=" + ExportFixtures.IRVE).body.get("result");
        assertThat(extra(irve, "schema")).isEqualTo("etalab/schema-irve-statique");
        assertThat(extra(irve, "schema_version")).isEqualTo("2.3.1");
        assertThat(extra(irve, "frequency")).isEqualTo("daily");
        assertThat(extra(irve, "temporal_start")).isEqualTo("2024-01-01");
        assertThat(Double.parseDouble(extra(irve, "quality_score"))).isBetween(0.5, 1.0);
        JsonNode restricted = get("package_show?id=" + ExportFixtures.RESTRICTED).body.get("result");
        assertThat(extra(restricted, "access_level")).isEqualTo("restricted");
        assertThat(extra(restricted, "access_procedure")).isEqualTo("Demande écrite à la DDTM, service risques");
        assertThat(restricted.get("isopen").booleanValue()).isFalse();
        assertThat(restricted.get("resources")).isEmpty();
        JsonNode shared = get("package_show?id=" + ExportFixtures.SHARED_NO_DESCRIPTION).body.get("result");
        assertThat(shared.get("license_id").asString()).isEqualTo("notspecified");
        assertThat(shared.get("notes").isNull()).isTrue();
    }

    @Test
    void unknownOrWithdrawnDatasetsGetTheCkan404Envelope() throws Exception {
        for (String id : List.of("00000000-0000-4000-8000-000000000000", ExportFixtures.WITHDRAWN.toString(),
                "nom-inconnu", "nom-" + "0".repeat(32))) {
            Reply reply = get("package_show?id=" + id);
            assertThat(reply.status).as(id).isEqualTo(404);
            assertThat(reply.body.get("success").booleanValue()).isFalse();
            assertThat(reply.body.get("error").get("__type").asString()).isEqualTo("Not Found Error");
            assertThat(reply.body.get("error").get("message").asString()).contains("introuvable");
        }
    }

    @Test
    void packageSearchCountsFacetsWithTheNamesFqTakesBack() throws Exception {
        Reply reply = get("package_search?rows=0&facet.field="
                + encode("[\"organization\",\"res_format\",\"license_id\",\"tags\"]"));
        assertThat(reply.status).isEqualTo(200);
        JsonNode facets = reply.body.get("result").get("facets");
        assertThat(facets.get("organization").get("communaute-d-agglomeration-de-gap-tallard-durance").longValue())
                .isEqualTo(2);
        assertThat(facets.get("license_id").get("odc-odbl").longValue()).isEqualTo(1);
        assertThat(facets.get("tags").isEmpty()).as("keywords are not counted: empty, not an error").isTrue();
        long formats = 0;
        for (JsonNode count : facets.get("res_format")) {
            formats += count.longValue();
        }
        assertThat(formats).isPositive();
        JsonNode organisations = reply.body.get("result").get("search_facets").get("organization");
        assertThat(organisations.get("title").asString()).isEqualTo("organization");
        assertThat(organisations.get("items")).anySatisfy(item -> {
            assertThat(item.get("name").asString()).isEqualTo("communaute-d-agglomeration-de-gap-tallard-durance");
            assertThat(item.get("display_name").asString()).containsIgnoringCase("Gap");
            assertThat(item.get("count").longValue()).isEqualTo(2);
        });

        // a facet value, given back as fq, finds as many datasets as it counted
        Reply filtered = get("package_search?fq=" + encode("license_id:odc-odbl") + "&facet.field=license_id");
        assertThat(filtered.body.get("result").get("count").longValue()).isEqualTo(1);
        assertThat(filtered.body.get("result").get("facets").get("license_id").get("odc-odbl").longValue()).isEqualTo(1);

        Reply limited = get("package_search?rows=0&facet.limit=1&facet.field=res_format");
        assertThat(limited.body.get("result").get("facets").get("res_format").size()).isEqualTo(1);

        Reply none = get("package_search?rows=0");
        assertThat(none.body.get("result").get("facets").isEmpty()).isTrue();

        Reply unknown = get("package_search?facet.field=" + encode("[\"password\"]"));
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.body.get("error").get("facet.field").toString()).contains("organization");
        assertThat(get("package_search?facet.field=" + encode("[pas du json")).status).isEqualTo(400);
    }

    @Test
    void packageSearchFiltersWithFqAndPagesWithRowsAndStart() throws Exception {
        Reply all = get("package_search?rows=2&start=0&sort=" + encode("metadata_modified desc"));
        assertThat(all.status).isEqualTo(200);
        assertThat(all.body.get("result").get("count").longValue()).isEqualTo(6);
        assertThat(all.body.get("result").get("results")).hasSize(2);
        assertThat(all.body.get("result").get("results").get(0).get("id").asString())
                .isEqualTo(ExportFixtures.IRVE.toString());

        Reply text = get("package_search?q=stationnement");
        assertThat(ids(text)).containsExactly(ExportFixtures.PARKINGS.toString());

        Reply byOrganization = get("package_search?fq=" + encode("organization:communaute-d-agglomeration-de-gap-tallard-durance"));
        assertThat(ids(byOrganization)).containsExactlyInAnyOrder(ExportFixtures.PARKINGS.toString(),
                ExportFixtures.TWO_SOURCES.toString());

        Reply byTagAndFormat = get("package_search?fq=" + encode("tags:\"bornes de recharge\" AND res_format:csv"));
        assertThat(ids(byTagAndFormat)).containsExactly(ExportFixtures.IRVE.toString());

        Reply byLicence = get("package_search?fq=" + encode("+license_id:odc-odbl"));
        assertThat(ids(byLicence)).containsExactly(ExportFixtures.TWO_SOURCES.toString());

        Reply countOnly = get("package_search?rows=0");
        assertThat(countOnly.body.get("result").get("count").longValue()).isEqualTo(6);
        assertThat(countOnly.body.get("result").get("results")).isEmpty();
    }

    @Test
    void postWithAJsonBodyWorksAsCkanapiSendsIt() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("package_show"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + ExportFixtures.IRVE + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("result").get("id").asString()).isEqualTo(ExportFixtures.IRVE.toString());
        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(url("package_search"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{pas du json"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).get("success").booleanValue()).isFalse();
    }

    @Test
    void organizationListNamesTheProducers() throws Exception {
        Reply names = get("organization_list");
        assertThat(names.body.get("result")).extracting(JsonNode::asString)
                .contains("communaute-d-agglomeration-de-gap-tallard-durance", "direction-interministerielle-du-numerique");
        Reply full = get("organization_list?all_fields=true&limit=1");
        assertThat(full.body.get("result")).hasSize(1);
        assertThat(full.body.get("result").get(0).get("package_count").longValue()).isPositive();
    }

    @Test
    void badParametersGetCkan400EnvelopesSayingWhich() throws Exception {
        Reply tooMany = get("package_search?rows=100000");
        assertThat(tooMany.status).isEqualTo(400);
        assertThat(tooMany.body.get("success").booleanValue()).isFalse();
        assertThat(tooMany.body.get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(tooMany.body.get("error").get("rows").get(0).asString()).contains("entre 0 et 1000");

        Reply unknownField = get("package_search?fq=" + encode("author:moi"));
        assertThat(unknownField.status).isEqualTo(400);
        assertThat(unknownField.body.get("error").get("fq").get(0).asString()).contains("Champ de filtre inconnu");

        Reply unreadable = get("package_search?fq=" + encode("organization:(a OR b)"));
        assertThat(unreadable.status).isEqualTo(400);

        Reply unknownAction = get("package_create");
        assertThat(unknownAction.status).isEqualTo(400);
        assertThat(unknownAction.body.get("error").get("message").asString()).contains("Action inconnue");

        Reply missingId = get("package_show");
        assertThat(missingId.status).isEqualTo(400);
        assertThat(missingId.body.get("error").get("id")).isNotNull();
    }

    @Test
    void noBadRequestGetsA5xx() throws Exception {
        for (String call : List.of("package_search?rows=-1", "package_search?rows=abc", "package_search?start=-3",
                "package_search?start=99999999999", "package_search?sort=" + encode("drop table"),
                "package_search?fq=" + encode("tags:\"non fermé"), "package_search?fq=" + encode("res_format:"),
                "package_search?q=" + "x".repeat(1200),
                "package_list?limit=100000", "package_list?offset=-1", "package_list?limit=x",
                "package_show?id=" + encode("' OR 1=1 --"), "package_show?id=" + "a".repeat(3000),
                "organization_list?limit=-2", "help_show", "%20")) {
            Reply reply = get(call);
            assertThat(reply.status).as(call).isBetween(400, 499);
            if (reply.body != null) {
                assertThat(reply.body.get("success").booleanValue()).as(call).isFalse();
            }
        }
        // Query syntax in q is refused as CKAN refuses a bad query, never run and never a failure.
        Reply injection = get("package_search?q=" + encode("\"}]{ *:* OR 1=1 --"));
        assertThat(injection.status).isEqualTo(409);
        assertThat(injection.body.get("error").get("__type").asString()).isEqualTo("Search Query Error");
        // Words that merely look hostile are words: searched, nothing found.
        Reply words = get("package_search?q=" + encode("'; DROP TABLE dataset; --"));
        assertThat(words.status).isEqualTo(200);
        assertThat(words.body.get("result").get("count").longValue()).isZero();
    }

    private Reply get(String call) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(call)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
        return new Reply(response.statusCode(), type, body);
    }

    private URI url(String call) {
        return URI.create("http://127.0.0.1:" + port + "/api/3/action/" + call);
    }

    private record Reply(int status, String contentType, JsonNode body) {
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body.get("result").get("results").forEach(result -> ids.add(result.get("id").asString()));
        return ids;
    }

    private static String extra(JsonNode dataset, String key) {
        for (JsonNode extra : dataset.get("extras")) {
            if (extra.get("key").asString().equals(key)) {
                return extra.get("value").asString();
            }
        }
        return null;
    }

    private static String hex(Object id) {
        return id.toString().replace("-", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
