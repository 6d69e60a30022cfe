package fr.dataterritoires.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The figures of one {@code make bench-writes} run, rendered as its section of docs/benchmarks.md (and printed). */
final class WritesReport {

    static final String SECTION = "## Suite: write paths, event propagation, footprint (issue 10)";
    static final String GATEWAY = "gateway";
    static final String SERVICE = "service";
    static final String JDBC = "plain JDBC";

    static final double THROUGHPUT_TARGET = 0.5;
    static final double GATEWAY_P99_TARGET = 1.15;
    static final int TARGET_CLIENTS = 16;
    static final double PROPAGATION_FACTOR = 5;
    /** The relay's own delay after a commit: woken by the commit, its timer fires again 1 ms after a tick. */
    static final double RELAY_DELAY_MILLIS = 1;
    static final double IDLE_MEMORY_TARGET = 1.5;
    static final double START_TARGET = 2.0;

    /** Percentiles of a list of samples (nearest rank). */
    record Stats(int count, double p50, double p90, double p99, double max) {

        static Stats of(Collection<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            if (sorted.isEmpty()) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }

        /** The smallest value with at least {@code percent}% of the samples at or below it. */
        static double rank(List<Double> sorted, double percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** What the plain-JDBC replay of a step wrote. */
    record Replay(int operations, int transactions, int rows, int serviceOperations, Map<String, Integer> inserted,
                  Map<String, Integer> updated, int outboxUnattached) {

        double transactionsPerOperation() {
            return serviceOperations == 0 ? 1 : (double) transactions / serviceOperations;
        }
    }

    /** One scenario: its operation and its steps. */
    static final class Scenario {
        final String service;
        final String operation;
        final int requestsPerOperation;
        final List<LoadRunner.Result> loads = new ArrayList<>();
        final Map<Integer, Replay> replays = new LinkedHashMap<>();
        String failure;

        Scenario(String service, String operation, int requestsPerOperation) {
            this.service = service;
            this.operation = operation;
            this.requestsPerOperation = requestsPerOperation;
        }

        Optional<LoadRunner.Result> find(String path, int clients) {
            return loads.stream().filter(r -> r.path().equals(path) && r.concurrency() == clients).findFirst();
        }

        /** Operations per second of the plain-JDBC replay (its transactions per second over transactions per operation). */
        Optional<Double> jdbcOperationsPerSecond(int clients) {
            Optional<LoadRunner.Result> jdbc = find(JDBC, clients);
            Replay replay = replays.get(clients);
            if (jdbc.isEmpty() || replay == null) {
                return Optional.empty();
            }
            return Optional.of(jdbc.get().throughput() / replay.transactionsPerOperation());
        }
    }

    private final WritesConfig config;
    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    final Map<String, String> machine = new LinkedHashMap<>();
    final List<Scenario> scenarios = new ArrayList<>();
    Stats brokerAtRest;
    Stats propagationAtRest;
    long propagationAtRestMissing;
    final Map<Integer, Stats> brokerUnderLoad = new LinkedHashMap<>();
    final Map<Integer, Stats> propagationUnderLoad = new LinkedHashMap<>();
    long eventFailures;
    final Map<String, List<LoadRunner.Result>> reads = new LinkedHashMap<>();
    final Map<String, Long> readVolumes = new LinkedHashMap<>();
    final List<Footprint.Result> footprints = new ArrayList<>();
    final Map<String, Long> rssUnderLoad = new LinkedHashMap<>();
    Long minimalRssUnderLoad;
    final List<String> notes = new ArrayList<>();
    String failure;
    double runSeconds;

    WritesReport(WritesConfig config) {
        this.config = config;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("Written by `make bench-writes` (`fr.dataterritoires.bench.WritesBench`, e2e-tests).\n\n");
        BenchDocument.runLine(md, started, runSeconds);
        BenchDocument.failureAndMachine(md, failure, machine);
        md.append("\nEverything runs on this one machine: the six services (own processes), PostgreSQL, RabbitMQ, the ")
                .append("embedded Elasticsearch node and the load generator share the cores.\n\n");

        md.append("### Settings\n\n| knob | value |\n|---|---|\n");
        md.append("| warm-up / measured time per write step (`BENCH_WARMUP_SECONDS`, `BENCH_WRITE_SECONDS`) | ")
                .append(config.warmup().toSeconds()).append(" s / ").append(config.measured().toSeconds()).append(" s |\n");
        md.append("| concurrent clients (`BENCH_CONCURRENCY`) | ").append(config.concurrencies()).append(" |\n");
        md.append("| scenarios (`BENCH_SCENARIOS`) | ").append(config.scenarios()).append(" |\n");
        md.append("| propagation samples at rest, interval (`BENCH_EVENT_SAMPLES`, `BENCH_EVENT_INTERVAL_MS`) | ")
                .append(config.eventSamples()).append(", ").append(config.eventInterval().toMillis()).append(" ms |\n");
        md.append("| broker round trips at rest (`BENCH_BROKER_SAMPLES`) | ").append(config.brokerSamples()).append(" |\n");
        md.append("| plain-JDBC connections at most (`BENCH_JDBC_CONNECTIONS`) | ").append(config.jdbcConnections())
                .append(" |\n");
        md.append("| JVM options of the services and the minimal application (`BENCH_JVM_OPTIONS`) | `")
                .append(String.join(" ", config.jvmOptions())).append("` |\n");
        md.append("| footprint, ahead-of-time cache (`BENCH_FOOTPRINT`, `BENCH_AOT`) | ").append(config.footprint() ? "on" : "off")
                .append(", ").append(config.aotCache() ? "on" : "off").append(" |\n\n");

        targets(md);
        writes(md);
        events(md);
        footprint(md);
        reads(md);
        if (!notes.isEmpty()) {
            md.append("### Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append(METHOD);
        return md.toString();
    }

    // ----------------------------------------------------------------------------------------------- targets --

    private void targets(StringBuilder md) {
        md.append("### Targets of issue 10\n\n| target | figure | |\n|---|---|---|\n");
        for (Scenario s : scenarios) {
            Optional<LoadRunner.Result> service = s.find(SERVICE, TARGET_CLIENTS).filter(r -> r.requests() > 0);
            Optional<Double> jdbc = s.jdbcOperationsPerSecond(TARGET_CLIENTS);
            if (service.isPresent() && jdbc.isPresent() && jdbc.get() > 0) {
                double ratio = service.get().throughput() / jdbc.get();
                md.append(String.format(Locale.ROOT, "| %s: throughput through the service ≥ %.1f× plain JDBC at %d clients "
                                + "| %.2f× | %s |%n", s.service + " (" + shortOperation(s.operation) + ")",
                        THROUGHPUT_TARGET, TARGET_CLIENTS, ratio, verdict(ratio >= THROUGHPUT_TARGET)));
            }
            Optional<LoadRunner.Result> gateway = s.find(GATEWAY, TARGET_CLIENTS).filter(r -> r.requests() > 0);
            if (service.isPresent() && gateway.isPresent() && service.get().p99Millis() > 0) {
                double ratio = gateway.get().p99Millis() / service.get().p99Millis();
                md.append(String.format(Locale.ROOT, "| %s: the gateway adds ≤ 15%% to p99 at %d clients | %+.0f%% (%.2f×) | %s |%n",
                        s.service + " (" + shortOperation(s.operation) + ")", TARGET_CLIENTS, (ratio - 1) * 100, ratio,
                        verdict(ratio <= GATEWAY_P99_TARGET)));
            }
        }
        if (propagationAtRest != null && brokerAtRest != null && propagationAtRest.count() > 0) {
            double limit = propagationLimit(brokerAtRest);
            md.append(String.format(Locale.ROOT, "| event propagation p99 at rest ≤ 5 × broker round trip p99 + relay delay "
                            + "(%.1f ms) | %.1f ms | %s |%n", limit, propagationAtRest.p99(),
                    verdict(propagationAtRest.p99() <= limit)));
        }
        propagationUnderLoad.forEach((clients, stats) -> {
            Stats broker = brokerUnderLoad.get(clients);
            if (clients == config.underLoadConcurrency() && broker != null && stats.count() > 0 && broker.count() > 0) {
                double limit = propagationLimit(broker);
                md.append(String.format(Locale.ROOT, "| event propagation p99 under the %d-client write load ≤ 5 × broker "
                                + "round trip p99 (same load) + relay delay (%.1f ms) | %.1f ms | %s |%n", clients, limit,
                        stats.p99(), verdict(stats.p99() <= limit)));
            }
        });
        Optional<Footprint.Result> minimal = minimal();
        for (Footprint.Result f : footprints) {
            if (minimal.isEmpty() || f == minimal.get()) {
                continue;
            }
            Footprint.Result m = minimal.get();
            if (f.idleBytes() != null && m.idleBytes() != null) {
                double ratio = (double) f.idleBytes() / m.idleBytes();
                md.append(String.format(Locale.ROOT, "| %s: idle resident memory ≤ %.1f× the minimal application | %.2f× | %s |%n",
                        f.app(), IDLE_MEMORY_TARGET, ratio, verdict(ratio <= IDLE_MEMORY_TARGET)));
            }
            double start = f.startSeconds() / m.startSeconds();
            md.append(String.format(Locale.ROOT, "| %s: start-up ≤ %.0f× the minimal application | %.2f× | %s |%n",
                    f.app(), START_TARGET, start, verdict(start <= START_TARGET)));
        }
        md.append('\n');
    }

    static double propagationLimit(Stats broker) {
        return PROPAGATION_FACTOR * broker.p99() + RELAY_DELAY_MILLIS;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String shortOperation(String operation) {
        int cut = operation.indexOf(" (");
        return cut < 0 ? operation : operation.substring(0, cut);
    }

    // ------------------------------------------------------------------------------------------------ writes --

    private void writes(StringBuilder md) {
        md.append("### Write paths\n\n");
        md.append("Per operation; `plain JDBC` replays the rows the service wrote in its own step (see the method), its ")
                .append("operations per second are its transactions per second over the transactions per operation of the ")
                .append("service, its latencies are per transaction.\n\n");
        for (Scenario s : scenarios) {
            md.append("#### ").append(s.service).append(": ").append(s.operation).append("\n\n");
            if (s.failure != null) {
                md.append("**Failed:** ").append(s.failure).append("\n\n");
            }
            md.append("| path | clients | operations | errors | operations/s | p50 ms | p90 ms | p99 ms | max ms |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int clients : config.concurrencies()) {
                for (String path : List.of(GATEWAY, SERVICE, JDBC)) {
                    s.find(path, clients).ifPresent(r -> {
                        double rate = path.equals(JDBC) ? s.jdbcOperationsPerSecond(clients).orElse(Double.NaN) : r.throughput();
                        long count = path.equals(JDBC) ? Math.round(rate * r.seconds()) : r.requests();
                        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
                                path, clients, count, r.errors(), rate, r.p50Millis(), r.p90Millis(), r.p99Millis(),
                                r.maxMillis()));
                    });
                }
            }
            md.append("\n| clients | service / plain JDBC (operations/s) | gateway / service (operations/s) | p99 gateway / p99 service |\n")
                    .append("|---:|---:|---:|---:|\n");
            for (int clients : config.concurrencies()) {
                Optional<LoadRunner.Result> service = s.find(SERVICE, clients).filter(r -> r.requests() > 0);
                Optional<LoadRunner.Result> gateway = s.find(GATEWAY, clients).filter(r -> r.requests() > 0);
                Optional<Double> jdbc = s.jdbcOperationsPerSecond(clients);
                String vsJdbc = service.isPresent() && jdbc.isPresent() && jdbc.get() > 0
                        ? String.format(Locale.ROOT, "%.2f", service.get().throughput() / jdbc.get()) : "–";
                String gwRate = service.isPresent() && gateway.isPresent() && service.get().throughput() > 0
                        ? String.format(Locale.ROOT, "%.2f", gateway.get().throughput() / service.get().throughput()) : "–";
                String gwP99 = service.isPresent() && gateway.isPresent() && service.get().p99Millis() > 0
                        ? String.format(Locale.ROOT, "%.2f", gateway.get().p99Millis() / service.get().p99Millis()) : "–";
                if (clients == TARGET_CLIENTS) {
                    vsJdbc = vsJdbc.equals("–") ? vsJdbc : "**" + vsJdbc + "** (≥ 0.5)";
                    gwP99 = gwP99.equals("–") ? gwP99 : "**" + gwP99 + "** (≤ 1.15)";
                }
                md.append("| ").append(clients).append(" | ").append(vsJdbc).append(" | ").append(gwRate).append(" | ")
                        .append(gwP99).append(" |\n");
            }
            md.append('\n');
            s.replays.forEach((clients, replay) -> md.append(String.format(Locale.ROOT,
                    "Replay at %d clients: %d service operations → %d transactions (%.2f per operation) in %d operations "
                            + "of the replay, %d rows; inserted %s; updated %s%s.%n%n", clients, replay.serviceOperations(),
                    replay.transactions(), replay.transactionsPerOperation(), replay.operations(), replay.rows(),
                    replay.inserted(), replay.updated(), replay.outboxUnattached() == 0 ? ""
                            : "; " + replay.outboxUnattached() + " outbox rows matched no transaction (replayed alone)")));
            for (LoadRunner.Result r : s.loads) {
                if (r.firstError() != null) {
                    md.append("First error of ").append(r.path()).append(" at ").append(r.concurrency())
                            .append(" clients: `").append(r.firstError().replace('`', '\'').replace('\n', ' ')).append("`\n\n");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- reads --

    private void reads(StringBuilder md) {
        md.append("### Reads\n\n");
        if (reads.isEmpty()) {
            md.append("Not measured in this run (`BENCH_READS=0`, or the write steps left nothing to read).\n\n");
            return;
        }
        md.append("Over what the write steps left: ");
        List<String> volumes = new ArrayList<>();
        readVolumes.forEach((k, v) -> volumes.add(v + " " + k));
        md.append(String.join(", ", volumes)).append(". No baseline of its own yet: the figures are for comparison ")
                .append("between runs and between the gateway and the service.\n\n");
        md.append("| page | path | clients | requests | errors | requests/s | p50 ms | p90 ms | p99 ms | max ms |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        reads.forEach((page, results) -> results.forEach(r -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n", page, r.path(), r.concurrency(),
                r.requests(), r.errors(), r.throughput(), r.p50Millis(), r.p90Millis(), r.p99Millis(), r.maxMillis()))));
        md.append('\n');
        reads.forEach((page, results) -> results.stream().filter(r -> r.firstError() != null).forEach(r -> md
                .append("First error of ").append(page).append(" (").append(r.path()).append("): `")
                .append(r.firstError().replace('`', '\'').replace('\n', ' ')).append("`\n\n")));
    }

    // ------------------------------------------------------------------------------------------------ events --

    private void events(StringBuilder md) {
        md.append("### Event propagation\n\n");
        md.append("roadmaps → dataset-search: a national priority declared (`POST /api/priorities`, event ")
                .append("`PriorityDatasetDeclared`) until dataset-search handles it; broker: publish → delivery on the same ")
                .append("RabbitMQ. Relay settings (platform defaults, the services do not change them): woken by the local ")
                .append("commit (an idle tick waits up to 25 ms for it, the next tick 1 ms later), poll interval for ")
                .append("missed wake-ups 1 s.\n\n");
        md.append("| measure | load | samples | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|---:|---:|\n");
        row(md, "broker round trip", "at rest", brokerAtRest);
        row(md, "propagation roadmaps → dataset-search", "at rest", propagationAtRest);
        brokerUnderLoad.forEach((clients, stats) -> row(md, "broker round trip", clients + "-client write steps", stats));
        propagationUnderLoad.forEach((clients, stats) -> row(md, "propagation roadmaps → dataset-search",
                clients + "-client write steps", stats));
        md.append('\n');
        if (propagationAtRestMissing > 0) {
            md.append("**").append(propagationAtRestMissing).append(" declarations at rest never reached dataset-search ")
                    .append("within the wait.**\n\n");
        }
        if (eventFailures > 0) {
            md.append(eventFailures).append(" declarations or round trips failed during the write steps.\n\n");
        }
    }

    private static void row(StringBuilder md, String measure, String load, Stats s) {
        if (s == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n", measure, load, s.count(),
                s.p50(), s.p90(), s.p99(), s.max()));
    }

    // --------------------------------------------------------------------------------------------- footprint --

    private Optional<Footprint.Result> minimal() {
        return footprints.stream().filter(f -> f.app().equals(WritesBench.MINIMAL_APP)).findFirst();
    }

    private void footprint(StringBuilder md) {
        md.append("### Footprint\n\n");
        if (footprints.isEmpty()) {
            md.append("Not measured in this run (`BENCH_FOOTPRINT=0`).\n\n");
            return;
        }
        md.append("| application | start-up to ready s | idle RSS | highest RSS under the write load | with AOT cache: start-up s | "
                + "with AOT cache: idle RSS | start-up / minimal | idle RSS / minimal | with AOT: start-up / minimal |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Optional<Footprint.Result> minimal = minimal();
        for (Footprint.Result f : footprints) {
            Long load = f.app().equals(WritesBench.MINIMAL_APP) ? minimalRssUnderLoad : rssUnderLoad.get(f.app());
            String startRatio = minimal.map(m -> String.format(Locale.ROOT, "%.2f", f.startSeconds() / m.startSeconds()))
                    .orElse("–");
            String rssRatio = minimal.filter(m -> m.idleBytes() != null && f.idleBytes() != null)
                    .map(m -> String.format(Locale.ROOT, "%.2f", (double) f.idleBytes() / m.idleBytes())).orElse("–");
            String aotRatio = minimal.filter(m -> m.aotStartSeconds() != null && f.aotStartSeconds() != null)
                    .map(m -> String.format(Locale.ROOT, "%.2f", f.aotStartSeconds() / m.aotStartSeconds())).orElse("–");
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %s | %s | %s | %s | %s |%n", f.app(),
                    f.startSeconds(), mib(f.idleBytes()), mib(load),
                    f.aotStartSeconds() == null ? "–" : String.format(Locale.ROOT, "%.1f", f.aotStartSeconds()),
                    mib(f.aotIdleBytes()), startRatio, rssRatio, aotRatio));
        }
        md.append('\n');
        footprints.stream().filter(f -> f.note() != null)
                .forEach(f -> md.append("- ").append(f.app()).append(": ").append(f.note()).append('\n'));
        md.append('\n');
    }

    static String mib(Long bytes) {
        return bytes == null ? "–" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    static final String METHOD = """
            ### Method

            1. **Suite.** The six services (dataset-search, roadmaps, commons-calls, exchanges, replication, gateway) run
               from their executable jars, each in its own process, started as `make run` starts them (`LocalSuite`,
               profile `local`: one fresh PostgreSQL database `bench_writes` with a schema per service, the broker on
               its own exchange and queues, an embedded Elasticsearch node), with the rate limits off, the gateway's
               and each service's own (`DT_RATE_LIMIT_ENABLED=false`, `DT_SERVICE_RATE_LIMIT_ENABLED=false`: the bench
               is one client) and each service's connection pool opened on
               demand (Hikari `minimum-idle` 1, idle timeout 10 s, at most 10 as by default), so that the suite and
               the plain-JDBC copies stay within a shared server's connections. Tokens are minted with the suite's
               development issuer key.
            2. **Write paths.** For each service, its main write (`WriteScenarios`) is sent by closed-loop clients
               (`LoadRunner`: each sends its next operation when the previous one answered; warm-up, then the measured
               period) through the gateway, then straight to the service, at each number of clients. Every client has
               its own state where the domain would otherwise refuse or serialise it (a committee member's own draft
               roadmap, renewed every 60 items before the request is timed; a new agent, adopter or project per
               operation; a lead per client). Latencies in HdrHistogram (µs, 3 digits); an answer other than the
               expected 201/200 is an error.
            3. **Plain JDBC, the same rows.** Before the step straight to the service, the service's schema is dumped
               (`pg_dump`, schema and data); after it, every row the step wrote is read back (newer `xmin` than a
               transaction id taken before the step) and grouped by transaction; the dump is restored into a fresh
               database (`bench_writes_jdbc`: the same tables, constraints, indexes and triggers, the same rows before
               the step), and the step's transactions are written again there with plain JDBC, by as many
               connections as the step had clients but no more than the service's own pool
               (`BENCH_JDBC_CONNECTIONS`, 10: Hikari's default, what the database saw of the service), each
               transaction as the service's was: its rows inserted with their exact values
               (`INSERT … SELECT … FROM json_populate_record`), rows that existed updated to their final values, its
               audit records appended to the hash chain under the head's lock, its outbox rows inserted unpublished
               (`RowCapture` says how rows written twice, outbox rows and transactions of one operation are handled).
               So the baseline is what the database must do for the service's writes, without the service.
            4. **Event propagation.** At rest (nothing else running), then all along the write steps: a national
               priority declared in roadmaps every interval (`PriorityDatasetDeclared`), timed from its outbox row's
               `occurred_at` (set inside the producing transaction, just before its commit) to the `received_at` of
               dataset-search's idempotent-consumer row of the same event id (written in the handling transaction);
               samples under load are those whose event occurred during a step with that number of clients. The
               broker's round trip: a persistent 900-byte message published on a confirm channel to a topic exchange
               of the same RabbitMQ, until its delivery to a consumer of a durable queue bound to it (manual
               acknowledgement), one at a time, at rest and along the write steps. Target: propagation p99 ≤ 5 × the
               round trip's p99 measured under the same load + the relay's own delay after a commit (1 ms: the commit
               wakes it, its timer fires again 1 ms after a tick; until 2026-11-29 it checked every 25 ms).
            5. **Footprint.** After the write steps, each service, and a minimal Spring Boot 4 web application
               (`e2e-tests/minimal-web-app`: Spring MVC, Jackson, one JSON endpoint, the actuator's readiness probe),
               is started alone beside the idle suite (same backends, events on a namespace of their own), from its
               jar extracted as the Dockerfile runs it (`-Djarmode=tools extract`), with the same JVM options (none):
               start-up = from the process start until `/actuator/health/readiness` answers 200 (polled every
               250 ms); idle RSS = VmRSS after it settled; under load = the highest VmRSS of the suite's process
               sampled every 0.5 s during the write steps (the minimal application: during its own closed-loop `GET`
               load at the under-load number of clients). With the JDK's ahead-of-time cache (JEP 483/514): a
               training run (`-XX:AOTCacheOutput`, `-Dspring.context.exit=onRefresh`), then the same start with
               `-XX:AOTCache`.
            6. **Reads.** After the write steps, over what they left (their volumes are printed): the national
               consolidation of every région's roadmaps, a roadmap with its items, a call and the applications it
               received, an initiative and its replications, each through the gateway and straight to the service,
               closed-loop at the under-load number of clients. Issue 10 sets no target for reads; no baseline yet.

            Knobs (environment variables of `make bench-writes`): `BENCH_WARMUP_SECONDS` (3), `BENCH_WRITE_SECONDS`
            (10), `BENCH_CONCURRENCY` (`1,16,64`), `BENCH_SCENARIOS` (`roadmaps,commons-calls,exchanges,replication,preciput`),
            `BENCH_EVENT_SAMPLES` (200), `BENCH_EVENT_INTERVAL_MS` (100), `BENCH_BROKER_SAMPLES` (2000),
            `BENCH_UNDER_LOAD_CONCURRENCY` (16), `BENCH_JDBC_CONNECTIONS` (10), `BENCH_READS` (1), `BENCH_FOOTPRINT` (1), `BENCH_AOT` (1),
            `BENCH_IDLE_SETTLE_SECONDS` (10), `BENCH_JVM_OPTIONS` (`-Xmx768m -Xms512m -XX:+UseG1GC
            -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData`: the Dockerfile's options in a 1 GiB container),
            `BENCH_DATABASE` (`bench_writes`), `BENCH_OUTPUT`, `BENCH_SKIP_BUILD=1`. Process logs go to
            `e2e-tests/target/bench-writes/`.

            Limits: the load generator, the services and the backends share the same cores, so the absolute figures
            are those of a small single machine; the ratios compare paths under the same conditions.
            """;
}
