package fr.dataterritoires.testing.local;

import fr.dataterritoires.testing.process.ServiceProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make run}: the local backends (in this JVM, see {@link LocalBackends}), then every service of
 * {@code services/*}{@code /target/*-exec.jar} as a process of its own with the {@code local} profile, in the order
 * of their gRPC dependencies, the gateway last; waits for each readiness, prints the URLs and demo tokens, and keeps
 * everything up until Ctrl-C or SIGTERM, which stop the services first, then the backends.
 *
 * <p>Options: {@code --repo=DIR} (the repository root, default the working directory), {@code --seed=demo}
 * ({@link DemoSeed} once everything is ready), {@code --port-offset=N} (added to every HTTP and gRPC port: a second
 * suite beside a running one), {@code --database=NAME} (the services' database on the PostgreSQL server, created when
 * missing; default the server's own), {@code --run-dir=DIR} (logs, default {@code target/run-local/<time>}),
 * {@code --exit-when-ready} (stop everything once ready and seeded, for checks).
 *
 * <p>A service that fails to start: its last log lines are printed, everything stops, exit status 1.
 */
public final class LocalSuite implements AutoCloseable {

    /** A known service: its ports and the gRPC servers it calls. Unknown jars (e.g. the portal) start after. */
    record Known(String name, int http, int grpc, int wave, Map<String, String> grpcClients) {
    }

    /** Waves start in parallel inside, one after another: servers before their clients, the gateway last. */
    static final List<Known> KNOWN = List.of(
            new Known("dataset-search", 8085, 9095, 0, Map.of()),
            new Known("commons-calls", 8082, 9092, 0, Map.of()),
            new Known("exchanges", 8083, 0, 0, Map.of()),
            new Known("roadmaps", 8081, 0, 1, Map.of("DT_DATASET_SEARCH_GRPC_ADDRESS", "dataset-search")),
            new Known("replication", 8084, 9094, 1, Map.of("DT_COMMONS_CALLS_GRPC_ADDRESS", "commons-calls")),
            new Known("gateway", 8080, 0, 2, Map.of()));

    /** Ports of services that are not in {@link #KNOWN} yet but have a reserved one (charts' global.services). */
    static final Map<String, Integer> RESERVED_PORTS = Map.of("portal", 8086);

    static final List<String> ROLES = List.of("NATIONAL_COORDINATOR", "COMMITTEE_MEMBER", "MINISTRY_OFFICER",
            "FUNDER", "APPLICANT", "EVALUATOR", "AGENT", "HOST_MANAGER");

    private static final Map<String, String> ROLE_LABELS = Map.of(
            "NATIONAL_COORDINATOR", "coordination nationale",
            "COMMITTEE_MEMBER", "membre du comité de la région 84",
            "MINISTRY_OFFICER", "agent du ministère MTECT",
            "FUNDER", "financeur (SIREN 130005481)",
            "APPLICANT", "porteur de projet (SIREN 213800006)",
            "EVALUATOR", "évaluateur",
            "AGENT", "agent public (employeur SIREN 120000005)",
            "HOST_MANAGER", "administration d'accueil (SIREN 180060006)");

    private final Path repo;
    private final Path runDir;
    private final int portOffset;
    private final String database;
    private final PrintStream out;
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> httpPorts = Collections.synchronizedMap(new LinkedHashMap<>());
    /** LocalBackends in a process and session of its own (see {@link #startBackends()}). */
    private Process backendsProcess;
    /** The backends' variables every service got (DT_POSTGRES_URL, DT_AMQP_URL, DT_ELASTICSEARCH_URL and sources). */
    private final Map<String, String> backendVariables = new ConcurrentHashMap<>();
    /** Given by the caller to the backends' process and every service (see {@link #environment(Map)}). */
    private final Map<String, String> environment = new LinkedHashMap<>();
    /** Only these services, when set (see {@link #services(java.util.Collection)}). */
    private java.util.Set<String> only;
    /** The services' JVM options when set (see {@link #jvmOptions(List)}); else ServiceProcess's small defaults. */
    private List<String> jvmOptions;
    /** How long each service may take to be ready (a start, and a test's restart). */
    private Duration startTimeout = Duration.ofMinutes(4);
    /** The demo seed follows the summary: no hint about it then. */
    volatile boolean seeding;

    LocalSuite(Path repo, Path runDir, int portOffset, String database, PrintStream out) {
        this.repo = repo;
        this.runDir = runDir;
        this.portOffset = portOffset;
        this.database = database;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LocalBackends.LOGBACK_CONFIGURATION);
        }
        java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization")
                .setLevel(java.util.logging.Level.SEVERE);
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--exit-when-ready")) {
                options.put("exit-when-ready", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                System.err.println("Unknown argument " + arg);
                System.exit(2);
            }
        }
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path runDir = options.containsKey("run-dir") ? Path.of(options.get("run-dir")).toAbsolutePath()
                : repo.resolve("target/run-local/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        int offset = Integer.parseInt(options.getOrDefault("port-offset", "0"));
        String seed = options.get("seed");
        if (seed != null && !seed.isBlank() && !seed.equals("demo")) {
            System.err.println("Unknown seed " + seed + " (only: demo)");
            System.exit(2);
        }
        LocalSuite suite = new LocalSuite(repo, runDir, offset, options.get("database"), System.out);
        suite.seeding = "demo".equals(seed);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            suite.stop();
            stopped.countDown();
        }, "dt-local-suite-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            suite.start();
            if ("demo".equals(seed)) {
                suite.out.println("Seeding the demo world through the gateway...");
                DemoSeed.Report report = new DemoSeed(suite.gateway(), repo).run();
                suite.out.println(report);
            }
        } catch (Exception e) {
            System.err.println();
            System.err.println("make run FAILED: " + e.getMessage());
            System.exit(1); // the hook stops what started
            return;
        }
        if (options.containsKey("exit-when-ready")) {
            System.exit(0);
        }
        suite.out.println("Press Ctrl-C to stop everything.");
        // A service that dies while running: say which, show its log's end, stop the rest, exit non-zero.
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            Optional<ServiceProcess> dead = suite.firstDead();
            if (dead.isPresent()) {
                System.err.println();
                System.err.println("make run FAILED: " + dead.get().name() + " stopped by itself (log " + dead.get().log()
                        + "); its last lines:\n" + readableTail(dead.get().log(), 25));
                System.exit(1);
            }
        }
    }

    /**
     * A suite driven by a test (journeys, faults) rather than by {@code make run}: the same start, ports shifted by
     * {@code portOffset}, services on {@code database} (created when missing), logs in {@code runDir}. Start it with
     * {@link #start()}, close it to stop every process.
     *
     * <p>Its events stay its own on a broker other suites use too ({@code make run}, another test's suite): the services
     * publish to the exchange {@code <database>.events} and consume from queues prefixed {@code <database>.} (the
     * services' {@code dataterritoires.test.namespace}), otherwise two suites would take each other's events.
     */
    public static LocalSuite forTests(Path repo, Path runDir, int portOffset, String database, PrintStream out) {
        LocalSuite suite = new LocalSuite(repo.toAbsolutePath().normalize(), runDir.toAbsolutePath(), portOffset,
                database, out);
        suite.environment.put("DATATERRITOIRES_TEST_NAMESPACE", database);
        suite.environment.put("DATATERRITOIRES_EVENTS_EXCHANGE", database + ".events");
        return suite;
    }

    /**
     * Variables for the backends' process and every service, set before {@link #start()}. A backend's URL
     * ({@code DT_AMQP_URL}, {@code DT_POSTGRES_URL}, {@code DT_ELASTICSEARCH_URL}) is then explicit configuration, step 1
     * of the resolution order (DESIGN.md §6): e.g. the fault scenarios' own broker, which they restart. Others tune the
     * services ({@code DT_GATEWAY_RESPONSE_TIMEOUT}, Spring's relaxed names such as
     * {@code DATATERRITOIRES_GRPC_CLIENT_DEFAULTDEADLINE}). What the suite itself decides per service (ports, the
     * addresses of the other services, the development issuer) cannot be overridden this way.
     */
    public LocalSuite environment(Map<String, String> variables) {
        if (!started.isEmpty() || backendsProcess != null) {
            throw new IllegalStateException("environment(...) must be set before start()");
        }
        environment.putAll(variables);
        return this;
    }

    /**
     * How long each service may take to become ready, at start and when a test restarts it (default 4 minutes): a
     * machine shared by several suites may need more. Before {@link #start()}.
     */
    public LocalSuite startTimeout(Duration timeout) {
        if (!started.isEmpty()) {
            throw new IllegalStateException("startTimeout(...) must be set before start()");
        }
        this.startTimeout = java.util.Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * The JVM options of every service instead of {@code ServiceProcess}'s quick-start defaults (small heap, serial GC,
     * C1 only): e.g. a benchmark runs them as production does. Before {@link #start()}.
     */
    public LocalSuite jvmOptions(List<String> options) {
        if (!started.isEmpty()) {
            throw new IllegalStateException("jvmOptions(...) must be set before start()");
        }
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /**
     * Starts only these services (their jars must be built), in their usual waves: a test that breaks some services
     * needs them and their callers, not the whole suite. Before {@link #start()}.
     */
    public LocalSuite services(java.util.Collection<String> names) {
        if (!started.isEmpty()) {
            throw new IllegalStateException("services(...) must be set before start()");
        }
        this.only = java.util.Set.copyOf(names);
        return this;
    }

    /** A started service by name (dataset-search, roadmaps, commons-calls, exchanges, replication, gateway, portal). */
    public ServiceProcess service(String name) {
        return started.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no started service " + name + " (started: "
                        + started.stream().map(ServiceProcess::name).toList() + ")"));
    }

    /** The backends' variables the services were given (URLs and which source each came from). */
    public Map<String, String> backends() {
        return Map.copyOf(backendVariables);
    }

    public int portOffset() {
        return portOffset;
    }

    public Path runDir() {
        return runDir;
    }

    @Override
    public void close() {
        stop();
    }

    /** A started service whose process has ended, unless the suite is stopping. */
    synchronized Optional<ServiceProcess> firstDead() {
        return started.stream().filter(p -> !p.isAlive()).findFirst();
    }

    public URI gateway() {
        return URI.create("http://127.0.0.1:" + httpPorts.get("gateway"));
    }

    public void start() throws Exception {
        Files.createDirectories(runDir);
        Map<String, Path> jars = findJars(repo);
        if (jars.isEmpty()) {
            throw new IllegalStateException("no services/*/target/*-exec.jar: run 'make build' first");
        }
        if (only != null) {
            List<String> missing = only.stream().filter(name -> !jars.containsKey(name)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no executable jar for " + missing + " under services/*/target: run "
                        + "'make build' first");
            }
            jars.keySet().retainAll(only);
        }
        List<List<Known>> waves = plan(jars.keySet());
        // Before anything starts: a port taken (often another make run) would only show deep in a service's log.
        for (List<Known> wave : waves) {
            for (Known k : wave) {
                for (int port : new int[] {k.http(), k.grpc()}) {
                    if (port > 0 && listening(port + portOffset)) {
                        throw new IllegalStateException("port " + (port + portOffset) + " (" + k.name()
                                + ") is already in use: another make run? Stop it, or shift every port with "
                                + "DT_RUN_PORT_OFFSET=1000.");
                    }
                }
            }
        }
        out.println("make run: logs in " + runDir);
        Map<String, String> backends = startBackends();
        if (database != null && !database.isBlank()) {
            backends.put("DT_POSTGRES_URL", ensureDatabase(backends, database));
        }
        backendVariables.putAll(backends);
        out.println("  PostgreSQL     " + backends.get("DT_POSTGRES_URL") + "  (" + backends.get("DT_POSTGRES_SOURCE") + ")");
        out.println("  AMQP broker    " + backends.get("DT_AMQP_URL").replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@")
                + "  (" + backends.get("DT_AMQP_SOURCE") + ")");
        out.println("  Elasticsearch  " + backends.get("DT_ELASTICSEARCH_URL") + "  (" + backends.get("DT_ELASTICSEARCH_SOURCE") + ")");

        for (List<Known> wave : waves) {
            startWave(wave, jars, backends);
        }
        printSummary();
    }

    /**
     * The waves of start for these service names: known ones by their wave (servers before clients, gateway last),
     * then every other one (e.g. the portal) on its reserved port, else from 8087 on, in name order.
     */
    static List<List<Known>> plan(java.util.Collection<String> names) {
        List<List<Known>> waves = new ArrayList<>();
        for (Known k : KNOWN) {
            while (waves.size() <= k.wave()) {
                waves.add(new ArrayList<>());
            }
            if (names.contains(k.name())) {
                waves.get(k.wave()).add(k);
            }
        }
        List<Known> others = new ArrayList<>();
        int next = 8087;
        for (String name : new java.util.TreeSet<>(names)) {
            if (KNOWN.stream().noneMatch(k -> k.name().equals(name))) {
                int port = RESERVED_PORTS.containsKey(name) ? RESERVED_PORTS.get(name) : next++;
                others.add(new Known(name, port, 0, 3, Map.of()));
            }
        }
        waves.add(others);
        return waves;
    }

    private void startWave(List<Known> wave, Map<String, Path> jars, Map<String, String> backends) throws Exception {
        if (wave.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(wave.size());
        try {
            List<Future<ServiceProcess>> futures = new ArrayList<>();
            for (Known k : wave) {
                futures.add(pool.submit(() -> startOne(k, jars.get(k.name()), backends)));
            }
            Exception failure = null;
            for (Future<ServiceProcess> f : futures) {
                try {
                    started.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? (Exception) e.getCause() : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    private ServiceProcess startOne(Known k, Path jar, Map<String, String> backends) throws Exception {
        int http = k.http() + portOffset;
        ServiceProcess.Builder b = ServiceProcess.builder(k.name(), jar);
        environment.forEach(b::env); // first: what follows is the suite's own decision and wins
        if (jvmOptions != null) {
            b.jvmOptions(jvmOptions.toArray(String[]::new));
        }
        b.profile("local")
                .httpPort(http)
                .logFile(runDir.resolve(k.name() + ".log"))
                .startTimeout(startTimeout)
                // one key for every process: tokens minted by any of them are trusted by all (ADR 0005)
                .env("DT_DEV_ISSUER_DIR", repo.resolve(".dt-local/dev-issuer").toString())
                .env("DT_HTTP_PORT", String.valueOf(http));
        backends.forEach(b::env);
        if (k.grpc() > 0) {
            b.property("spring.grpc.server.port", k.grpc() + portOffset);
            b.env("DT_GRPC_PORT", String.valueOf(k.grpc() + portOffset));
        }
        k.grpcClients().forEach((variable, server) -> {
            int port = KNOWN.stream().filter(s -> s.name().equals(server)).findFirst().orElseThrow().grpc();
            b.env(variable, "static://127.0.0.1:" + (port + portOffset));
        });
        for (Known s : KNOWN) {
            if (s.wave() < 2) {
                b.env("DT_" + s.name().toUpperCase().replace('-', '_') + "_URL",
                        "http://127.0.0.1:" + (s.http() + portOffset));
            }
        }
        b.env("DT_GATEWAY_URL", "http://127.0.0.1:" + (8080 + portOffset));
        int portal = RESERVED_PORTS.get("portal") + portOffset;
        b.env("DT_CORS_ALLOWED_ORIGINS", "http://localhost:" + portal + ",http://127.0.0.1:" + portal);
        out.println("  starting " + k.name() + " on :" + http + (k.grpc() > 0 ? " (gRPC :" + (k.grpc() + portOffset) + ")" : ""));
        try {
            ServiceProcess p = b.start();
            httpPorts.put(k.name(), http);
            out.println("  ready    " + k.name() + " (pid " + p.pid() + ")");
            return p;
        } catch (IOException e) {
            Path log = runDir.resolve(k.name() + ".log");
            throw new IllegalStateException(k.name() + " did not start: " + e.getMessage().lines().findFirst().orElse("")
                    + "\nFull log: " + log + "\nIts last lines:\n" + readableTail(log, 25), e);
        }
    }

    /**
     * The backends run in a JVM of their own (LocalBackends), not in this one: the embedded engines register their own
     * shutdown hooks, and the JVM runs hooks concurrently, so in-process they would stop while the services still
     * use them. In a session of its own (setsid) the terminal's Ctrl-C does not reach that process either: this
     * launcher stops it, after the services.
     */
    private Map<String, String> startBackends() throws Exception {
        Path envFile = runDir.resolve("backends.env");
        Path log = runDir.resolve("backends.log");
        Files.deleteIfExists(envFile);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalBackends.class.getName(), "--env-file=" + envFile));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment); // e.g. DT_AMQP_URL: explicit configuration, resolution step 1
        backendsProcess = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.exists(envFile)) {
            if (!backendsProcess.isAlive()) {
                throw new IllegalStateException("the backends did not start (log " + log + "):\n" + readableTail(log, 25));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backends were not up within 5 minutes (log " + log + ")");
            }
            Thread.sleep(200);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (line.startsWith("DT_") && eq > 0) {
                // written as NAME='value' with ' as '\''
                String value = line.substring(eq + 1);
                value = value.substring(1, value.length() - 1).replace("'\\''", "'");
                variables.put(line.substring(0, eq), value);
            }
        }
        return variables;
    }

    static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket()) {
            ignored.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The end of a service's log, its JSON lines (ECS) shown as "LEVEL logger: message" with the error's first lines. */
    static String readableTail(Path log, int lines) {
        List<String> all;
        try {
            all = Files.readAllLines(log);
        } catch (IOException | RuntimeException e) {
            return "  (no log: " + e + ")";
        }
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        StringBuilder text = new StringBuilder();
        for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
            String shown = line;
            if (line.startsWith("{")) {
                try {
                    tools.jackson.databind.JsonNode n = json.readTree(line);
                    String logger = n.path("log").path("logger").asString("");
                    shown = n.path("log").path("level").asString("") + " "
                            + logger.substring(logger.lastIndexOf('.') + 1) + ": " + n.path("message").asString("").strip();
                    String error = n.path("error").path("message").asString("");
                    if (!error.isBlank()) {
                        shown += "\n      " + error.lines().limit(3).reduce((a, b) -> a + "\n      " + b).orElse("");
                    }
                } catch (RuntimeException unreadable) {
                    // not JSON after all: shown as is
                }
            }
            text.append("  ").append(shown).append('\n');
        }
        return text.toString();
    }

    static Map<String, Path> findJars(Path repo) throws IOException {
        Map<String, Path> jars = new TreeMap<>();
        Path services = repo.resolve("services");
        if (!Files.isDirectory(services)) {
            return jars;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(services, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path target = dir.resolve("target");
                if (!Files.isDirectory(target)) {
                    continue;
                }
                try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*-exec.jar")) {
                    for (Path jar : found) {
                        jars.put(dir.getFileName().toString(), jar);
                    }
                }
            }
        }
        return jars;
    }

    private String ensureDatabase(Map<String, String> backends, String name) throws Exception {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--database: lower-case letters, digits and _ only: " + name);
        }
        String url = backends.get("DT_POSTGRES_URL");
        try (Connection c = DriverManager.getConnection(url, backends.get("DT_POSTGRES_USER"),
                backends.get("DT_POSTGRES_PASSWORD")); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!r.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        }
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected PostgreSQL URL " + url);
        }
        return m.group(1) + name + m.group(3);
    }

    private void printSummary() {
        String gw = gateway().toString();
        out.println();
        out.println("==================================================================================");
        out.println(" data-territoires is running. Open:");
        out.println("==================================================================================");
        out.printf("  %-16s %s%n", "gateway (API)", gw + "/api/<service>/...   e.g. " + gw + "/api/roadmaps/governance/committees");
        out.printf("  %-16s %s%n", "API docs", gw + "/api-docs");
        Map<String, Integer> ports = new LinkedHashMap<>();
        KNOWN.stream().filter(k -> httpPorts.containsKey(k.name())).sorted(java.util.Comparator.comparing(Known::http))
                .forEach(k -> ports.put(k.name(), httpPorts.get(k.name())));
        synchronized (httpPorts) {
            httpPorts.forEach(ports::putIfAbsent);
        }
        {
            ports.forEach((name, port) -> {
                if (!name.equals("gateway")) {
                    String where = "http://127.0.0.1:" + port;
                    out.printf("  %-16s %s%n", name, KNOWN.stream().anyMatch(k -> k.name().equals(name))
                            ? where + "  (through the gateway: " + gw + "/api/" + name + "/...)" : where);
                }
            });
        }
        out.printf("  %-16s %s%n", "logs", runDir);
        out.println();
        out.println(" Demo tokens (8 h, development issuer; more: make token ROLE=... or " + gw
                + "/dev-issuer/token?role=...):");
        HttpClient http = HttpClient.newHttpClient();
        for (String role : ROLES) {
            String token;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw + "/dev-issuer/token?role="
                        + URLEncoder.encode(role, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                token = m.find() ? m.group(1) : "(unavailable: HTTP " + r.statusCode() + ")";
            } catch (IOException | InterruptedException e) {
                token = "(unavailable: " + e + ")";
            }
            out.println("  " + role + " — " + ROLE_LABELS.get(role));
            out.println("    export TOKEN_" + role + "=" + token);
        }
        out.println();
        out.println(" Try:  curl -H \"Authorization: Bearer $TOKEN_NATIONAL_COORDINATOR\" " + gw
                + "/api/roadmaps/governance/committees");
        if (!seeding) {
            out.println(" Empty? make run SEED=demo loads a demo world (committees, calls, offers, initiatives, datasets).");
        }
        out.println("==================================================================================");
        out.flush();
    }

    /** Services in reverse order of start (the gateway first), then the backends. */
    public synchronized void stop() {
        if (started.isEmpty() && backendsProcess == null) {
            return;
        }
        out.println();
        out.println("make run: stopping the services...");
        List<ServiceProcess> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (ServiceProcess p : reverse) {
            p.close();
        }
        started.clear();
        if (backendsProcess != null) {
            out.println("make run: stopping the backends...");
            if (!ServiceProcess.terminate(backendsProcess, Duration.ofSeconds(60))) {
                out.println("make run: the backends did not stop within 60 s: killed");
            }
            backendsProcess = null;
        }
        out.println("make run: stopped.");
        out.flush();
    }
}
