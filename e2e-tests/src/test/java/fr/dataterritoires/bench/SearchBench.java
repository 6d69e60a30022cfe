package fr.dataterritoires.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import fr.dataterritoires.contracts.datasetsearch.v1.SearchRequest;
import tools.jackson.databind.JsonNode;

/**
 * {@code make bench-search} (issue 3 §8): generated catalogue → harvest and index through the service, against raw
 * {@code _bulk}; query latency and throughput through REST and gRPC against the same requests sent straight to
 * Elasticsearch; resident memory. Writes docs/benchmarks.md and prints the same. See {@link BenchReport#METHOD}.
 *
 * <p>Run from the repository root by scripts/bench-search.sh, with e2e-tests' test class path.
 */
public final class SearchBench {

    private static final String SOURCE_ID = "bench-udata";
    private static final Pattern TIME_BUDGET =
            Pattern.compile("\"?timeout\"?[:=]\"?\\d+(ms|s)\"?");
    private static final String LOGBACK = "fr/dataterritoires/bench/logback-bench.xml";

    private final BenchConfig config;
    private final BenchReport report;
    private final String javaCommand;
    private final Path logDir;

    private SearchBench(BenchConfig config) {
        this.config = config;
        this.report = new BenchReport(config);
        this.javaCommand = ProcessHandle.current().info().command().orElse("java");
        this.logDir = config.workDir().toAbsolutePath().resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromEnvironment();
        SearchBench bench = new SearchBench(config);
        if (Arrays.asList(args).contains("--describe-only")) {
            // The document without figures: machine and method only (its first version, before any run).
            bench.report.machine.putAll(MachineInfo.describe());
            bench.report.describeOnly = true;
            write(config.output(), bench.report);
            System.out.println(bench.report.markdown());
            return;
        }
        long start = System.nanoTime();
        int status = 0;
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            status = 1;
            bench.report.failure = e.toString();
            e.printStackTrace();
        } finally {
            bench.report.runSeconds = (System.nanoTime() - start) / 1e9;
            BenchDocument.publish(config.output(), BenchReport.SECTION, bench.report.markdown(), "bench-search");
        }
        System.exit(status);
    }

    private static void write(Path output, BenchReport report) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        String existing = Files.isRegularFile(output) ? Files.readString(output, StandardCharsets.UTF_8) : null;
        Files.writeString(output, report.document(existing), StandardCharsets.UTF_8);
    }

    private void run() throws Exception {
        report.machine.putAll(MachineInfo.describe());
        if (!Files.isRegularFile(config.serviceJar())) {
            throw new IllegalStateException("No service jar at " + config.serviceJar()
                    + ": build it first (./mvnw -pl services/dataset-search -am install -DskipTests)");
        }
        Files.createDirectories(logDir);
        log("generator: %d datasets, seed %d", config.datasets(), config.seed());
        CatalogueGenerator generator = new CatalogueGenerator(config.seed(), config.datasets());
        List<QueryMix.Query> queries = QueryMix.generate(generator, config.seed(), config.distinctQueries());
        BenchIssuer issuer = new BenchIssuer(config.workDir().toAbsolutePath().resolve("issuer"));
        createDatabase();

        try (ManagedProcess elasticsearch = startElasticsearch();
             UdataApiServer source = new UdataApiServer(generator)) {
            String esUrl = Files.readString(config.workDir().toAbsolutePath().resolve("es-url")).strip();
            EsHttp es = new EsHttp(esUrl);
            log("Elasticsearch node at %s (pid %d), source at %s", esUrl, elasticsearch.pid(), source.datasetsUrl());

            // 1. Harvest and index through the service, then the raw bulk baseline.
            try (ServiceUnderTest service = ServiceUnderTest.start("harvest", config, esUrl, issuer, javaCommand, logDir)) {
                log("service started (pid %d)", service.pid());
                Thread.sleep(10_000); // let start-up work (caches, JIT of the start path) settle before sampling
                memory("idle after start", service, elasticsearch);
                warmUp(es);
                harvest(service, source, es);
                memory("after the harvest of " + config.datasets() + " datasets", service, elasticsearch);
                rebuild(service, es);
            }
            rawBulk(es);

            // 2. The exact Elasticsearch requests of each query, recorded between the service and the node.
            List<List<CapturingProxy.Captured>> captured;
            try (CapturingProxy proxy = new CapturingProxy(esUrl);
                 ServiceUnderTest service = ServiceUnderTest.start("capture", config, proxy.url(), issuer, javaCommand, logDir);
                 GrpcSearchClient grpc = new GrpcSearchClient(service.grpcPort(), service.token())) {
                captured = capture(queries, proxy, service, grpc);
            }

            // 3. Load, with the service talking to Elasticsearch directly.
            try (ServiceUnderTest service = ServiceUnderTest.start("queries", config, esUrl, issuer, javaCommand, logDir);
                 GrpcSearchClient grpc = new GrpcSearchClient(service.grpcPort(), service.token())) {
                load(queries, captured, es, service, grpc, elasticsearch);
            }
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.postgresServerUrl() + "postgres",
                config.postgresUser(), config.postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + config.database() + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + config.database());
        }
        log("database %s created", config.database());
    }

    private ManagedProcess startElasticsearch() throws IOException, InterruptedException {
        Path work = config.workDir().toAbsolutePath();
        Path urlFile = work.resolve("es-url");
        Files.deleteIfExists(urlFile);
        Path esHome = work.resolve("elasticsearch");
        deleteRecursively(esHome);
        Files.createDirectories(esHome);
        List<String> command = List.of(javaCommand, "-Xms" + config.elasticsearchHeap(), "-Xmx" + config.elasticsearchHeap(),
                "-Dlogback.configurationFile=" + LOGBACK,
                "-cp", System.getProperty("java.class.path"),
                ElasticsearchNodeMain.class.getName(), esHome.toString(), urlFile.toString());
        ManagedProcess process = ManagedProcess.start("elasticsearch", command, Map.of(),
                logDir.resolve("elasticsearch.log"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.isRegularFile(urlFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.close();
                throw new IOException("The Elasticsearch node did not start; its log ends with:\n" + process.tail(40));
            }
            Thread.sleep(500);
        }
        return process;
    }

    /**
     * The node has just started: its indexing path (French analysis chain, synonyms, bulk handling) is not compiled
     * yet, and the first bulks run several times slower. The raw baseline runs later on a warm node; so that the
     * harvest is not the one paying for the warm-up, generated documents (another seed, text fields only) are first
     * bulked into a scratch index made like the service's, then the scratch index is deleted. Not timed.
     */
    private void warmUp(EsHttp es) throws Exception {
        RawBulkBaseline baseline = new RawBulkBaseline(es);
        String scratch = "bench-warm-up";
        baseline.createLike(baseline.concreteIndex(config.alias()), scratch);
        long documents = Math.min(config.datasets(), 4000);
        CatalogueGenerator other = new CatalogueGenerator(config.seed() + 1, documents);
        long start = System.nanoTime();
        for (long from = 0; from < documents; from += config.bulkBatch()) {
            StringBuilder ndjson = new StringBuilder();
            for (long i = from; i < Math.min(documents, from + config.bulkBatch()); i++) {
                GeneratedDataset d = other.dataset(i);
                ndjson.append("{\"index\":{\"_id\":").append(JsonWriter.quote("warm-up-" + i)).append("}}\n")
                        .append("{\"title\":").append(JsonWriter.quote(d.title()))
                        .append(",\"description\":").append(JsonWriter.quote(d.description()))
                        .append(",\"keywords\":[").append(String.join(",", d.tags().stream().map(JsonWriter::quote).toList()))
                        .append("],\"producerName\":").append(nullable(d.producer() == null ? null : d.producer().name()))
                        .append(",\"licence\":").append(nullable(d.licence()))
                        .append("}\n");
            }
            HttpResponse<byte[]> response = es.send("POST", "/" + scratch + "/_bulk", "application/x-ndjson",
                    ndjson.toString().getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IOException("warm-up bulk answered " + response.statusCode());
            }
        }
        es.refresh(scratch);
        long indexed = es.count(scratch);
        es.json("DELETE", "/" + scratch, null);
        log("Elasticsearch warmed up: %d generated documents bulked into a scratch index in %.1f s (not timed)",
                indexed, (System.nanoTime() - start) / 1e9);
    }

    private static String nullable(String value) {
        return value == null ? "null" : JsonWriter.quote(value);
    }

    private void harvest(ServiceUnderTest service, UdataApiServer source, EsHttp es) throws Exception {
        String body = "{\"id\":\"" + SOURCE_ID + "\",\"name\":\"Catalogue généré du banc d'essai\",\"kind\":\"DATAGOUV\","
                + "\"url\":" + JsonWriter.quote(source.datasetsUrl() + "?page_size=" + UdataApiServer.MAX_PAGE_SIZE)
                + ",\"enabled\":true,\"defaultAccessLevel\":\"OPEN\"}";
        service.call("POST", "/api/sources", body);
        long start = System.nanoTime();
        JsonNode run = service.call("POST", "/api/sources/" + SOURCE_ID + "/runs", null);
        String runId = runId(run);
        log("harvest run %s started", runId);
        long deadline = start + config.harvestTimeout().toNanos();
        long lastLog = 0;
        JsonNode record = null;
        long indexed = 0;
        Long terminalAt = null;
        while (System.nanoTime() < deadline) {
            record = service.call("GET", "/api/harvest-runs/" + runId, null);
            String status = record.path("status").asString("");
            indexed = Math.max(0, es.count(config.alias()));
            long now = System.nanoTime();
            if (now - lastLog > Duration.ofSeconds(15).toNanos()) {
                log("harvest: %s, %d indexed, %.0f/s, source pages served %d", status, indexed,
                        indexed / ((now - start) / 1e9), source.pagesServed());
                lastLog = now;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("The harvest run failed: " + record);
            }
            if (status.equals("COMPLETED")) {
                long expected = config.datasets() - failed(record);
                if (indexed >= expected) {
                    break;
                }
                if (terminalAt == null) {
                    terminalAt = now;
                } else if (now - terminalAt > Duration.ofSeconds(120).toNanos()) {
                    report.notes.add("The run completed but the alias counted " + indexed + " documents of "
                            + expected + " expected after 2 minutes: the rate uses the documents counted.");
                    break;
                }
            }
            Thread.sleep(250);
        }
        if (System.nanoTime() >= deadline) {
            report.notes.add("The harvest did not finish within " + config.harvestTimeout().toMinutes()
                    + " minutes (BENCH_HARVEST_TIMEOUT_MINUTES): the rate uses the documents indexed by then, and the "
                    + "raw baseline the same documents.");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String compact = record == null ? null : compactRecord(record);
        report.harvest = new BenchReport.Harvest(indexed, seconds, indexed / seconds, compact);
        log("harvest done: %d documents in %.1f s (%.0f/s); run record %s", indexed, seconds, indexed / seconds, compact);
        if (record != null && failed(record) > 0) {
            report.notes.add(failed(record) + " records of the generated source were counted as failed "
                    + "by the service: see the run record above and its log.");
        }
    }

    /**
     * Indexing alone: the service rebuilds its index from the catalogue it just harvested (a new versioned index, then
     * the alias moves). The call answers once the alias is on the new, refreshed index; it must hold every document
     * the harvest indexed.
     */
    private void rebuild(ServiceUnderTest service, EsHttp es) throws Exception {
        long expected = report.harvest == null ? -1 : report.harvest.datasets();
        log("index rebuild: starting (%d documents expected)", expected);
        long start = System.nanoTime();
        JsonNode answer = service.call("POST", "/api/index/rebuild", null, config.harvestTimeout());
        double seconds = (System.nanoTime() - start) / 1e9;
        long counted = es.count(config.alias());
        long reported = answer == null ? -1 : answer.path("indexed").asLong(answer.path("count").asLong(-1));
        log("index rebuild done: %d documents in %.1f s (%.0f/s); the service answered %s", counted, seconds,
                counted / seconds, answer);
        if (counted != expected) {
            throw new IllegalStateException("The rebuilt index holds " + counted + " documents, the harvest indexed "
                    + expected + " (service answered " + answer + ")");
        }
        if (reported >= 0 && reported != counted) {
            throw new IllegalStateException("The rebuild reported " + reported + " documents, the alias counts " + counted);
        }
        report.rebuild = new BenchReport.Rebuild(counted, seconds, counted / seconds);
    }

    private static String runId(JsonNode run) {
        if (run == null) {
            throw new IllegalStateException("Starting a run answered nothing");
        }
        if (run.hasNonNull("id")) {
            return run.path("id").asString();
        }
        if (run.hasNonNull("runId")) {
            return run.path("runId").asString();
        }
        String location = run.path("location").asString("");
        if (!location.isEmpty()) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        throw new IllegalStateException("Cannot find the run id in " + run);
    }

    /** Records the run counted as failed ({@code counts.failed} of the run view). */
    private static long failed(JsonNode record) {
        return record.path("counts").path("failed").asLong(record.path("failed").asLong(0));
    }

    private static String compactRecord(JsonNode record) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("status", "durationMs", "counts", "error")) {
            if (record.hasNonNull(field)) {
                text.append(text.isEmpty() ? "" : ", ").append(field).append('=')
                        .append(record.path(field).isValueNode() ? record.path(field).asString() : record.path(field).toString());
            }
        }
        return text.isEmpty() ? record.toString() : text.toString();
    }

    private void rawBulk(EsHttp es) throws Exception {
        RawBulkBaseline baseline = new RawBulkBaseline(es);
        String source = baseline.concreteIndex(config.alias());
        Path batches = config.workDir().toAbsolutePath().resolve("raw-bulk");
        deleteRecursively(batches);
        log("raw bulk: exporting %s in batches of %d", source, config.bulkBatch());
        List<Path> files = baseline.export(config.alias(), config.bulkBatch(), batches);
        String target = "bench-raw-bulk";
        baseline.createLike(source, target);
        log("raw bulk: loading %d batches into %s", files.size(), target);
        RawBulkBaseline.Result result = baseline.load(files, target, config.bulkBatch(), config.rawBulkConcurrency(), source);
        report.rawBulk = result;
        log("raw bulk done: %d documents in %.1f s (%.0f/s), %d item errors", result.documents(), result.seconds(),
                result.rate(), result.errors());
        if (result.errors() > 0) {
            report.notes.add(result.errors() + " documents were refused by the raw bulk (see the node's log).");
        }
        // The copy would take memory and disk from the node during the query phase.
        es.json("DELETE", "/" + target, null);
        deleteRecursively(batches);
    }

    private List<List<CapturingProxy.Captured>> capture(List<QueryMix.Query> queries, CapturingProxy proxy,
                                                      ServiceUnderTest service, GrpcSearchClient grpc)
            throws Exception {
        List<List<CapturingProxy.Captured>> captured = new ArrayList<>(queries.size());
        int restFailures = 0;
        int grpcFailures = 0;
        int same = 0;
        int none = 0;
        int requests = 0;
        String firstRestFailure = null;
        String firstGrpcFailure = null;
        for (QueryMix.Query query : queries) {
            proxy.start();
            HttpResponse<String> response = service.searchWithBody(ServiceUnderTest.searchPath(query));
            List<CapturingProxy.Captured> rest = proxy.stop();
            if (response.statusCode() != 200) {
                restFailures++;
                if (firstRestFailure == null) {
                    firstRestFailure = ServiceUnderTest.searchPath(query) + " → " + response.statusCode() + " "
                            + response.body().substring(0, Math.min(300, response.body().length()));
                }
            }
            proxy.start();
            try {
                grpc.search(GrpcSearchClient.request(query));
            } catch (RuntimeException e) {
                grpcFailures++;
                if (firstGrpcFailure == null) {
                    firstGrpcFailure = query + " → " + e;
                }
            }
            List<CapturingProxy.Captured> viaGrpc = proxy.stop();
            if (sameRequests(rest, viaGrpc)) {
                same++;
            }
            if (rest.isEmpty()) {
                none++;
            }
            requests += rest.size();
            captured.add(rest);
        }
        report.captureSummary = String.format(Locale.ROOT,
                "Capture: %d queries in the mix, %d Elasticsearch requests recorded (%.2f per search); %d searches made no "
                        + "Elasticsearch request; REST answered non-200 to %d, gRPC failed %d; gRPC sent the same "
                        + "Elasticsearch requests as REST (byte for byte but the remaining time budget) for %d of %d queries.",
                queries.size(), requests, requests / (double) queries.size(), none, restFailures, grpcFailures, same,
                queries.size());
        if (firstRestFailure != null) {
            report.notes.add("First REST search that did not answer 200 during the capture: `" + firstRestFailure.replace('`', '\'') + "`");
        }
        if (firstGrpcFailure != null) {
            report.notes.add("First gRPC search that failed during the capture: `" + firstGrpcFailure.replace('`', '\'') + "`");
        }
        log("%s", report.captureSummary);
        return captured;
    }

    private static boolean sameRequests(List<CapturingProxy.Captured> a, List<CapturingProxy.Captured> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!withoutBudget(a.get(i).pathAndQuery()).equals(withoutBudget(b.get(i).pathAndQuery()))
                    || !withoutBudget(new String(a.get(i).body(), StandardCharsets.UTF_8))
                            .equals(withoutBudget(new String(b.get(i).body(), StandardCharsets.UTF_8)))) {
                return false;
            }
        }
        return true;
    }

    /** The remaining time budget the service writes into each request differs from call to call: not compared. */
    private static String withoutBudget(String text) {
        return TIME_BUDGET.matcher(text).replaceAll("timeout");
    }

    private void load(List<QueryMix.Query> queries, List<List<CapturingProxy.Captured>> captured, EsHttp es,
                      ServiceUnderTest service, GrpcSearchClient grpc, ManagedProcess elasticsearch) throws Exception {
        List<String> restPaths = queries.stream().map(ServiceUnderTest::searchPath).toList();
        List<SearchRequest> grpcRequests = queries.stream().map(GrpcSearchClient::request).toList();
        LoadRunner.Client raw = i -> {
            for (CapturingProxy.Captured request : captured.get(i)) {
                if (es.replay(request) / 100 != 2) {
                    return false;
                }
            }
            return true;
        };
        LoadRunner.Client rest = i -> service.search(restPaths.get(i)) == 200;
        LoadRunner.Client viaGrpc = i -> {
            grpc.search(grpcRequests.get(i));
            return true;
        };
        // The query-phase service has just started: one pass over the mix on every path first, not measured, so
        // that class loading and the first compilations are not what the first step measures.
        log("priming: the mix once through each path");
        for (int i = 0; i < queries.size(); i++) {
            for (LoadRunner.Client client : List.of(raw, rest, viaGrpc)) {
                try {
                    client.send(i);
                } catch (Exception ignored) {
                    // counted in the measured steps if it persists
                }
            }
        }
        MemorySampler sampler = new MemorySampler(service.pid(), elasticsearch.pid());
        try {
            for (int clients : config.concurrencies()) {
                report.loads.add(step("raw Elasticsearch", clients, queries.size(), raw, null));
                report.loads.add(step("REST", clients, queries.size(), rest, sampler));
                report.loads.add(step("gRPC", clients, queries.size(), viaGrpc, sampler));
            }
        } finally {
            sampler.close();
        }
        report.memory.add(new BenchReport.Memory("highest while answering queries (REST and gRPC steps)",
                sampler.maxService(), sampler.maxElasticsearch()));
    }

    private LoadRunner.Result step(String path, int clients, int queryCount, LoadRunner.Client client,
                                   MemorySampler sampler) throws InterruptedException {
        if (sampler != null) {
            sampler.active(true);
        }
        try {
            LoadRunner.Result result = LoadRunner.run(path, clients, queryCount, config.warmup(), config.measured(), client);
            log("%-17s %3d clients: %7.1f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", path, clients,
                    result.throughput(), result.p50Millis(), result.p99Millis(), result.errors());
            return result;
        } finally {
            if (sampler != null) {
                sampler.active(false);
            }
        }
    }

    private void memory(String moment, ServiceUnderTest service, ManagedProcess elasticsearch) {
        OptionalLong s = service.residentBytes();
        OptionalLong e = elasticsearch.residentBytes();
        report.memory.add(new BenchReport.Memory(moment, s.isPresent() ? s.getAsLong() : null,
                e.isPresent() ? e.getAsLong() : null));
        log("memory %s: service %s, Elasticsearch %s", moment, s, e);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench-search: " + format + "%n", args);
        System.out.flush();
    }

    /** Samples VmRSS of the service and of the node every 0.5 s while a service step runs; keeps the highest. */
    static final class MemorySampler implements AutoCloseable {
        private final long servicePid;
        private final long elasticsearchPid;
        private final AtomicLong maxService = new AtomicLong(-1);
        private final AtomicLong maxElasticsearch = new AtomicLong(-1);
        private final AtomicBoolean active = new AtomicBoolean();
        private final Thread thread;
        private volatile boolean closed;

        MemorySampler(long servicePid, long elasticsearchPid) {
            this.servicePid = servicePid;
            this.elasticsearchPid = elasticsearchPid;
            this.thread = Thread.ofPlatform().daemon().name("bench-memory").start(this::loop);
        }

        void active(boolean value) {
            active.set(value);
        }

        private void loop() {
            while (!closed) {
                if (active.get()) {
                    ManagedProcess.residentBytes(servicePid).ifPresent(v -> maxService.accumulateAndGet(v, Math::max));
                    ManagedProcess.residentBytes(elasticsearchPid).ifPresent(v -> maxElasticsearch.accumulateAndGet(v, Math::max));
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Long maxService() {
            return maxService.get() < 0 ? null : maxService.get();
        }

        Long maxElasticsearch() {
            return maxElasticsearch.get() < 0 ? null : maxElasticsearch.get();
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            thread.interrupt();
            thread.join(2000);
        }
    }
}
