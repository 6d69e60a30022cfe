package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.gateway.support.RealRoadmaps;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import tools.jackson.databind.JsonNode;

/** One documentation page for the whole suite: every service's document, through the gateway. */
@GatewayTest
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentationPageListsEveryServicesDocument() {
        JsonNode config = new Gateway(port).get("/v3/api-docs/swagger-config").ok().json();

        List<String> urls = new ArrayList<>();
        config.path("urls").forEach(url -> urls.add(url.path("name").asString() + " " + url.path("url").asString()));
        assertThat(urls).contains("dataset-search /openapi/dataset-search", "roadmaps /openapi/roadmaps",
                "commons-calls /openapi/commons-calls", "exchanges /openapi/exchanges",
                "replication /openapi/replication");

        Response page = new Gateway(port).get("/swagger-ui/index.html").ok();
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void aServicesDocumentIsServedWithItsPathsThroughTheGateway() {
        RealRoadmaps.process();
        Response direct = new Gateway(RealRoadmaps.process().httpPort()).get("/v3/api-docs").ok();
        JsonNode original = direct.json();
        assertThat(original.path("paths").has("/api/roadmaps")).as(direct.body()).isTrue();

        JsonNode document = new Gateway(port).get("/openapi/roadmaps").ok().json();

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/api/roadmaps");
        assertThat(document.path("paths").has("/roadmaps")).isTrue();
        assertThat(document.path("paths").has("/governance/committees")).isTrue();
        assertThat(document.path("paths").size()).isEqualTo(countApiPaths(original));
        assertThat(document.path("components")).isEqualTo(original.path("components"));
    }

    private static int countApiPaths(JsonNode document) {
        int[] count = {0};
        document.path("paths").propertyNames().forEach(p -> {
            if (p.startsWith("/api/")) {
                count[0]++;
            }
        });
        return count[0];
    }
}
