package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The generated source answers like the data.gouv.fr API v1, over a real HTTP socket, page after page. */
class UdataApiServerTest {

    @Test
    void followingNextPageYieldsTheWholeCatalogueOnce() throws Exception {
        CatalogueGenerator generator = new CatalogueGenerator(7, 2_345);
        try (UdataApiServer server = new UdataApiServer(generator)) {
            HttpClient client = HttpClient.newHttpClient();
            String next = server.datasetsUrl() + "?page_size=1000";
            Set<String> ids = new HashSet<>();
            int pages = 0;
            while (next != null) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(next)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                JsonNode page = EsHttp.JSON.readTree(response.body());
                assertThat(page.path("total").asLong()).isEqualTo(2_345);
                assertThat(page.path("page_size").asInt()).isEqualTo(1000);
                for (JsonNode dataset : page.path("data")) {
                    ids.add(dataset.path("id").asString());
                    assertThat(dataset.path("title").asString()).isNotBlank();
                    assertThat(dataset.path("organization").path("name").asString()).isNotBlank();
                    assertThat(dataset.path("spatial").path("zones").get(0).asString())
                            .matches("fr:(commune|epci|departement|region):[0-9ab]+|country:fr");
                    assertThat(dataset.path("license").asString()).isNotBlank();
                    assertThat(dataset.path("metrics").has("views")).isTrue();
                }
                next = page.path("next_page").isNull() ? null : page.path("next_page").asString();
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(ids).hasSize(2_345);
            assertThat(server.pagesServed()).isEqualTo(3);
        }
    }

    @Test
    void aPageIsTheSameEachTimeItIsAsked() throws Exception {
        CatalogueGenerator generator = new CatalogueGenerator(7, 50);
        try (UdataApiServer server = new UdataApiServer(generator)) {
            assertThat(server.page(2, 20)).isEqualTo(server.page(2, 20));
            assertThat(server.page(2, 20)).isNotEqualTo(server.page(1, 20));
            JsonNode last = EsHttp.JSON.readTree(server.page(3, 20));
            assertThat(last.path("data").size()).isEqualTo(10);
            assertThat(last.path("next_page").isNull()).isTrue();
        }
    }

    @Test
    void badPagingIsRefusedWith400() throws Exception {
        try (UdataApiServer server = new UdataApiServer(new CatalogueGenerator(7, 50))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.datasetsUrl() + "?page=zero")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }
}
