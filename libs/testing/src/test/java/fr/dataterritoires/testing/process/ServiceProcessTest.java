package fr.dataterritoires.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServiceProcess} on a real child JVM ({@link ReadinessFixture}). */
class ServiceProcessTest {

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceProcess.Builder fixture() throws Exception {
        String classes = Path.of(ReadinessFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        return ServiceProcess.mainClass("fixture", classes, ReadinessFixture.class.getName())
                .jvmOptions("-Xmx32m")
                .logFile(logs.resolve("fixture.log"))
                .startTimeout(Duration.ofSeconds(60));
    }

    @Test
    void startReturnsOnceReadyAndStopThenRestartKeepTheSamePort() throws Exception {
        int port = ServiceProcess.freePort();
        try (ServiceProcess process = fixture().httpPort(port).start()) {
            // ready means 200 on readiness, which the fixture only answers after its first half-second
            assertThat(get(process, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            long firstPid = Long.parseLong(get(process, "/pid").body());
            assertThat(process.pid()).isEqualTo(firstPid);
            assertThat(process.uri("/pid").getPort()).isEqualTo(port);

            process.stop();
            assertThat(process.isAlive()).isFalse();
            assertThatThrownBy(() -> get(process, "/pid")).isInstanceOf(IOException.class);

            process.restart();
            assertThat(process.isAlive()).isTrue();
            assertThat(Long.parseLong(get(process, "/pid").body())).isNotEqualTo(firstPid);
            assertThatThrownBy(process::restart).isInstanceOf(IllegalStateException.class);
            assertThat(Files.readString(process.log())).contains("fixture: listening on " + port);
        }
    }

    @Test
    void pauseLeavesConnectionsUnansweredUntilResumeAndKillEndsItAtOnce() throws Exception {
        try (ServiceProcess process = fixture().httpPort(ServiceProcess.freePort()).start()) {
            process.pause();
            // the kernel still accepts the connection; nobody answers: the client's own timeout ends the wait
            HttpRequest pid = HttpRequest.newBuilder(process.uri("/pid")).timeout(Duration.ofSeconds(1)).GET().build();
            assertThatThrownBy(() -> http.send(pid, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
            process.resume();
            assertThat(get(process, "/pid").body()).isEqualTo(String.valueOf(process.pid()));

            ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
            process.kill();
            assertThat(handle.isAlive()).isFalse();
            assertThat(process.isAlive()).isFalse();
            assertThat(Files.readString(process.log())).doesNotContain("fixture: stopping"); // no shutdown hook ran
            process.restart();
            assertThat(get(process, "/pid").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeStopsAPausedProcessWithoutWaitingForTheKill() throws Exception {
        ServiceProcess process = fixture().httpPort(ServiceProcess.freePort()).start();
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        process.pause();
        long start = System.nanoTime();
        process.close();
        assertThat(handle.isAlive()).isFalse();
        // resumed first, so SIGTERM acts at once rather than after the 20 s before SIGKILL
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(Files.readString(process.log())).contains("fixture: stopping");
    }

    @Test
    void closeStopsTheProcess() throws Exception {
        ServiceProcess process = fixture().httpPort(ServiceProcess.freePort()).start();
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        process.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aServiceExitingWhileStartingFailsWithTheEndOfItsLog() throws Exception {
        ServiceProcess.Builder failing = fixture().httpPort(ServiceProcess.freePort()).argument("--fail-at-start");
        assertThatThrownBy(failing::start).isInstanceOf(IOException.class)
                .hasMessageContaining("exited with status 3")
                .hasMessageContaining("configuration manquante");
    }

    @Test
    void aPortAlreadyTakenFailsAtOnceInsteadOfProbingAnotherProcess() throws Exception {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ServiceProcess.Builder clash = fixture().httpPort(other.getLocalPort());
            assertThatThrownBy(clash::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP port " + other.getLocalPort() + " is already taken");
        }
        assertThat(Files.exists(logs.resolve("fixture.log"))).as("no process was started").isFalse();
    }

    @Test
    void aServiceNeverReadyFailsAfterTheTimeout() throws Exception {
        // readiness probed on a path the fixture answers 404 to
        ServiceProcess.Builder elsewhere = fixture().httpPort(ServiceProcess.freePort())
                .readinessPath("/actuator/health/nowhere").startTimeout(Duration.ofSeconds(3));
        assertThatThrownBy(elsewhere::start).isInstanceOf(IOException.class).hasMessageContaining("not ready within");
    }

    @Test
    void propertiesBecomeSpringCommandLineArgumentsAndTheIssuerIsTrusted() throws Exception {
        Path pem = logs.resolve("issuer.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
        int port = ServiceProcess.freePort();
        try (ServiceProcess process = fixture().httpPort(port).profile("local").trustIssuer("https://issuer.test", pem)
                .property("dataterritoires.events.exchange", "dataterritoires.events.test-x").start()) {
            String command = ProcessHandle.of(process.pid()).orElseThrow().info().commandLine().orElse("");
            if (!command.isEmpty()) { // not every OS exposes it
                assertThat(command).contains("--server.port=" + port, "--spring.profiles.active=local",
                        "--dataterritoires.security.issuer=https://issuer.test",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + pem.toUri(),
                        "--dataterritoires.security.dev-issuer.enabled=false",
                        "--dataterritoires.events.exchange=dataterritoires.events.test-x");
            }
        }
    }

    @Test
    void aMissingJarPropertyIsNamed() {
        assertThatThrownBy(() -> ServiceProcess.jarFromSystemProperty("dataterritoires.test.no-such-jar"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataterritoires.test.no-such-jar");
    }

    private HttpResponse<String> get(ServiceProcess process, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(process.uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
