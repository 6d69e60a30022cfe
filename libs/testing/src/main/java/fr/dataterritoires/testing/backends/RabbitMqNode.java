package fr.dataterritoires.testing.backends;

import java.io.IOException;
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

import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * A RabbitMQ node of its own, run from the machine's {@code rabbitmq-server} installation, for tests that stop and
 * start the broker under a running suite (the fault scenarios). The machine's shared broker on 5672 is never touched:
 * this node has its own name, AMQP and distribution ports on loopback, data and logs under {@code dir}, no plugins,
 * its own configuration and Erlang cookie (in {@code dir/home}, which its {@code rabbitmqctl} calls share). Its
 * queues and messages are durable on disk, so {@link #stop()} then {@link #start()} is a real broker restart: what
 * was published persistently and not yet consumed is there again.
 *
 * <p>The server is started from RabbitMQ's own scripts ({@code /usr/lib/rabbitmq/bin} on Debian and Ubuntu, or the
 * directory named by {@code DT_RABBITMQ_SCRIPTS}), not from the {@code /usr/sbin} wrapper, which switches to the
 * {@code rabbitmq} user. When there is no installation, or the node does not come up, {@link #start()} fails with the
 * reason and the node's log: a test that needs it never silently skips.
 */
public final class RabbitMqNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RabbitMqNode.class);

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final String nodeName;
    private final Path dir;
    private final Path scripts;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process server;
    private int starts;

    private RabbitMqNode(String name, Path dir, Path scripts, int port, int distributionPort) throws IOException {
        this.nodeName = name + "@localhost";
        this.dir = dir;
        this.scripts = scripts;
        this.port = port;
        Path home = Files.createDirectories(dir.resolve("home"));
        Path plugins = dir.resolve("enabled_plugins");
        Files.writeString(plugins, "[].\n"); // none: the management plugin would take 15672, maybe already taken
        Path config = dir.resolve("rabbitmq.conf");
        Files.writeString(config, "# Private node of the fault scenarios (RabbitMqNode): ports come from the environment.\n"
                + "loopback_users.guest = true\n");
        Path envFile = dir.resolve("rabbitmq-env.conf");
        Files.writeString(envFile, "# Empty on purpose: the machine's /etc/rabbitmq/rabbitmq-env.conf names its own node.\n");
        environment.put("HOME", home.toString());
        environment.put("RABBITMQ_NODENAME", nodeName);
        environment.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        environment.put("RABBITMQ_NODE_PORT", String.valueOf(port));
        environment.put("RABBITMQ_DIST_PORT", String.valueOf(distributionPort));
        environment.put("RABBITMQ_MNESIA_BASE", Files.createDirectories(dir.resolve("mnesia")).toString());
        environment.put("RABBITMQ_LOG_BASE", Files.createDirectories(dir.resolve("log")).toString());
        environment.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
        environment.put("RABBITMQ_CONFIG_FILE", config.toString());
        environment.put("RABBITMQ_CONF_ENV_FILE", envFile.toString());
        environment.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        environment.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    }

    /**
     * A node named {@code name@localhost} (letters, digits and dashes) with everything under {@code dir}, on free
     * loopback ports; not started yet.
     *
     * @throws IllegalStateException when no RabbitMQ installation is found (the message says where it looked)
     */
    public static RabbitMqNode create(String name, Path dir) throws IOException {
        if (name == null || !name.matches("[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("node name: 1-60 letters, digits or dashes: " + name);
        }
        Path scripts = findScripts();
        return new RabbitMqNode(name, Files.createDirectories(dir.toAbsolutePath()), scripts, ServiceProcess.freePort(),
                ServiceProcess.freePort());
    }

    static Path findScripts() {
        List<Path> candidates = new ArrayList<>();
        String configured = BackendResolver.systemEnv("DT_RABBITMQ_SCRIPTS");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/lib/rabbitmq/bin"));
        candidates.add(Path.of("/opt/rabbitmq/sbin"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("rabbitmq-server")) && Files.isExecutable(candidate.resolve("rabbitmqctl"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("RabbitMQ is not installed on this machine: no rabbitmq-server and rabbitmqctl "
                + "scripts in " + candidates + " (install the rabbitmq-server package, or set DT_RABBITMQ_SCRIPTS to "
                + "the directory of its scripts). The broker restart scenario needs a broker of its own to restart.");
    }

    /** {@code amqp://guest:guest@127.0.0.1:<port>}: what the services get as {@code DT_AMQP_URL}. */
    public String amqpUrl() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    public String nodeName() {
        return nodeName;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        Process p = server;
        return p != null && p.isAlive();
    }

    /** Starts the node (again, on the same data) and waits until it accepts an AMQP login. */
    public synchronized RabbitMqNode start() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException(nodeName + " is already running");
        }
        Path out = dir.resolve("server-output.log");
        ProcessBuilder builder = new ProcessBuilder(scripts.resolve("rabbitmq-server").toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(out.toFile())
                        : ProcessBuilder.Redirect.appendTo(out.toFile()));
        builder.environment().putAll(environment);
        log.info("Starting RabbitMQ node {} on 127.0.0.1:{} (data and logs in {})", nodeName, port, dir);
        long started = System.nanoTime();
        server = builder.start();
        LoopbackProber prober = LoopbackProber.real();
        while (!prober.amqp("127.0.0.1", port, "guest", "guest", "/")) {
            if (!server.isAlive()) {
                throw new IllegalStateException("RabbitMQ node " + nodeName + " exited with status " + server.exitValue()
                        + " while starting; its output ends with:\n" + tail(out, 40) + "\nand its log:\n"
                        + tail(dir.resolve("log").resolve(nodeName + ".log"), 40));
            }
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                stop();
                throw new IllegalStateException("RabbitMQ node " + nodeName + " did not accept AMQP logins on port " + port
                        + " within " + START_TIMEOUT + "; its log ends with:\n"
                        + tail(dir.resolve("log").resolve(nodeName + ".log"), 40));
            }
            Thread.sleep(300);
        }
        log.info("RabbitMQ node {} up after {} ms", nodeName, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return this;
    }

    /**
     * Stops the node the way an operator does ({@code rabbitmqctl stop}: connections closed, queues and persistent
     * messages kept on disk) and waits for its process to end; killed if it is still there after 2 minutes.
     */
    public synchronized void stop() {
        Process p = server;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            CtlResult result = ctl(STOP_TIMEOUT, "stop");
            if (result.status() != 0) {
                log.warn("rabbitmqctl stop of {} answered {}: {}", nodeName, result.status(), result.output());
            }
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("RabbitMQ node {} did not stop within {}: killed", nodeName, STOP_TIMEOUT);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            log.warn("rabbitmqctl could not stop {} ({}): killed", nodeName, e.toString());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Messages ready or unacknowledged in each queue of the default virtual host, by queue name. */
    public Map<String, Long> queueDepths() throws IOException, InterruptedException {
        CtlResult result = ctl(Duration.ofMinutes(1), "list_queues", "--quiet", "--no-table-headers", "name", "messages");
        if (result.status() != 0) {
            throw new IllegalStateException("rabbitmqctl list_queues on " + nodeName + " failed: " + result.output());
        }
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String line : result.output().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[1].matches("\\d+")) {
                depths.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        return depths;
    }

    record CtlResult(int status, String output) {
    }

    private CtlResult ctl(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(scripts.resolve("rabbitmqctl").toString(), "-n", nodeName));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(dir, "rabbitmqctl", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("rabbitmqctl " + String.join(" ", arguments) + " did not end within " + timeout);
            }
            return new CtlResult(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(nothing readable at " + file + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return nodeName + " (" + amqpUrl().replace("guest:guest@", "") + ")";
    }

    /** For messages: where the node keeps its data and logs. */
    public Path dir() {
        return Objects.requireNonNull(dir);
    }
}
