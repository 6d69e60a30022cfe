package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets from the platform defaults for operations: Kubernetes probes, Prometheus
 * metrics tagged with the application, W3C trace propagation into structured JSON logs, and an
 * OpenAPI 3.1 document generated from the controllers.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "spring.application.name=platform-web-test")
@Import(ObservabilityTest.RecordedObservations.class)
class ObservabilityTest extends AbstractWebTest {

    /** The name of every observation the service starts, in order. */
    @TestConfiguration
    static class RecordedObservations {

        static final List<String> NAMES = new CopyOnWriteArrayList<>();

        @Bean
        ObservationHandler<Observation.Context> recordingObservationHandler() {
            return new ObservationHandler<>() {
                @Override
                public void onStart(Observation.Context context) {
                    NAMES.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void livenessAndReadinessProbesAnswerAnonymously() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Http.Response response = http.get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesRequestMetricsTaggedWithTheApplication() {
        http.get("/api/roadmaps/published/42", null);

        Http.Response response = http.get("/actuator/prometheus", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{")
                .contains("application=\"platform-web-test\"")
                .contains("uri=\"/api/roadmaps/published/{id}\"");
    }

    @Test
    void anIncomingTraceIsContinuedAndItsIdsAreInTheJsonLogs(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpRequest request = http.request("/api/boom", token(fr.dataterritoires.platform.security.Role.NATIONAL_COORDINATOR))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET().build();

        Http.Response response = http.send(request);

        assertThat(response.status()).isEqualTo(500);
        // the error is logged server-side as one JSON object carrying the caller's trace id
        JsonNode logLine = output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains(traceId))
                .map(JSON::readTree)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line with the trace id in:\n" + output.getOut()));
        assertThat(logLine.path("@timestamp").asString()).isNotBlank();
        assertThat(logLine.path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(logLine.path("service").path("name").asString()).isEqualTo("platform-web-test");
        assertThat(logLine.path("traceId").asString()).isEqualTo(traceId);
        assertThat(logLine.path("spanId").asString()).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void theOpenApiDocumentIsGeneratedFromTheControllers() {
        Http.Response response = http.get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.1");
        assertThat(response.json().path("paths").has("/api/roadmaps/published/{id}")).isTrue();
    }

    @Test
    void anAuthenticatedRequestIsObservedAsAWholeNotFilterByFilter() {
        RecordedObservations.NAMES.clear();

        Http.Response response = http.get("/api/me", token(fr.dataterritoires.platform.security.Role.NATIONAL_COORDINATOR));

        assertThat(response.status()).isEqualTo(200);
        // the request's own observation (its metrics and span), none of Spring Security's filter chain, token check
        // and authorization: those cost more CPU than the token check itself (issue 10 §5)
        assertThat(RecordedObservations.NAMES).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
