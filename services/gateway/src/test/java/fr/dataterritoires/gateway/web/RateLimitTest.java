package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import fr.dataterritoires.gateway.GatewayProperties;
import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayBackends;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Limits per client and per route, counted in the real Redis; and, when Redis cannot be reached (the proxy in front
 * of it cut), counted in the gateway's memory with the same limits, until Redis is back.
 */
@GatewayTest
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    GatewayProperties properties;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientGetsItsBurstOnARouteThenA429ProblemWithRetryAfter() {
        Gateway gateway = new Gateway(port);
        String client = "Bearer " + Gateway.tokenOfNewClient();
        Set<String> keysBefore = redis.keys(properties.getRateLimit().getKeyPrefix() + "limited:*");

        for (int i = GatewayBackends.LIMITED_BURST - 1; i >= 0; i--) {
            Response passed = gateway.get("/api/limited/offers", "Authorization", client).ok();
            assertThat(passed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(i));
        }
        Response refused = gateway.get("/api/limited/offers", "Authorization", client);

        JsonNode problem = refused.problem(429, "« limited »");
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.TROP_DE_REQUETES);
        assertThat(problem.path("title").asString()).isEqualTo("Trop de requêtes");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // counted in Redis: one bucket more for this route
        assertThat(redis.keys(properties.getRateLimit().getKeyPrefix() + "limited:*"))
                .hasSize(keysBefore.size() + 1);
    }

    @Test
    void limitsArePerRouteAndPerClient() {
        Gateway gateway = new Gateway(port);
        String exhausted = "Bearer " + Gateway.tokenOfNewClient();
        for (int i = 0; i < GatewayBackends.LIMITED_BURST; i++) {
            gateway.get("/api/limited/offers", "Authorization", exhausted).ok();
        }
        gateway.get("/api/limited/offers", "Authorization", exhausted).problem(429);

        // the same client on another route
        gateway.get("/api/echo/offers", "Authorization", exhausted).ok();
        // another client on the same route
        gateway.get("/api/limited/offers", "Authorization", "Bearer " + Gateway.tokenOfNewClient()).ok();
    }

    @Test
    void withoutRedisTheGatewayKeepsLimitingInMemoryThenReturnsToRedis() {
        Gateway gateway = new Gateway(port);
        double localBefore = decisions("local");
        GatewayBackends.redis().cut();
        try {
            String client = "Bearer " + Gateway.tokenOfNewClient();
            for (int i = 0; i < GatewayBackends.LIMITED_BURST; i++) {
                gateway.get("/api/limited/offers", "Authorization", client).ok();
            }
            JsonNode problem = gateway.get("/api/limited/offers", "Authorization", client).problem(429);
            assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.TROP_DE_REQUETES);
            assertThat(decisions("local")).as("decisions taken in memory").isGreaterThanOrEqualTo(
                    localBefore + GatewayBackends.LIMITED_BURST + 1);
            assertThat(meters.get("dt.gateway.rate_limit.shared_store.available").gauge().value()).isZero();
        } finally {
            GatewayBackends.redis().restore();
        }
        String client = "Bearer " + Gateway.tokenOfNewClient();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            double shared = decisions("shared");
            gateway.get("/api/echo/offers", "Authorization", client).ok();
            assertThat(decisions("shared")).as("counted in Redis again").isGreaterThan(shared);
        });
        assertThat(meters.get("dt.gateway.rate_limit.shared_store.available").gauge().value()).isEqualTo(1);
    }

    private double decisions(String store) {
        return meters.find("dt.gateway.rate_limit.decisions").tag("store", store).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
