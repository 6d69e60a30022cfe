package fr.dataterritoires.commonscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;

/** The service starts against real backends, answers its health probe and documents its API. */
@ServiceTest
class CommonsCallsApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndIsReady() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", null).ok().body()).contains("UP");
    }

    @Test
    void publishesItsOpenApiDocument() {
        String docs = new Api(port).get("/v3/api-docs", null).ok().body();
        assertThat(docs).contains("/api/calls/{id}/decisions", "/api/applications/{id}/submit", "/api/funders",
                "/api/preciput/allocations", "/api/preciput/imports", "INNOVATION");
    }
}
