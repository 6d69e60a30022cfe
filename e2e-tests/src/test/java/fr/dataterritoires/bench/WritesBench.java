package fr.dataterritoires.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.testing.local.LocalSuite;
import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * {@code make bench-writes} (issue 10 §1, §2, §4): the main write of each service through the gateway and straight to
 * the service against the same rows written with plain JDBC; event propagation against the broker's round trip; start-up
 * and resident memory of each service against a minimal Spring Boot web application. Writes its section of
 * docs/benchmarks.md and prints it. See {@link WritesReport#METHOD}.
 *
 * <p>Run from the repository root by scripts/bench-writes.sh, with e2e-tests' test class path.
 */
public final class WritesBench {

    static final String MINIMAL_APP = "minimal-web-app";
    static final List<String> SERVICES = List.of("dataset-search", "commons-calls", "exchanges", "roadmaps",
            "replication", "gateway");

    /**
     * The rate limits off, the gateway's and each service's own (ADR 0018): the bench is one client with a few tokens,
     * and its 64 clients straight to a service send far more than a caller's 200 requests/s; each service's pool (10
     * connections, Hikari's default) opened when needed and given back after 10 s idle instead of held at 10 from the
     * start: six services and the plain-JDBC copies stay within a shared server's connections.
     */
    static final Map<String, String> SUITE_ENVIRONMENT = Map.of("DT_RATE_LIMIT_ENABLED", "false",
            "DT_SERVICE_RATE_LIMIT_ENABLED", "false",
            "SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1", "SPRING_DATASOURCE_HIKARI_IDLETIMEOUT", "10000");

    private final WritesConfig config;
    private final WritesReport report;
    private final Path logDir;

    /** A write step: when it ran and with how many clients (to sort event samples taken meanwhile). */
    record Window(Instant start, Instant end, int clients) {
    }

    private final long started = System.nanoTime();

    private WritesBench(WritesConfig config) {
        this.config = config;
        this.report = new WritesReport(config);
        this.logDir = config.workDir().resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        WritesConfig config = WritesConfig.fromEnvironment();
        WritesBench bench = new WritesBench(config);
        long start = System.nanoTime();
        int status = 0;
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            status = 1;
            bench.report.failure = e.toString().replace('\n', ' ');
            e.printStackTrace();
        } finally {
            bench.report.runSeconds = (System.nanoTime() - start) / 1e9;
            BenchDocument.publish(config.output(), WritesReport.SECTION, bench.report.markdown(), "bench-writes");
        }
        System.exit(status);
    }

    private void run() throws Exception {
        report.machine.putAll(MachineInfo.describe());
        if (!Files.isRegularFile(config.minimalAppJar())) {
            throw new IllegalStateException("No minimal application at " + config.minimalAppJar()
                    + ": build it first (./mvnw -pl e2e-tests/minimal-web-app install -DskipTests)");
        }
        Files.createDirectories(logDir);
        String database = config.database();
        SharedSuite.dropDatabase(database);
        SharedSuite.dropDatabase(database + "_jdbc");
        log("starting the suite (database %s)...", database);
        PrintStream launcher = new PrintStream(Files.newOutputStream(logDir.resolve("launcher.log")), true);
        LocalSuite suite = LocalSuite.forTests(config.repo(), config.workDir().resolve("suite"), SharedSuite.freeOffset(),
                        database, launcher)
                .environment(SUITE_ENVIRONMENT)
                .services(SERVICES)
                .jvmOptions(config.jvmOptions())
                .startTimeout(Duration.ofMinutes(8));
        // stopped (Ctrl-C, SIGTERM) before its end: the services and the backends' process (a session of its own) too
        Thread stop = new Thread(suite::close, "bench-writes-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (suite) {
            suite.start();
            log("suite ready, gateway %s", suite.gateway());
            Map<String, String> backends = suite.backends();
            Database db = new Database(backends.get("DT_POSTGRES_URL"), backends.get("DT_POSTGRES_USER"),
                    backends.get("DT_POSTGRES_PASSWORD"));
            WriteScenarios.Tokens tokens = new WriteScenarios.Tokens(config.repo().resolve(".dt-local/dev-issuer"));
            try (Connection connection = db.connect(database);
                 EventProbe probe = new EventProbe(suite.service("roadmaps").httpPort(), tokens.coordinator(),
                         backends.get("DT_AMQP_URL"), database)) {
                eventsAtRest(probe, connection);
                writes(suite, db, connection, tokens, probe);
                checkpoint();
                if (config.reads()) {
                    reads(suite, connection, tokens);
                    checkpoint();
                }
            }
            if (config.footprint()) {
                footprint(suite, backends);
            }
        }
    }

    /** The section as measured so far, in case the run is stopped before its end (the end writes it again). */
    private void checkpoint() throws IOException {
        report.runSeconds = (System.nanoTime() - started) / 1e9;
        report.notes.add(0, "(written before the end of the run: stopped during the next phase)");
        BenchDocument.write(config.output(), WritesReport.SECTION, report.markdown());
        report.notes.remove(0);
    }

    // ------------------------------------------------------------------------------------------------ events --

    private void eventsAtRest(EventProbe probe, Connection connection) throws Exception {
        log("broker round trips at rest (%d)...", config.brokerSamples());
        report.brokerAtRest = WritesReport.Stats.of(probe.roundTrips(config.brokerSamples()).stream()
                .map(EventProbe.Sample::millis).toList());
        log("propagation at rest (%d declarations, one every %d ms)...", config.eventSamples(),
                config.eventInterval().toMillis());
        probe.declarePriorities(10, config.eventInterval()); // warm-up of both services' paths
        long mark = EventProbe.mark(connection);
        probe.declarePriorities(config.eventSamples(), config.eventInterval());
        long[] missing = new long[1];
        report.propagationAtRest = WritesReport.Stats.of(EventProbe.propagations(connection, mark, Duration.ofSeconds(60),
                missing).stream().map(EventProbe.Sample::millis).toList());
        report.propagationAtRestMissing = missing[0];
        log("  broker p99 %.1f ms, propagation p99 %.1f ms", report.brokerAtRest.p99(), report.propagationAtRest.p99());
    }

    // ------------------------------------------------------------------------------------------------ writes --

    private void writes(LocalSuite suite, Database db, Connection connection, WriteScenarios.Tokens tokens,
                        EventProbe probe) throws Exception {
        List<WriteScenarios.Scenario> scenarios = new ArrayList<>();
        for (WriteScenarios.Scenario s : WriteScenarios.all(tokens)) {
            String key = s instanceof WriteScenarios.InnovationLevies ? "preciput" : s.service();
            if (config.scenarios().contains(key)) {
                scenarios.add(s);
            }
        }
        List<Window> windows = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        SERVICES.forEach(name -> pids.put(name, suite.service(name).pid()));
        RssSampler sampler = new RssSampler(pids);
        long eventMark = EventProbe.mark(connection);
        probe.startTrickle(config.eventInterval());
        int gatewayPort = suite.gateway().getPort();
        try {
            for (WriteScenarios.Scenario scenario : scenarios) {
                WritesReport.Scenario result = new WritesReport.Scenario(scenario.service(), scenario.operation(),
                        scenario.requestsPerOperation());
                report.scenarios.add(result);
                try {
                    WriteScenarios.Target direct = WriteScenarios.Target.direct(suite.service(scenario.service()).httpPort());
                    WriteScenarios.Target gateway = WriteScenarios.Target.gateway(gatewayPort, scenario.service());
                    scenario.setUp(direct);
                    for (int clients : config.concurrencies()) {
                        step(scenario, gateway, WritesReport.GATEWAY, clients, result, windows, null);
                        boolean ownRows = scenario.schema().equals("roadmaps");
                        probe.producing(!ownRows); // the declarations would be captured with roadmaps' own rows
                        try {
                            step(scenario, direct, WritesReport.SERVICE, clients, result, windows,
                                    new Capture(db, connection, scenario.schema()));
                        } finally {
                            probe.producing(true);
                        }
                    }
                } catch (Exception | AssertionError e) {
                    result.failure = e.toString().replace('\n', ' ');
                    log("  %s FAILED: %s", scenario.service(), e);
                    e.printStackTrace();
                }
            }
        } finally {
            probe.stopTrickle();
            sampler.close();
        }
        report.rssUnderLoad.putAll(sampler.highest());
        report.eventFailures = probe.failures();

        // event samples taken during the steps, by number of clients
        long[] missing = new long[1];
        Map<Integer, List<Double>> propagation = new TreeMap<>();
        for (EventProbe.Sample s : EventProbe.propagations(connection, eventMark, Duration.ofSeconds(60), missing)) {
            clientsAt(windows, s.at()).ifPresent(c -> propagation.computeIfAbsent(c, k -> new ArrayList<>()).add(s.millis()));
        }
        Map<Integer, List<Double>> broker = new TreeMap<>();
        for (EventProbe.Sample s : probe.brokerSamplesOfTrickle()) {
            clientsAt(windows, s.at()).ifPresent(c -> broker.computeIfAbsent(c, k -> new ArrayList<>()).add(s.millis()));
        }
        propagation.forEach((c, v) -> report.propagationUnderLoad.put(c, WritesReport.Stats.of(v)));
        broker.forEach((c, v) -> report.brokerUnderLoad.put(c, WritesReport.Stats.of(v)));
        if (missing[0] > 0) {
            report.notes.add(missing[0] + " declarations made during the write steps had not reached dataset-search "
                    + "60 s after the last step.");
        }
    }

    private static java.util.Optional<Integer> clientsAt(List<Window> windows, Instant at) {
        return windows.stream().filter(w -> !at.isBefore(w.start()) && !at.isAfter(w.end())).map(Window::clients)
                .findFirst();
    }

    /** The schema of a service step to capture, and where to replay it. */
    record Capture(Database db, Connection connection, String schema) {
    }

    private void step(WriteScenarios.Scenario scenario, WriteScenarios.Target target, String path, int clients,
                      WritesReport.Scenario result, List<Window> windows, Capture capture) throws Exception {
        log("%s: %s, %d clients...", scenario.service(), path, clients);
        Path dump = null;
        long xmin = 0;
        long outboxMark = 0;
        if (capture != null) {
            dump = capture.db().dump(config.database(), capture.schema(), config.workDir().resolve("dumps"));
            xmin = RowCapture.mark(capture.connection());
            outboxMark = RowCapture.outboxMark(capture.connection(), capture.schema());
        }
        AtomicLong operations = new AtomicLong();
        LoadRunner.Client client = counting(scenario.step(target, clients), operations);
        Instant start = Instant.now();
        LoadRunner.Result load = LoadRunner.run(path, clients, clients * WriteScenarios.SLOT, config.warmup(),
                config.measured(), client);
        Instant end = Instant.now();
        windows.add(new Window(start, end, clients));
        result.loads.add(load);
        log("  %.1f operations/s, p50 %.1f ms, p99 %.1f ms, %d errors%s", load.throughput(), load.p50Millis(),
                load.p99Millis(), load.errors(), load.firstError() == null ? "" : " (" + load.firstError() + ")");
        if (capture == null) {
            return;
        }
        String copy = config.database() + "_jdbc";
        capture.db().restore(copy, dump);
        try (Connection before = capture.db().connect(copy)) {
            RowCapture.Captured captured = RowCapture.capture(capture.connection(), before, capture.schema(), xmin,
                    outboxMark);
            LoadRunner.Result replay = replay(capture.db(), copy, capture.schema(), clients,
                    Math.min(clients, config.jdbcConnections()), captured);
            result.loads.add(replay);
            result.replays.put(clients, new WritesReport.Replay(captured.operations().size(), captured.transactions(),
                    captured.rows(), (int) operations.get(), captured.insertedPerTable(), captured.updatedPerTable(),
                    captured.outboxUnattached()));
            log("  plain JDBC: %d transactions (%d service operations), %.1f transactions/s, p99 %.1f ms, %d errors%s",
                    captured.transactions(), operations.get(), replay.throughput(), replay.p99Millis(), replay.errors(),
                    replay.firstError() == null ? "" : " (" + replay.firstError() + ")");
        }
    }

    private static LoadRunner.Client counting(LoadRunner.Client client, AtomicLong operations) {
        return new LoadRunner.Client() {
            @Override
            public void prepare(int index) throws Exception {
                client.prepare(index);
            }

            @Override
            public boolean send(int index) throws Exception {
                boolean ok = client.send(index);
                if (ok) {
                    operations.incrementAndGet();
                }
                return ok;
            }
        };
    }

    /**
     * The captured transactions written again into the copy, all of them, timed, by {@code connectionCount}
     * connections: as many as the step's clients, at most the service's own pool (what the database saw of it).
     */
    private static LoadRunner.Result replay(Database db, String copy, String schema, int clients, int connectionCount,
                                            RowCapture.Captured captured) throws Exception {
        Map<String, RowCapture.Table> tables;
        try (Connection c = db.connect(copy)) {
            tables = RowCapture.tables(c, schema);
        }
        List<RowCapture.Operation> operations = captured.operations();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < connectionCount; i++) {
            Connection c = db.connect(copy);
            c.setSchema(schema); // as the service's connections: its triggers name their tables unqualified
            c.setAutoCommit(false);
            connections.add(c);
            histograms.add(new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connectionCount; i++) {
            Connection c = connections.get(i);
            Histogram h = histograms.get(i);
            threads.add(Thread.ofPlatform().name("bench-jdbc-" + i).start(() -> {
                int op;
                while ((op = next.getAndIncrement()) < operations.size()) {
                    for (RowCapture.Transaction tx : operations.get(op).transactions()) {
                        long t0 = System.nanoTime();
                        try {
                            RowCapture.replay(c, schema, tables, tx);
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        } catch (SQLException | RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Connection c : connections) {
            c.close();
        }
        Histogram all = new Histogram(Duration.ofSeconds(120).toNanos() / 1000, 3);
        histograms.forEach(all::add);
        long done = all.getTotalCount();
        return new LoadRunner.Result(WritesReport.JDBC, clients, done, errors.get(), seconds, done / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(90) / 1000.0,
                all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, firstError.get());
    }

    // ------------------------------------------------------------------------------------------------- reads --

    /** A page read: what it is, the service, its path (relative to the service's API root) for query {@code i}. */
    record Read(String page, String service, String token, java.util.function.IntFunction<String> path) {
    }

    /**
     * Reads (issue 10 §3) over what the write steps left (thousands of items, applications, replications in every
     * région): the national consolidation, a roadmap, a call with the applications it received, an initiative with
     * its replications; through the gateway and straight to the service, at the under-load number of clients.
     */
    private void reads(LocalSuite suite, Connection connection, WriteScenarios.Tokens tokens) throws Exception {
        List<String> roadmaps = ids(connection, "SELECT r.id FROM roadmaps.roadmap r JOIN roadmaps.roadmap_item i "
                + "ON i.roadmap_id = r.id GROUP BY r.id ORDER BY count(*) DESC LIMIT 50");
        List<String> calls = ids(connection, "SELECT call_id FROM commons_calls.application GROUP BY call_id "
                + "ORDER BY count(*) DESC LIMIT 1");
        List<String> initiatives = ids(connection, "SELECT initiative_id FROM replication.replication "
                + "GROUP BY initiative_id ORDER BY count(*) DESC LIMIT 8");
        int[] years = new int[2];
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT min(start_year), max(end_year) FROM roadmaps.roadmap")) {
            r.next();
            years[0] = r.getInt(1);
            years[1] = Math.min(r.getInt(2), years[0] + 9); // the service's limit: a period covers 10 years at most
        }
        report.readVolumes.putAll(volumes(connection));
        String funder = tokens.withSiren(fr.dataterritoires.platform.security.Role.FUNDER,
                WriteScenarios.CommonsCallsSetUp.FUNDER_SIREN, "bench-financeur");
        List<Read> reads = new ArrayList<>();
        if (years[0] > 0) {
            reads.add(new Read("national consolidation, every région, all statuses (`GET /api/roadmaps/roadmaps/"
                    + "consolidation?period=" + years[0] + "-" + years[1] + "&scope=all`)", "roadmaps",
                    tokens.coordinator(), i -> "/roadmaps/consolidation?period=" + years[0] + "-" + years[1] + "&scope=all"));
        }
        if (!roadmaps.isEmpty()) {
            reads.add(new Read("a roadmap with its items (`GET /api/roadmaps/roadmaps/{id}`, the " + roadmaps.size()
                    + " largest)", "roadmaps", tokens.coordinator(), i -> "/roadmaps/" + roadmaps.get(i % roadmaps.size())));
        }
        if (!calls.isEmpty()) {
            reads.add(new Read("a call (`GET /api/commons-calls/calls/{id}`)", "commons-calls", null,
                    i -> "/calls/" + calls.get(0)));
            reads.add(new Read("the applications a call received (`GET /api/commons-calls/calls/{id}/applications`, "
                    + "its funder)", "commons-calls", funder, i -> "/calls/" + calls.get(0) + "/applications"));
        }
        if (!initiatives.isEmpty()) {
            reads.add(new Read("an initiative (`GET /api/replication/initiatives/{id}`)", "replication", null,
                    i -> "/initiatives/" + initiatives.get(i % initiatives.size())));
            reads.add(new Read("the replications of an initiative (`GET /api/replication/initiatives/{id}/replications`)",
                    "replication", null, i -> "/initiatives/" + initiatives.get(i % initiatives.size()) + "/replications"));
        }
        int clients = config.underLoadConcurrency();
        for (Read read : reads) {
            for (WriteScenarios.Target target : List.of(
                    WriteScenarios.Target.gateway(suite.gateway().getPort(), read.service()),
                    WriteScenarios.Target.direct(suite.service(read.service()).httpPort()))) {
                log("read %s: %s, %d clients...", read.service(), target.label(), clients);
                LoadRunner.Result r = LoadRunner.run(target.label(), clients, 1000, config.warmup(), config.measured(),
                        i -> {
                            HttpApi.Response answer = target.get(read.path().apply(i), read.token());
                            if (answer.status() != 200) {
                                throw new IllegalStateException("HTTP " + answer.status() + " " + answer.body());
                            }
                            return true;
                        });
                report.reads.computeIfAbsent(read.page(), k -> new ArrayList<>()).add(r);
                log("  %.1f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors", r.throughput(), r.p50Millis(),
                        r.p99Millis(), r.errors());
            }
        }
    }

    private static List<String> ids(Connection connection, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private static Map<String, Long> volumes(Connection connection) throws SQLException {
        Map<String, Long> volumes = new LinkedHashMap<>();
        for (String[] q : new String[][] {
                {"roadmaps", "SELECT count(*) FROM roadmaps.roadmap"},
                {"régions with a roadmap", "SELECT count(DISTINCT committee_id) FROM roadmaps.roadmap"},
                {"roadmap items", "SELECT count(*) FROM roadmaps.roadmap_item"},
                {"applications (commons-calls)", "SELECT count(*) FROM commons_calls.application"},
                {"applications to exchanges", "SELECT count(*) FROM exchanges.application"},
                {"replications", "SELECT count(*) FROM replication.replication"},
                {"préciput ledger transactions", "SELECT count(*) FROM commons_calls.ledger_transaction"}}) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(q[1])) {
                r.next();
                volumes.put(q[0], r.getLong(1));
            } catch (SQLException e) {
                volumes.put(q[0], -1L);
            }
        }
        return volumes;
    }

    // --------------------------------------------------------------------------------------------- footprint --

    private void footprint(LocalSuite suite, Map<String, String> backends) throws Exception {
        Map<String, String> environment = new HashMap<>(backends);
        environment.putAll(SUITE_ENVIRONMENT);
        environment.put("DT_DEV_ISSUER_DIR", config.repo().resolve(".dt-local/dev-issuer").toString());
        // events of these extra instances stay on a namespace of their own
        environment.put("DATATERRITOIRES_TEST_NAMESPACE", config.database() + "_footprint");
        environment.put("DATATERRITOIRES_EVENTS_EXCHANGE", config.database() + "_footprint.events");
        environment.put("DT_DATASET_SEARCH_GRPC_ADDRESS", "static://127.0.0.1:" + (9095 + suite.portOffset()));
        environment.put("DT_COMMONS_CALLS_GRPC_ADDRESS", "static://127.0.0.1:" + (9092 + suite.portOffset()));
        Footprint footprint = new Footprint(config.workDir(), config.idleSettle(), environment, config.jvmOptions());
        log("footprint: %s...", MINIMAL_APP);
        report.footprints.add(footprint.measure(MINIMAL_APP, config.minimalAppJar(), config.aotCache()));
        report.minimalRssUnderLoad = minimalUnderLoad(footprint);
        for (String service : SERVICES) {
            Path jar;
            try (var jars = Files.newDirectoryStream(config.repo().resolve("services").resolve(service).resolve("target"),
                    "*-exec.jar")) {
                jar = jars.iterator().next();
            }
            log("footprint: %s...", service);
            try {
                Footprint.Result r = footprint.measure(service, jar, config.aotCache());
                report.footprints.add(r);
                checkpoint();
                log("  start %.1f s, idle %s; with AOT cache %s s, %s", r.startSeconds(), WritesReport.mib(r.idleBytes()),
                        r.aotStartSeconds(), WritesReport.mib(r.aotIdleBytes()));
            } catch (IOException e) {
                report.notes.add("footprint of " + service + " failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    /** The minimal application's highest VmRSS while {@code BENCH_UNDER_LOAD_CONCURRENCY} clients call its endpoint. */
    private Long minimalUnderLoad(Footprint footprint) throws Exception {
        Path jar = footprint.extract(MINIMAL_APP + "-load", config.minimalAppJar());
        int port = ServiceProcess.freePort();
        try (ServiceProcess app = ServiceProcess.builder(MINIMAL_APP + "-load", jar).httpPort(port)
                .jvmOptions(config.jvmOptions().toArray(String[]::new))
                .logFile(logDir.resolve("footprint-" + MINIMAL_APP + "-load.log")).startTimeout(Duration.ofMinutes(5))
                .start()) {
            RssSampler sampler = new RssSampler(Map.of(MINIMAL_APP, app.pid()));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(app.uri("/api/hello")).GET().build();
            LoadRunner.Result load = LoadRunner.run("minimal", config.underLoadConcurrency(), 1, config.warmup(),
                    config.measured(), i -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            sampler.close();
            log("  minimal under load: %.0f requests/s", load.throughput());
            return sampler.highest().get(MINIMAL_APP);
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers --

    /** VmRSS of some processes every 0.5 s, the highest kept, until closed. */
    static final class RssSampler implements AutoCloseable {
        private final Map<String, Long> highest = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        RssSampler(Map<String, Long> pids) {
            thread = Thread.ofPlatform().daemon().name("bench-rss").start(() -> {
                while (running.get()) {
                    pids.forEach((name, pid) -> ManagedProcess.residentBytes(pid)
                            .ifPresent(b -> highest.merge(name, b, Math::max)));
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        Map<String, Long> highest() {
            return Map.copyOf(highest);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }

    /** The suite's PostgreSQL server: connections, and the schema copies of the plain-JDBC baseline. */
    record Database(String url, String user, String password) {

        private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]*)(.*)$");

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(withDatabase(database), user, password);
        }

        String withDatabase(String database) {
            Matcher m = matcher();
            return "jdbc:postgresql://" + m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2)) + "/" + database
                    + m.group(4);
        }

        private Matcher matcher() {
            Matcher m = URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected PostgreSQL URL " + url);
            }
            return m;
        }

        /** {@code pg_dump} of one schema (structure, its extensions and data) into a file. */
        Path dump(String database, String schema, Path directory) throws Exception {
            Files.createDirectories(directory);
            Path file = directory.resolve(schema + ".sql");
            List<String> command = new ArrayList<>(List.of("pg_dump", "--no-owner", "--no-privileges", "-n", schema));
            try (Connection c = connect(database); PreparedStatement p = c.prepareStatement(
                    "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ?")) {
                p.setString(1, schema);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        command.add("--extension=" + r.getString(1));
                    }
                }
            }
            command.addAll(List.of("-f", file.toString()));
            tool(command, database);
            return file;
        }

        /** A fresh database {@code copy} holding {@code dump}. */
        void restore(String copy, Path dump) throws Exception {
            try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + copy);
            }
            tool(new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", dump.toString())), copy);
        }

        private void tool(List<String> command, String database) throws Exception {
            Matcher m = matcher();
            command.addAll(1, List.of("-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2), "-U", user,
                    "-d", database));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (password != null && !password.isEmpty()) {
                pb.environment().put("PGPASSWORD", password);
            }
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + output);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("bench-writes: " + format + "%n", args);
    }
}
