package fr.dataterritoires.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.roadmaps.support.ServiceTest;

/** The service starts against real backends, answers its health probe and documents its API. */
@ServiceTest
class RoadmapsApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndIsReady() throws Exception {
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
    }

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/roadmaps/{id}/arbitration", "/api/governance/committees",
                "/api/priorities", "FINANCIAL_LINE");
    }
}
