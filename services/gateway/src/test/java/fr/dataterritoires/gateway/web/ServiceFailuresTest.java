package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayBackends;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import tools.jackson.databind.JsonNode;

/** A service down or too slow: a clear French problem naming it, within the gateway's budget, never a 500. */
@GatewayTest
class ServiceFailuresTest {

    @LocalServerPort
    int port;

    @Test
    void aServiceNobodyListensForIsA503NamingIt() {
        Response response = new Gateway(port).get("/api/down/calls?status=OPEN");

        JsonNode problem = response.problem(503, "« down »", "injoignable");
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.SERVICE_INDISPONIBLE);
        assertThat(problem.path("title").asString()).isEqualTo("Service momentanément indisponible");
        assertThat(problem.path("dependency").asString()).isEqualTo("down");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/down/calls");
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void aServiceThatDoesNotAnswerWithinTheBudgetIsA504NamingIt() {
        int before = GatewayBackends.silent().connectionsAccepted();

        Response response = new Gateway(port).get("/api/slow/offers");

        JsonNode problem = response.problem(504, "« slow »", "délai");
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.DELAI_DE_REPONSE_DEPASSE);
        assertThat(problem.path("title").asString()).isEqualTo("Délai de réponse dépassé");
        assertThat(problem.path("dependency").asString()).isEqualTo("slow");
        assertThat(problem.path("detail").asString()).contains("1.0 s");
        assertThat(GatewayBackends.silent().connectionsAccepted()).as("the request did reach the service")
                .isGreaterThan(before);
    }

    @Test
    void aServiceStallingBeforeAnythingReachedTheCallerIsA504Too() {
        Response response = new Gateway(port).get("/api/stalling/exports/roadmaps.csv");

        JsonNode problem = response.problem(504, "« stalling »");
        assertThat(problem.path("dependency").asString()).isEqualTo("stalling");
        assertThat(response.header("Content-Length")).as("not the service's").isNotEqualTo("120");
        assertThat(response.headers().get("x-frame-options")).containsExactly("DENY");
    }

    @Test
    void aServiceStallingAfterPartOfItsAnswerLeftIsCutNotWaitedFor() {
        // 256 KB already went to the caller: the gateway can only cut the answer short, at the end of the budget
        assertThatThrownBy(() -> new Gateway(port).get("/api/stalling-late/exports/roadmaps.csv"))
                .isInstanceOf(UncheckedIOException.class)
                .satisfies(e -> assertThat(e.getCause()).isNotInstanceOf(HttpTimeoutException.class));
    }

    @Test
    void theDocumentOfAServiceDownIsA503Too() {
        JsonNode problem = new Gateway(port).get("/openapi/down").problem(503, "« down »");
        assertThat(problem.path("dependency").asString()).isEqualTo("down");
    }
}
