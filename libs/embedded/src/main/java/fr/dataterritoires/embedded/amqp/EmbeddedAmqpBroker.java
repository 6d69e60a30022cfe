package fr.dataterritoires.embedded.amqp;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * An AMQP 0-9-1 broker (Qpid Broker-J) running inside this JVM, reachable by the RabbitMQ Java
 * client and Spring AMQP: one in-memory virtual host {@code default}, which the virtual hosts
 * {@code /} and {@code default} both reach, user {@code guest}/{@code guest} over PLAIN, listening
 * on 127.0.0.1 only. Nothing survives {@link #close()}.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";
    /** RabbitMQ clients ask for "/" by default; Qpid strips the slash and lands on the default node. */
    public static final String VIRTUAL_HOST = "/";

    private final SystemLauncher launcher;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final int port;
    private volatile boolean closed;

    private EmbeddedAmqpBroker(SystemLauncher launcher, Path workDir, boolean ownsWorkDir, int port) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.port = port;
    }

    /** Starts a broker on a free port, working in a temporary directory deleted at close. */
    public static EmbeddedAmqpBroker start() {
        try {
            return start(Files.createTempDirectory("dt-qpid-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on the given port (0 = a free one), working in {@code workDir}. */
    public static EmbeddedAmqpBroker start(Path workDir, int port) {
        return start(workDir, port, false);
    }

    private static EmbeddedAmqpBroker start(Path workDir, int port, boolean ownsWorkDir) {
        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                systemConfig.set(config);
            }
        });
        try {
            Files.createDirectories(workDir);
            Path initialConfig = workDir.resolve("initial-config.json");
            Files.writeString(initialConfig, initialConfiguration(port));

            Map<String, Object> context = new HashMap<>();
            context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
            context.put("qpid.home_dir", workDir.toAbsolutePath().toString());
            // No preferences to persist for an in-memory broker.
            context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");

            Map<String, Object> attributes = new HashMap<>();
            attributes.put(SystemConfig.TYPE, "Memory");
            attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, initialConfig.toUri().toURL().toExternalForm());
            attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
            attributes.put(SystemConfig.CONTEXT, context);
            launcher.startup(attributes);

            int bound = boundAmqpPort(systemConfig.get());
            return new EmbeddedAmqpBroker(launcher, workDir, ownsWorkDir, bound);
        } catch (Exception e) {
            try {
                launcher.shutdown();
            } catch (RuntimeException ignored) {
                // The start failure is what the caller needs to see.
            }
            throw new IllegalStateException("embedded AMQP broker (Qpid Broker-J) did not start", e);
        }
    }

    private static int boundAmqpPort(SystemConfig<?> systemConfig) {
        if (systemConfig == null) {
            throw new IllegalStateException("Qpid did not expose its system configuration");
        }
        Broker<?> broker = (Broker<?>) systemConfig.getContainer(Broker.class);
        for (Port<?> port : broker.getPorts()) {
            if (port instanceof AmqpPort<?> amqp && amqp.getBoundPort() > 0) {
                return amqp.getBoundPort();
            }
        }
        throw new IllegalStateException("Qpid has no bound AMQP port");
    }

    static String initialConfiguration(int port) {
        // PLAIN is "secure only" by default (TLS); the broker only ever listens on loopback.
        return """
                {
                  "name": "dt-embedded",
                  "modelVersion": "9.0",
                  "authenticationproviders": [ {
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [ { "name": "%s", "type": "managed", "password": "%s" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP",
                    "type": "AMQP",
                    "port": %d,
                    "bindingAddress": "127.0.0.1",
                    "protocols": [ "AMQP_0_9_1" ],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" },
                      { "name": "hostnameAlias", "type": "hostnameAlias" }
                    ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": "default",
                    "type": "Memory",
                    "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                  } ]
                }
                """.formatted(USERNAME, PASSWORD, port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public String virtualHost() {
        return VIRTUAL_HOST;
    }

    /** {@code amqp://guest:guest@127.0.0.1:<port>/%2F} */
    public String uri() {
        return "amqp://" + USERNAME + ":" + PASSWORD + "@" + host() + ":" + port + "/"
                + URLEncoder.encode(VIRTUAL_HOST, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        launcher.shutdown();
        if (ownsWorkDir) {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
