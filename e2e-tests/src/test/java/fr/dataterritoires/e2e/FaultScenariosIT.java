package fr.dataterritoires.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import fr.dataterritoires.e2e.support.EventFigures;
import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.testing.backends.RabbitMqNode;
import fr.dataterritoires.testing.local.LocalSuite;
import fr.dataterritoires.testing.process.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * The fault scenarios of {@code make e2e} (issue 8 §5), on a suite of their own — dataset-search, roadmaps and the
 * gateway, each a process as {@code make run} starts them, on real PostgreSQL, Elasticsearch and a RabbitMQ node of
 * this test ({@link RabbitMqNode}, given to the suite as {@code DT_AMQP_URL}: the machine's shared broker is never
 * restarted; ADR 0017):
 * <ol>
 * <li>dataset-search is killed with SIGKILL while roadmaps publishes priority declarations, then restarted: each
 * declaration is recorded once, and publications replayed by a relay are recognised as duplicates;</li>
 * <li>the broker is stopped and started again while declarations flow: none is lost, none applied twice;</li>
 * <li>dataset-search stopped: roadmaps refuses a change that needs the catalogue with a French 503 problem within
 * its gRPC deadline, the gateway answers its own 503 for dataset-search's routes, and both recover once it is
 * back;</li>
 * <li>dataset-search frozen (SIGSTOP: connections accepted, nothing answered): the gateway answers its 504 within
 * its response budget, roadmaps its 503 within its gRPC deadline, well before the gateway's budget.</li>
 * </ol>
 * Budgets are this suite's configuration ({@link #ENVIRONMENT}); bounds are those plus a margin for a loaded machine.
 * At the end, the figures of every event flow (sent, received, duplicated, lost) are printed and lost must be 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

    private static final String DATABASE = "dt_e2e_faults";
    private static final String PRIORITY_DECLARED = "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1";
    /** dataset-search's queue of PriorityDatasetDeclared, under the suite's namespace (LocalSuite.forTests). */
    private static final String SEARCH_QUEUE = DATABASE + ".dataset-search.priority-datasets";

    /** The gateway's budget for a service's answer (DT_GATEWAY_RESPONSE_TIMEOUT). */
    private static final Duration GATEWAY_BUDGET = Duration.ofSeconds(10);
    /** The gateway's budget to connect to a service (DT_GATEWAY_CONNECT_TIMEOUT). */
    private static final Duration GATEWAY_CONNECT = Duration.ofSeconds(2);
    /** Every outgoing gRPC call's deadline (dataterritoires.grpc.client.default-deadline). */
    private static final Duration GRPC_DEADLINE = Duration.ofSeconds(2);
    /** How long a gRPC circuit breaker stays open (dataterritoires.grpc.client.circuit-breaker.wait-duration-in-open-state). */
    private static final Duration BREAKER_OPEN = Duration.ofSeconds(5);
    /**
     * A gRPC channel whose server went away retries to connect with an exponential backoff capped at 120 s (gRPC's
     * default, not changed here): the longest a caller may need to see a server that came back.
     */
    private static final Duration GRPC_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(120);
    /** Added to each budget: a 2-core machine running several suites (processing, scheduling, GC). */
    private static final Duration MARGIN = Duration.ofSeconds(4);

    private static final List<String> SERVICES = List.of("dataset-search", "roadmaps", "gateway");

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "DT_GATEWAY_RESPONSE_TIMEOUT", GATEWAY_BUDGET.toSeconds() + "s",
            "DT_GATEWAY_CONNECT_TIMEOUT", GATEWAY_CONNECT.toSeconds() + "s",
            "DATATERRITOIRES_GRPC_CLIENT_DEFAULTDEADLINE", GRPC_DEADLINE.toSeconds() + "s",
            "DATATERRITOIRES_GRPC_CLIENT_CIRCUITBREAKER_WAITDURATIONINOPENSTATE", BREAKER_OPEN.toSeconds() + "s");

    /** A real DCAT file (1 dataset) harvested so that roadmaps has a catalogue dataset to name. */
    private static final String DCAT_FILE = "dcat-catalogs/capatlantique-ods/exports-dcat-ccas-guerande.rdf";

    private final Path repo = Path.of("..").toAbsolutePath().normalize();
    private RabbitMqNode broker;
    private LocalSuite suite;
    private HttpApi gateway;
    private String coordinator;
    private String committeeMember;
    private String catalogueDatasetId;
    private String roadmapId;
    private long roadmapVersion;

    @BeforeAll
    void startTheSuiteOnABrokerOfItsOwn() throws Exception {
        Path dir = Path.of("target", "e2e-suites", DATABASE, "rabbitmq").toAbsolutePath();
        deleteRecursively(dir);
        broker = RabbitMqNode.create("dt-faults-" + ProcessHandle.current().pid(), dir).start();
        Map<String, String> environment = new LinkedHashMap<>(ENVIRONMENT);
        environment.put("DT_AMQP_URL", broker.amqpUrl());
        // the services the scenarios break and their callers: the others only add minutes to every start
        suite = SharedSuite.startPrivate(DATABASE, s -> s.environment(environment).services(SERVICES));
        assertThat(suite.backends()).containsEntry("DT_AMQP_URL", broker.amqpUrl())
                .containsEntry("DT_AMQP_SOURCE", "EXPLICIT");
        gateway = new HttpApi(suite.gateway().getPort());
        coordinator = token("role=NATIONAL_COORDINATOR");
        committeeMember = token("role=COMMITTEE_MEMBER&region=84");
        catalogueDatasetId = harvestOneDataset();
        gateway.post("/api/roadmaps/governance/committees", coordinator, Map.of("regionCode", "84",
                "name", "Comité régional de la donnée — Auvergne-Rhône-Alpes", "relevantTerritory", List.of())).status(201);
        int year = LocalDate.now().getYear() + 1;
        JsonNode roadmap = gateway.post("/api/roadmaps/roadmaps/committee", committeeMember, Map.of("regionCode", "84",
                "startYear", year, "endYear", year + 2, "title", "Feuille de route de la donnée " + year + "-" + (year + 2)))
                .status(201).json();
        roadmapId = roadmap.path("id").asString();
        roadmapVersion = roadmap.path("version").asLong();
    }

    @AfterAll
    void stopEverything() {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            SharedSuite.dropDatabase(DATABASE);
        }
    }

    // ---------------------------------------------------------------------------------------------------- 1 --

    @Test
    @Order(1)
    void aConsumerKilledWhileEventsFlowAppliesEachEventOnceAfterItsRestart() throws Exception {
        ServiceProcess search = suite.service("dataset-search");
        String title = "Registre des équipements publics (scénario kill -9)";
        List<String> batch;
        try (PriorityStream stream = new PriorityStream(title)) {
            await("dataset-search records declarations", Duration.ofMinutes(2), () -> recorded(stream.ids()) >= 20);
            long pid = search.pid();
            search.kill();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(stream.isRunning()).as("declarations still flowing when the consumer was killed").isTrue();
            int atKill = stream.posted();
            // events keep coming while the consumer is dead: they wait in its durable queue
            stream.awaitPosted(atKill + 30, Duration.ofMinutes(1));
            stream.hold(); // a restart can take minutes on a loaded machine: the backlog stays a few dozen events
            search.restart();
            stream.release();
            stream.awaitPosted(stream.posted() + 20, Duration.ofMinutes(1));
            batch = stream.stop();
        }
        await("every declaration recorded after the restart", Duration.ofMinutes(3),
                () -> recorded(batch) == batch.size());
        assertAppliedExactlyOnce(batch);
        assertThat(mostDemanded(title)).as("what the demand page shows").isEqualTo(batch.size());

        // A relay that crashed after the broker's confirm but before its commit publishes the same events again:
        // the consumer recognises them (same event ids) and their effect does not happen twice.
        List<String> replayed = eventIds(batch).subList(0, 10);
        try (Connection c = database()) {
            update(c, "UPDATE roadmaps.outbox_event SET published_at = NULL WHERE event_id::text = ANY (?)", replayed);
        }
        await("the replayed events recognised as duplicates", Duration.ofMinutes(2),
                () -> duplicates(replayed) == replayed.size());
        assertAppliedExactlyOnce(batch);
        assertThat(mostDemanded(title)).isEqualTo(batch.size());
    }

    // ---------------------------------------------------------------------------------------------------- 2 --

    @Test
    @Order(2)
    void aBrokerRestartedWhileEventsFlowLosesNothing() throws Exception {
        String title = "Horaires des services publics locaux (scénario redémarrage du broker)";
        long unpublishedDuringOutage;
        List<String> batch;
        try (PriorityStream stream = new PriorityStream(title)) {
            await("dataset-search records declarations", Duration.ofMinutes(2), () -> recorded(stream.ids()) >= 20);
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(stream.isRunning()).as("declarations still flowing when the broker stopped").isTrue();
            // roadmaps keeps answering: its events wait in its outbox, in the same transactions as the declarations
            stream.awaitPosted(stream.posted() + 40, Duration.ofMinutes(1));
            stream.hold();
            unpublishedDuringOutage = unpublished(stream.ids());
            broker.start();
            stream.release();
            stream.awaitPosted(stream.posted() + 20, Duration.ofMinutes(2));
            batch = stream.stop();
        }
        assertThat(unpublishedDuringOutage).as("events held in the outbox while the broker was away").isPositive();
        await("every declaration recorded after the broker came back", Duration.ofMinutes(4),
                () -> recorded(batch) == batch.size());
        assertAppliedExactlyOnce(batch);
        assertThat(unpublished(batch)).isZero();
        assertThat(mostDemanded(title)).as("what the demand page shows").isEqualTo(batch.size());
        // nothing left behind on the broker: no message waiting, none dead-lettered
        await("queues drained", Duration.ofMinutes(1), () -> {
            try {
                return broker.queueDepths().entrySet().stream()
                        .filter(q -> !q.getKey().endsWith(".unrouted")).allMatch(q -> q.getValue() == 0);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(broker.queueDepths()).containsKey(SEARCH_QUEUE).containsKey(SEARCH_QUEUE + ".dlq");
    }

    // ---------------------------------------------------------------------------------------------------- 3 --

    @Test
    @Order(3)
    void withDatasetSearchStoppedRoadmapsAnswersABoundedFrenchErrorAndRecoversWhenItIsBack() throws Exception {
        // first, roadmaps and dataset-search talk: a cold channel's first call may miss the deadline on a loaded
        // machine (the call is refused then, as it should), the next ones go through
        await("roadmaps checks dataset references with dataset-search", BREAKER_OPEN.plus(MARGIN).multipliedBy(6),
                () -> addDatasetItem("Données des équipements sportifs (avant l'arrêt)").status() == 201);
        ServiceProcess search = suite.service("dataset-search");
        search.stop();
        try {
            // roadmaps checks the dataset reference over gRPC: refused, never accepted unchecked, within the deadline
            HttpApi.Response refused = assertTimeoutPreemptively(GRPC_DEADLINE.plus(MARGIN),
                    () -> addDatasetItem("Données des équipements sportifs (catalogue arrêté)"));
            JsonNode problem = refused.problem(503, "catalogue des jeux de données ne répond pas");
            assertThat(problem.path("title").asString()).isEqualTo("Service momentanément indisponible");
            assertThat(problem.path("dependency").asString()).isEqualTo("dataset-search");
            assertThat(refused.header("Retry-After")).isNotBlank();

            // the gateway's own answer for dataset-search's routes: unreachable, within its connection budget
            HttpApi.Response unreachable = assertTimeoutPreemptively(GATEWAY_CONNECT.plus(MARGIN),
                    () -> gateway.get("/api/dataset-search/datasets/" + catalogueDatasetId, null));
            JsonNode down = unreachable.problem(503, "dataset-search", "momentanément injoignable");
            assertThat(down.path("dependency").asString()).isEqualTo("dataset-search");
            assertThat(unreachable.header("Retry-After")).isNotBlank();
        } finally {
            search.restart();
        }
        gateway.get("/api/dataset-search/datasets/" + catalogueDatasetId, null).ok();
        await("roadmaps checks dataset references again", BREAKER_OPEN.plus(GRPC_RECONNECT_BACKOFF_MAX).plus(MARGIN),
                () -> addDatasetItem("Données des équipements sportifs (catalogue revenu)").status() == 201);
    }

    // ---------------------------------------------------------------------------------------------------- 4 --

    @Test
    @Order(4)
    void aFrozenBackendMakesTheGatewayAndRoadmapsTimeOutWithinTheirBudgets() throws Exception {
        ServiceProcess search = suite.service("dataset-search");
        search.pause();
        try {
            HttpApi.Response late = assertTimeoutPreemptively(GATEWAY_BUDGET.plus(MARGIN),
                    () -> gateway.get("/api/dataset-search/datasets/" + catalogueDatasetId, null));
            JsonNode timeout = late.problem(504, "dataset-search", "n'a pas répondu dans le délai imparti");
            assertThat(timeout.path("title").asString()).isEqualTo("Délai de réponse dépassé");
            assertThat(timeout.path("dependency").asString()).isEqualTo("dataset-search");

            // roadmaps is healthy: its call to the frozen catalogue ends at its own deadline, long before the
            // gateway's budget, and the caller gets roadmaps' answer rather than the gateway's 504
            assertThat(GRPC_DEADLINE.plus(MARGIN)).isLessThan(GATEWAY_BUDGET);
            HttpApi.Response refused = assertTimeoutPreemptively(GRPC_DEADLINE.plus(MARGIN),
                    () -> addDatasetItem("Données des équipements culturels (catalogue figé)"));
            JsonNode problem = refused.problem(503, "catalogue des jeux de données ne répond pas");
            assertThat(problem.path("dependency").asString()).isEqualTo("dataset-search");
        } finally {
            search.resume();
        }
        await("dataset-search answers the gateway again", GATEWAY_BUDGET.plus(MARGIN).multipliedBy(2),
                () -> gateway.get("/api/dataset-search/datasets/" + catalogueDatasetId, null).status() == 200);
        await("roadmaps checks dataset references again", BREAKER_OPEN.plus(GRPC_RECONNECT_BACKOFF_MAX).plus(MARGIN),
                () -> addDatasetItem("Données des équipements culturels (catalogue revenu)").status() == 201);
    }

    // ---------------------------------------------------------------------------------------------------- 5 --

    @Test
    @Order(5)
    void noEventWasLost() throws Exception {
        EventFigures figures = EventFigures.awaitSettled("fault scenarios (kill -9, broker restart, stopped and "
                + "frozen dataset-search)", suite, repo, Duration.ofMinutes(2));
        EventFigures.report(figures);
        EventFigures.Flow declarations = figures.flows().stream()
                .filter(f -> f.type().equals(PRIORITY_DECLARED) && f.consumer().equals("dataset-search"))
                .findFirst().orElseThrow();
        assertThat(declarations.sent()).isGreaterThanOrEqualTo(2 * 70);
        assertThat(declarations.duplicated()).as("the replayed publications at least").isGreaterThanOrEqualTo(10);
        assertThat(figures.pending()).as("events not yet published").isZero();
        assertThat(figures.lost()).as(figures.table()).isZero();
        assertThat(figures.received()).isEqualTo(figures.sent());
    }

    // ------------------------------------------------------------------------------------------------ checks --

    /** Each declaration's event handled once by dataset-search, each declaration recorded and audited once. */
    private void assertAppliedExactlyOnce(List<String> ids) throws SQLException {
        assertThat(ids).doesNotHaveDuplicates();
        try (Connection c = database()) {
            assertThat(count(c, "SELECT count(DISTINCT event_id) FROM roadmaps.outbox_event "
                    + "WHERE type = '" + PRIORITY_DECLARED + "' AND aggregate_id = ANY (?)", ids)).isEqualTo(ids.size());
            assertThat(count(c, "SELECT count(*) FROM dataset_search.inbound_event i JOIN roadmaps.outbox_event o "
                    + "ON o.event_id = i.event_id WHERE i.queue = '" + SEARCH_QUEUE + "' AND o.aggregate_id = ANY (?)", ids))
                    .isEqualTo(ids.size());
            assertThat(count(c, "SELECT count(*) FROM dataset_search.priority_declaration WHERE item_id = ANY (?)", ids))
                    .isEqualTo(ids.size());
            // the effect's own trace: one "recorded" audit record per declaration, never an update
            assertThat(count(c, "SELECT count(*) FROM dataset_search.audit_record WHERE action = "
                    + "'priority-declaration.recorded' AND split_part(target_id, '/', 2) = ANY (?)", ids)).isEqualTo(ids.size());
            assertThat(count(c, "SELECT count(DISTINCT target_id) FROM dataset_search.audit_record WHERE action = "
                    + "'priority-declaration.recorded' AND split_part(target_id, '/', 2) = ANY (?)", ids)).isEqualTo(ids.size());
            assertThat(count(c, "SELECT count(*) FROM dataset_search.audit_record WHERE action = "
                    + "'priority-declaration.updated' AND split_part(target_id, '/', 2) = ANY (?)", ids)).isZero();
        }
    }

    private long recorded(List<String> ids) {
        try (Connection c = database()) {
            return count(c, "SELECT count(*) FROM dataset_search.priority_declaration WHERE item_id = ANY (?)", ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long unpublished(List<String> ids) throws SQLException {
        try (Connection c = database()) {
            return count(c, "SELECT count(*) FROM roadmaps.outbox_event WHERE published_at IS NULL AND aggregate_id = ANY (?)",
                    ids);
        }
    }

    private long duplicates(List<String> eventIds) {
        try (Connection c = database()) {
            return count(c, "SELECT coalesce(sum(duplicates), 0) FROM dataset_search.inbound_event WHERE queue = '"
                    + SEARCH_QUEUE + "' AND event_id::text = ANY (?)", eventIds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> eventIds(List<String> priorityIds) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT event_id::text FROM "
                + "roadmaps.outbox_event WHERE aggregate_id = ANY (?) ORDER BY position")) {
            s.setArray(1, c.createArrayOf("text", priorityIds.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    /** The declarations dataset-search's demand page counts for the dataset to be produced named {@code title}. */
    private int mostDemanded(String title) {
        JsonNode list = gateway.get("/api/dataset-search/demand/most-demanded?limit=100", null).ok().json();
        for (JsonNode entry : list) {
            if (title.equals(entry.path("title").asString())) {
                return entry.path("priorityDeclarations").asInt();
            }
        }
        return 0;
    }

    // --------------------------------------------------------------------------------------------- the suite --

    private String token(String query) {
        return gateway.get("/dev-issuer/token?" + query, null).ok().json().path("access_token").asString();
    }

    /** A dataset item naming the harvested catalogue dataset: roadmaps checks it with dataset-search over gRPC. */
    private HttpApi.Response addDatasetItem(String title) {
        Map<String, Object> dataset = Map.of("catalogueDatasetId", catalogueDatasetId, "targetAccessLevel", "OPEN",
                "targetDate", LocalDate.now().plusYears(1).toString(), "responsibleSiren", "213800006", "answers", "LOCAL");
        HttpApi.Response r = gateway.post("/api/roadmaps/roadmaps/" + roadmapId + "/items", committeeMember,
                Map.of("version", roadmapVersion, "kind", "DATASET", "title", title, "dataset", dataset));
        if (r.status() == 201) {
            roadmapVersion = r.json().path("version").asLong();
        }
        return r;
    }

    /** Harvests a real DCAT file served on loopback into dataset-search; returns its catalogue id. */
    private String harvestOneDataset() throws Exception {
        String configured = System.getenv("DT_DEMO_DATA");
        Path sibling = repo.getParent().resolve("shared/data/real");
        Path data = configured != null && !configured.isBlank() ? Path.of(configured)
                : Files.isDirectory(sibling) ? sibling : Path.of("/work/shared/data/real");
        Path file = data.resolve(DCAT_FILE);
        assertThat(file).as("real DCAT data (DT_DEMO_DATA)").isRegularFile();
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/catalog.rdf", exchange -> {
            byte[] content = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", "application/rdf+xml");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        files.start();
        try {
            gateway.post("/api/dataset-search/sources", coordinator, Map.of("id", "faults-cap-atlantique",
                    "name", "Cap Atlantique (scénarios de panne)", "kind", "DCAT",
                    "url", "http://127.0.0.1:" + files.getAddress().getPort() + "/catalog.rdf")).status(201);
            String run = gateway.post("/api/dataset-search/sources/faults-cap-atlantique/runs", coordinator, null)
                    .status(202).json().path("id").asString();
            AtomicReference<JsonNode> finished = new AtomicReference<>();
            await("the harvest run", Duration.ofMinutes(2), () -> {
                JsonNode r = gateway.get("/api/dataset-search/harvest-runs/" + run, null).ok().json();
                finished.set(r);
                return !r.path("status").asString().equals("RUNNING");
            });
            assertThat(finished.get().path("status").asString()).as(finished.get().toString()).isEqualTo("COMPLETED");
        } finally {
            files.stop(0);
        }
        String id;
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT id::text FROM dataset_search.dataset ORDER BY created, id LIMIT 1");
             ResultSet r = s.executeQuery()) {
            assertThat(r.next()).as("a harvested dataset").isTrue();
            id = r.getString(1);
        }
        gateway.get("/api/dataset-search/datasets/" + id, null).ok();
        return id;
    }

    private Connection database() throws SQLException {
        Map<String, String> backends = suite.backends();
        return DriverManager.getConnection(backends.get("DT_POSTGRES_URL"), backends.get("DT_POSTGRES_USER"),
                backends.get("DT_POSTGRES_PASSWORD"));
    }

    private static long count(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", values.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            assertThat(s.executeUpdate()).isEqualTo(values.size());
        }
    }

    private static void await(String what, Duration atMost, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + atMost);
            }
            Thread.sleep(500);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * National priorities (datasets to be produced, all with one title) declared one after another on roadmaps'
     * own port — each one a {@code PriorityDatasetDeclared} event for dataset-search — until stopped. Every answer
     * must be 201: the faults are behind roadmaps, never in front of it.
     */
    private final class PriorityStream implements AutoCloseable {

        private final String title;
        private final HttpApi roadmaps = new HttpApi(suite.service("roadmaps").httpPort());
        private final List<String> ids = new CopyOnWriteArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean stopping;
        private volatile boolean held;

        PriorityStream(String title) {
            this.title = title;
            this.thread = Thread.ofPlatform().name("priority-stream").start(this::run);
        }

        private void run() {
            try {
                for (int n = 1; !stopping; n++) {
                    while (held && !stopping) {
                        Thread.sleep(100);
                    }
                    HttpApi.Response r = roadmaps.post("/api/priorities", coordinator, Map.of("level", "NATIONAL",
                            "subject", "DATASET", "title", title, "targetAccessLevel", "OPEN"));
                    if (r.status() != 201) {
                        throw new AssertionError("declaration " + n + ": HTTP " + r.status() + " " + r.body());
                    }
                    ids.add(r.json().path("id").asString());
                    Thread.sleep(40);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }

        /** No more declarations until {@link #release()} (the one being sent completes). */
        void hold() {
            held = true;
        }

        void release() {
            held = false;
        }

        boolean isRunning() {
            return thread.isAlive() && failure.get() == null;
        }

        int posted() {
            return ids.size();
        }

        List<String> ids() {
            return List.copyOf(ids);
        }

        void awaitPosted(int n, Duration atMost) throws InterruptedException {
            await(n + " declarations posted", atMost, () -> {
                if (failure.get() != null) {
                    throw new AssertionError("the declarations stopped", failure.get());
                }
                return ids.size() >= n;
            });
        }

        /** Stops declaring; the ids of every priority declared. */
        List<String> stop() throws InterruptedException {
            stopping = true;
            thread.join(Duration.ofMinutes(1));
            if (failure.get() != null) {
                throw new AssertionError("a declaration failed", failure.get());
            }
            return List.copyOf(ids);
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            thread.join(Duration.ofMinutes(1));
        }
    }
}
