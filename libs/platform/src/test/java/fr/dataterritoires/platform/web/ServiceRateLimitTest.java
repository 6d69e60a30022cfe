package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.ratelimit.ServiceRateLimiter;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's own rate limit on REST (ADR 0018), over a real HTTP server: a burst of 3 per caller, then one request
 * every 10 s (so that no token comes back while a test sends its burst). Each test uses callers of its own, except the
 * anonymous one (the test client's address), which only {@link #healthAndMetricsAreNeverLimited()} exhausts.
 */
@TestPropertySource(properties = {
        "spring.application.name=service-de-test",
        "dataterritoires.http.rate-limit.burst-capacity=" + ServiceRateLimitTest.BURST,
        "dataterritoires.http.rate-limit.replenish-rate=0.1"})
class ServiceRateLimitTest extends AbstractWebTest {

    static final int BURST = 3;

    @Autowired
    MeterRegistry meters;

    @Test
    void aCallerGetsItsBurstThenA429ProblemWithRetryAfter() {
        String caller = newCaller();
        double refusedBefore = refusals();
        for (int i = 0; i < BURST; i++) {
            assertThat(http.get("/api/me", caller).status()).isEqualTo(200);
        }

        Http.Response refused = http.get("/api/me", caller);

        assertProblem(refused, 429, ProblemTypes.TROP_DE_REQUETES, "/api/me");
        assertThat(refused.json().path("title").asString()).isEqualTo("Trop de requêtes");
        assertThat(refused.json().path("detail").asString()).contains("« service-de-test »", "réessayez dans");
        assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refusals()).as("refusals counted").isEqualTo(refusedBefore + 1);
    }

    @Test
    void anotherCallerIsNotHeldBackByAnExhaustedOne() {
        String exhausted = newCaller();
        exhaust(exhausted, "/api/me");

        assertThat(http.get("/api/me", newCaller()).status()).isEqualTo(200);
        assertThat(http.get("/api/me", exhausted).status()).as("still refused").isEqualTo(429);
    }

    @Test
    void aRefusedCallerPassesAgainOnceTokensCameBack() {
        String caller = newCaller();
        Http.Response refused = exhaust(caller, "/api/me");
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/api/me", caller).status() == 200);
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        // anonymous callers are counted by address: the test client's, whose bucket is now empty (one token back every
        // 10 s: limited, these requests would be refused nearly all)
        exhaust(null, "/api/roadmaps/published/1");
        double refusedBefore = refusals();

        for (int i = 0; i < BURST * 2; i++) {
            assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(200);
        }
        assertThat(refusals()).as("nothing refused, nothing counted").isEqualTo(refusedBefore);
        assertThat(http.get("/api/roadmaps/published/1", newCaller()).status())
                .as("a caller with a token is counted by its subject, not by the address").isEqualTo(200);
    }

    @Test
    void theRefusalsMetricIsExposed() {
        // both series from the start, at 0 until a refusal: an alert on their rate sees them
        assertThat(http.get("/actuator/prometheus", null).body().lines()
                .filter(line -> line.startsWith("dt_rate_limit_refusals_total{")))
                .anySatisfy(line -> assertThat(line).contains("protocol=\"http\"", "application=\"service-de-test\""))
                .anySatisfy(line -> assertThat(line).contains("protocol=\"grpc\""));
    }

    /** Sends the burst (all let through), then the request past it, refused. */
    private Http.Response exhaust(String token, String path) {
        for (int i = 0; i < BURST; i++) {
            assertThat(http.get(path, token).status()).isEqualTo(200);
        }
        Http.Response refused = http.get(path, token);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        return refused;
    }

    private static String newCaller() {
        return TestKeys.trusted().mint(DevUsers.demo(Role.EVALUATOR).withSubject("appelant-" + UUID.randomUUID()));
    }

    private double refusals() {
        return meters.get(ServiceRateLimiter.REFUSALS).tag("protocol", "http").counter().count();
    }
}
