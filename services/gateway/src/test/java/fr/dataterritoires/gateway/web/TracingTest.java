package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayBackends;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.gateway.support.RecordingService;

/** The caller's trace goes on to the service (W3C traceparent), and the gateway's log line carries its id. */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

    private static final String MARKER = "X-Test-Marker";

    @LocalServerPort
    int port;

    @Test
    void theTraceOfTheCallerFollowsTheRequestToTheServiceAndIntoTheLogs(CapturedOutput output) {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String marker = UUID.randomUUID().toString();

        new Gateway(port).get("/api/echo/trace-me", "traceparent", "00-" + traceId + "-" + callerSpan + "-01",
                MARKER, marker).ok();

        List<RecordingService.Received> received = GatewayBackends.recording().receivedWith(MARKER, marker);
        assertThat(received).hasSize(1);
        String forwarded = received.getFirst().header("traceparent");
        assertThat(forwarded).startsWith("00-" + traceId + "-");
        assertThat(forwarded).as("the gateway's own span is the service's parent").doesNotContain(callerSpan);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("/api/echo/trace-me") && line.contains("route=echo")))
                .anySatisfy(line -> assertThat(line).contains(traceId)));
    }

    @Test
    void aRequestWithoutTraceStartsOneThatTheServiceReceives() {
        String marker = UUID.randomUUID().toString();

        new Gateway(port).get("/api/echo/no-trace", MARKER, marker).ok();

        String forwarded = GatewayBackends.recording().receivedWith(MARKER, marker).getFirst().header("traceparent");
        assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
