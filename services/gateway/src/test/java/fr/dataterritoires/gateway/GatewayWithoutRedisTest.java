package fr.dataterritoires.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayBackends;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.process.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * The gateway as a process of its own, with its own configuration, its Redis pointing at a port nothing listens on:
 * it starts and is ready all the same, limits clients in memory, says so in its metrics and logs (JSON lines carrying
 * the trace id of each request).
 */
class GatewayWithoutRedisTest {

    private static final int BURST = 2;
    private static ServiceProcess gateway;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        gateway = ServiceProcess.mainClass("gateway-without-redis", System.getProperty("java.class.path"),
                        GatewayApplication.class.getName())
                .env("DT_REDIS_URL", "redis://127.0.0.1:" + ServiceProcess.freePort())
                .httpPort(ServiceProcess.freePort())
                .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
                .property("dataterritoires.gateway.services.limited.url", GatewayBackends.recording().url())
                .property("dataterritoires.gateway.services.limited.rate-limit.burst-capacity", BURST)
                .property("dataterritoires.gateway.services.limited.rate-limit.replenish-rate", 0.01)
                .env("DT_REPLICATION_URL", "http://127.0.0.1:" + ServiceProcess.freePort())
                .start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void withoutRedisItStartsAndLimitsEachClientInMemory() throws IOException {
        Gateway api = new Gateway(gateway.httpPort());
        String client = "Bearer " + Gateway.tokenOfNewClient();
        String traceId = HexFormat.of().formatHex(randomBytes(16));

        for (int i = 0; i < BURST; i++) {
            api.get("/api/limited/offers", "Authorization", client,
                    "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01").ok();
        }
        Response refused = api.get("/api/limited/offers", "Authorization", client);
        JsonNode problem = refused.problem(429, "« limited »");
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.TROP_DE_REQUETES);
        assertThat(refused.header("Retry-After")).isNotBlank();
        // another client still passes
        api.get("/api/limited/offers", "Authorization", "Bearer " + Gateway.tokenOfNewClient()).ok();

        String metrics = api.get("/actuator/prometheus").ok().body();
        assertThat(metrics).containsPattern("dt_gateway_rate_limit_shared_store_available\\{[^}]*} 0\\.0");
        assertThat(metrics).containsPattern(
                "dt_gateway_rate_limit_decisions_total\\{[^}]*allowed=\"false\"[^}]*store=\"local\"[^}]*} 1\\.0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String log = Files.readString(gateway.log());
            assertThat(log).contains("Redis cannot be reached for rate limits");
            assertThat(log.lines().filter(line -> line.contains("route=limited") && line.startsWith("{")))
                    .as("JSON access lines carrying the caller's trace id")
                    .anySatisfy(line -> assertThat(line).contains(traceId));
        });
    }

    @Test
    void theRoutesOfTheSuiteComeFromTheEnvironment() {
        // DT_REPLICATION_URL points at a port nothing listens on
        JsonNode problem = new Gateway(gateway.httpPort()).get("/api/replication/initiatives")
                .problem(503, "« replication »");
        assertThat(problem.path("dependency").asString()).isEqualTo("replication");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
