package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.gateway.support.RealRoadmaps;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

/** The real roadmaps (its executable jar, a process of its own) behind the gateway. */
@GatewayTest
class RealServiceTest {

    @LocalServerPort
    int port;

    @Test
    void theRelayedTokenIsTheOneTheServiceAuthorises() {
        RealRoadmaps.process();
        Gateway gateway = new Gateway(port);

        JsonNode committees = gateway.get("/api/roadmaps/governance/committees",
                "Authorization", "Bearer " + TestIssuer.token(Role.NATIONAL_COORDINATOR)).ok().json();
        assertThat(committees.isArray() || committees.isObject()).isTrue();

        // anonymous at the gateway is allowed; the service itself refuses, in its own words
        JsonNode refused = gateway.get("/api/roadmaps/governance/committees").problem(401);
        assertThat(refused.path("type").asString()).isEqualTo(ProblemTypes.NON_AUTHENTIFIE);
        assertThat(refused.path("instance").asString()).as("the service's own path").isEqualTo(
                "/api/governance/committees");
    }

    @Test
    void publishedDataIsReadableAnonymouslyThroughTheGateway() {
        RealRoadmaps.process();
        new Gateway(port).get("/api/roadmaps/roadmaps").ok();
    }

    @Test
    void aRefusalOfTheServiceComesBackAsItIs() {
        RealRoadmaps.process();
        JsonNode problem = new Gateway(port).get("/api/roadmaps/roadmaps?status=NIMPORTE",
                "Authorization", "Bearer " + TestIssuer.token(Role.NATIONAL_COORDINATOR)).problem(400);
        assertThat(problem.path("type").asString()).startsWith(ProblemTypes.BASE);
    }
}
