package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dataterritoires.testing.backends.Backends;

/**
 * A service of the suite run as production runs it — its executable jar ({@code <name>-<version>-exec.jar}) in a JVM
 * of its own — for tests that must talk to the real thing over real sockets (a gRPC dependency, the end-to-end
 * journeys). The test decides everything the service needs to know through its command line and environment:
 *
 * <pre>{@code
 * try (ServiceProcess search = ServiceProcess.builder("dataset-search", jar)
 *         .profile("local")
 *         .env("DT_POSTGRES_URL", database).env("DT_AMQP_URL", amqp).env("DT_ELASTICSEARCH_URL", elasticsearch)
 *         .httpPort(ServiceProcess.freePort()).property("spring.grpc.server.port", grpcPort)
 *         .trustIssuer(TestIssuer.ISSUER, TestIssuer.PUBLIC_PEM)
 *         .start()) {
 *     ... search.uri("/api/datasets") ...
 * }
 * }</pre>
 *
 * {@link Builder#start()} returns once {@code /actuator/health/readiness} answers 200 on the HTTP port (or fails with
 * the end of the service's log when it exits or is not ready in time). The process always stops: on {@link #close()},
 * and from a shutdown hook if the test JVM dies first. Its output goes to a log file ({@link #log()}, under
 * {@code target/service-logs/} by default). {@link #stop()} then {@link #restart()} reuse the same command line,
 * hence the same ports: what a client sees when a dependency goes down and comes back.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int httpPort;
    private final String readinessPath;
    private final Duration startTimeout;
    private final HttpClient http;
    private final Thread hook;
    private volatile Process process;
    private volatile boolean paused;
    private int starts;

    private ServiceProcess(Builder b, List<String> command) {
        this.name = b.name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(b.environment);
        this.logFile = b.logFile != null ? b.logFile
                : Path.of("target", "service-logs", b.name + "-" + ProcessHandle.current().pid() + ".log");
        this.httpPort = b.httpPort;
        this.readinessPath = b.readinessPath;
        this.startTimeout = b.startTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.hook = new Thread(this::stop, "service-process-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * A service launched from its executable jar with the JVM running the tests ({@code java.home}).
     *
     * @param name a short name for logs and the log file, e.g. {@code dataset-search}
     */
    public static Builder builder(String name, Path executableJar) {
        Objects.requireNonNull(executableJar, "executableJar");
        return new Builder(name, executableJar, null, null);
    }

    /** A JVM running {@code mainClass} from {@code classpath} (fixtures and tests of this class itself). */
    public static Builder mainClass(String name, String classpath, String mainClass) {
        return new Builder(name, null, Objects.requireNonNull(classpath, "classpath"),
                Objects.requireNonNull(mainClass, "mainClass"));
    }

    /** A TCP port free on the loopback interface at the time of the call. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The executable jar named by the system property {@code property} (typically set by surefire from the Maven
     * dependency on the {@code exec} artifact); fails clearly when it is missing.
     */
    public static Path jarFromSystemProperty(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " does not name the executable jar "
                    + "(run the tests through Maven, after the service's module was packaged): " + value);
        }
        Path jar = Path.of(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar at " + jar + " (" + property + ")");
        }
        return jar;
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:<http port><pathAndQuery>} */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
    }

    public Path log() {
        return logFile;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return p.pid();
    }

    /** Starts the process again after {@link #stop()}, with the same command line (same ports), and waits until ready. */
    public ServiceProcess restart() throws IOException, InterruptedException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    private void launch() throws IOException, InterruptedException {
        requirePortFree();
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(logFile.toFile())
                : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        log.info("Starting {} (log {}): {}", name, logFile.toAbsolutePath(), command);
        long started = System.nanoTime();
        process = builder.start();
        try {
            awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        log.info("{} ready on HTTP port {} (pid {}) after {} ms", name, httpPort, process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Readiness is probed on the HTTP port: a process already listening there (another suite on the same ports, a
     * service left running) would answer for this one, which would then fail to bind unnoticed, and the caller would
     * talk to the other process (a benchmark did, getting 401s from another suite's token issuer).
     */
    private void requirePortFree() throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 500);
        } catch (IOException refused) {
            return; // nobody listens: the port is free for this process
        }
        throw new IOException(name + ": HTTP port " + httpPort + " is already taken by another process; stop it or "
                + "choose other ports");
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        URI readiness = uri(readinessPath);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue()
                        + " while starting; its log ends with:\n" + tail(80));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not ready within " + startTimeout + " (" + readiness
                + "); its log ends with:\n" + tail(80));
    }

    /** The last lines of the log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * SIGKILL ({@code kill -9}), as a crash or the kernel's OOM killer would: no shutdown hook, no graceful stop, no
     * ack of what it was handling. Returns once the process is gone; {@link #restart()} brings it back.
     */
    public void kill() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            log.info("Killing {} (pid {}) with SIGKILL", name, p.pid());
            p.destroyForcibly(); // SIGKILL on Unix
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") still alive 30 s after SIGKILL");
            }
        }
        paused = false;
    }

    /**
     * SIGSTOP: the process keeps its listening sockets, so the kernel still accepts connections to it, but it answers
     * nothing (a service stuck in a pause, a saturated host) until {@link #resume()}.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}: it goes on where it was. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
        paused = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long pid = pid();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " (" + name + ") failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
        log.info("{} (pid {}) sent SIG{}", name, pid, signal);
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after 20 s. Does nothing when already stopped. */
    public void stop() {
        Process p = process;
        if (paused && p != null && p.isAlive()) {
            try {
                resume(); // a stopped process would only act on SIGTERM once continued
            } catch (IOException | InterruptedException | RuntimeException e) {
                log.warn("could not resume {} before stopping it: {}", name, e.toString());
            }
        }
        if (p != null && p.isAlive() && !terminate(p, Duration.ofSeconds(20))) {
            log.warn("{} (pid {}) did not stop within 20 s: killed", name, p.pid());
        }
    }

    /**
     * Stops a process the way an orchestrator does: SIGTERM (so Spring Boot shuts down gracefully), then SIGKILL if it
     * is still alive after {@code grace}. Returns whether it stopped by itself.
     */
    public static boolean terminate(Process p, Duration grace) {
        if (!p.isAlive()) {
            return true;
        }
        p.destroy();
        try {
            if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    /** What the process is started with. Properties become {@code --name=value} arguments (Spring Boot's command line). */
    public static final class Builder {

        private final String name;
        private final Path jar;
        private final String classpath;
        private final String mainClass;
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logFile;
        private int httpPort;
        private String readinessPath = "/actuator/health/readiness";
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder(String name, Path jar, String classpath, String mainClass) {
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("name: 1-100 characters of [A-Za-z0-9._-]: " + name);
            }
            this.name = name;
            this.jar = jar;
            this.classpath = classpath;
            this.mainClass = mainClass;
        }

        /** Replaces the default JVM options (a small heap, serial GC, C1 only: quick starts on a small machine). */
        public Builder jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** A Spring property, passed as {@code --name=value}. */
        public Builder property(String name, Object value) {
            properties.put(name, String.valueOf(value));
            return this;
        }

        /** A plain program argument (for non-Spring mains). */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * The backends the tests resolved (libs/testing {@code Backends}): a PostgreSQL database of its own, created
         * now ({@code databasePrefix} and a random suffix), the broker, and a namespace of its own
         * ({@code dataterritoires.test.namespace}: exchange, queues, index), so that nothing it publishes or consumes
         * reaches another test's service.
         */
        public Builder onTestBackends(String databasePrefix) {
            byte[] random = new byte[6];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
            String namespace = "dt-test-" + java.util.HexFormat.of().formatHex(random);
            return env("DT_POSTGRES_URL", Backends.postgres().createDatabase(databasePrefix))
                    .env("DT_POSTGRES_USER", Backends.postgres().username())
                    .env("DT_POSTGRES_PASSWORD", Backends.postgres().password())
                    .env("DT_AMQP_URL", Backends.amqp().uri())
                    .property("dataterritoires.test.namespace", namespace)
                    .property("dataterritoires.events.exchange", "dataterritoires.events." + namespace);
        }

        /** {@code spring.profiles.active}. */
        public Builder profile(String profiles) {
            return property("spring.profiles.active", profiles);
        }

        /**
         * The HTTP port ({@code server.port}): readiness is probed there. Call with {@link ServiceProcess#freePort()}.
         */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return property("server.port", port);
        }

        /**
         * Trusts the tokens of a stand-in issuer, exactly as production trusts Keycloak's: its name and its public
         * key (PEM file); no development issuer.
         */
        public Builder trustIssuer(String issuer, Path publicKeyPem) {
            property("dataterritoires.security.issuer", issuer);
            property("spring.security.oauth2.resourceserver.jwt.public-key-location",
                    publicKeyPem.toAbsolutePath().toUri());
            return property("dataterritoires.security.dev-issuer.enabled", false);
        }

        public Builder readinessPath(String path) {
            this.readinessPath = path;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** What is done with a process once started (seeding it through its API), giving what the caller keeps. */
        public interface Then<T> {
            T apply(ServiceProcess started) throws IOException, InterruptedException;
        }

        /** Starts it, then {@code then}; should that fail, the process is stopped before the failure goes on. */
        public <T> T startThen(Then<T> then) throws IOException, InterruptedException {
            ServiceProcess process = start();
            try {
                return then.apply(process);
            } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
                process.close();
                throw e;
            }
        }

        /** Starts the process and waits until it is ready; {@link #close()} it (try-with-resources, {@code @AfterAll}). */
        public ServiceProcess start() throws IOException, InterruptedException {
            if (httpPort <= 0) {
                throw new IllegalStateException("httpPort(...) is required: readiness is probed on it");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            if (jar != null) {
                command.add("-jar");
                command.add(jar.toAbsolutePath().toString());
            } else {
                command.add("-cp");
                command.add(classpath);
                command.add(mainClass);
            }
            command.addAll(arguments);
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            ServiceProcess process = new ServiceProcess(this, command);
            try {
                process.launch();
            } catch (IOException | InterruptedException | RuntimeException e) {
                process.close();
                throw e;
            }
            return process;
        }
    }
}
