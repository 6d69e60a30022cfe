package fr.dataterritoires.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The figures of one run, rendered as docs/benchmarks.md (and printed). */
final class BenchReport {

    static final double INDEXING_TARGET = 0.7;
    static final double P99_TARGET = 1.25;
    static final int P99_TARGET_CONCURRENCY = 16;

    record Harvest(long datasets, double seconds, double rate, String runRecord) {
    }

    /** The service's index rebuild from its catalogue ({@code POST /api/index/rebuild}): indexing alone. */
    record Rebuild(long documents, double seconds, double rate) {
    }

    record Memory(String moment, Long serviceBytes, Long elasticsearchBytes) {
    }

    private final BenchConfig config;
    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    Map<String, String> machine = new LinkedHashMap<>();
    Harvest harvest;
    Rebuild rebuild;
    RawBulkBaseline.Result rawBulk;
    String captureSummary;
    final List<LoadRunner.Result> loads = new ArrayList<>();
    final List<Memory> memory = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String failure;
    double runSeconds;
    boolean describeOnly;

    BenchReport(BenchConfig config) {
        this.config = config;
    }

    static final String TITLE = BenchDocument.TITLE;
    static final String SECTION = "## dataset-search (issue 3 §8)";

    /**
     * The document with this run's section: the section replaces the previous one of {@code existing} (other
     * benchmarks' sections are kept), or is appended; a new document starts with the title.
     */
    String document(String existing) {
        return BenchDocument.withSection(existing, SECTION, markdown());
    }

    /** This benchmark's section. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("Written by `make bench-search` (`fr.dataterritoires.bench.SearchBench`, e2e-tests).\n\n");
        if (describeOnly) {
            md.append("**No figures yet**: the tables below are filled by a run of `make bench-search` on this machine ")
                    .append("(described ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)))
                    .append(").\n\n");
        } else {
            BenchDocument.runLine(md, started, runSeconds);
        }
        BenchDocument.failureAndMachine(md, failure, machine);
        md.append("\nEverything runs on this one machine: the service, its Elasticsearch node (own process), ")
                .append("PostgreSQL, the broker, the generated source and the load generator share the cores.\n\n");

        md.append("### Settings\n\n| knob | value |\n|---|---|\n");
        md.append("| datasets generated (`BENCH_DATASETS`) | ").append(config.datasets()).append(" |\n");
        md.append("| seed (`BENCH_SEED`) | ").append(config.seed()).append(" |\n");
        md.append("| distinct queries in the mix (`BENCH_QUERIES`) | ").append(config.distinctQueries()).append(" |\n");
        md.append("| warm-up / measured time per step (`BENCH_WARMUP_SECONDS`, `BENCH_QUERY_SECONDS`) | ")
                .append(config.warmup().toSeconds()).append(" s / ").append(config.measured().toSeconds()).append(" s |\n");
        md.append("| concurrent clients (`BENCH_CONCURRENCY`) | ").append(config.concurrencies()).append(" |\n");
        md.append("| bulk batch, service and raw (`BENCH_BULK_BATCH`) | ").append(config.bulkBatch()).append(" |\n");
        md.append("| raw bulk parallel requests (`BENCH_RAW_BULK_CONCURRENCY`) | ").append(config.rawBulkConcurrency()).append(" |\n");
        md.append("| heap of the service (-Xmx) / of Elasticsearch (-Xms = -Xmx) (`BENCH_SERVICE_HEAP`, `BENCH_ES_HEAP`) | ")
                .append(config.serviceHeap()).append(" / ").append(config.elasticsearchHeap()).append(" |\n\n");

        md.append("### Harvest and index\n\n");
        md.append("| path | documents | seconds | documents/s |\n|---|---:|---:|---:|\n");
        if (harvest != null) {
            md.append(String.format(Locale.ROOT, "| service: data.gouv.fr API v1 source → harvest → PostgreSQL → index | %d | %.1f | %.0f |%n",
                    harvest.datasets(), harvest.seconds(), harvest.rate()));
        }
        if (rebuild != null) {
            md.append(String.format(Locale.ROOT, "| service: index rebuild from PostgreSQL (`POST /api/index/rebuild`) | %d | %.1f | %.0f |%n",
                    rebuild.documents(), rebuild.seconds(), rebuild.rate()));
        }
        if (rawBulk != null) {
            md.append(String.format(Locale.ROOT, "| raw `_bulk` of the same documents (%d × %d, %d in parallel) | %d | %.1f | %.0f |%n",
                    rawBulk.batches(), rawBulk.batchSize(), rawBulk.concurrency(), rawBulk.documents(), rawBulk.seconds(),
                    rawBulk.rate()));
        }
        if (harvest != null && rawBulk != null && rawBulk.rate() > 0) {
            double ratio = harvest.rate() / rawBulk.rate();
            md.append(String.format(Locale.ROOT, "%nRatio service / raw: **%.2f** (target ≥ %.1f: %s).%n",
                    ratio, INDEXING_TARGET, ratio >= INDEXING_TARGET ? "met" : "**not met**"));
        }
        if (rebuild != null && rawBulk != null && rawBulk.rate() > 0) {
            md.append(String.format(Locale.ROOT, "%nRatio index rebuild / raw: **%.2f** (indexing alone, no harvest).%n",
                    rebuild.rate() / rawBulk.rate()));
        }
        if (harvest != null && harvest.runRecord() != null) {
            md.append("\nThe service's own run record: `").append(harvest.runRecord()).append("`\n");
        }
        md.append('\n');

        md.append("### Search latency and throughput\n\n");
        if (captureSummary != null) {
            md.append(captureSummary).append("\n\n");
        }
        md.append("| path | clients | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadRunner.Result r : loads) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
                    r.path(), r.concurrency(), r.requests(), r.errors(), r.throughput(), r.p50Millis(), r.p90Millis(),
                    r.p99Millis(), r.maxMillis()));
        }
        md.append("\n| clients | p99 REST / p99 raw | p99 gRPC / p99 raw | req/s REST / raw | req/s gRPC / raw |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        for (int c : config.concurrencies()) {
            Optional<LoadRunner.Result> raw = find("raw Elasticsearch", c);
            Optional<LoadRunner.Result> rest = find("REST", c);
            Optional<LoadRunner.Result> grpc = find("gRPC", c);
            if (raw.isEmpty()) {
                continue;
            }
            md.append("| ").append(c).append(" | ")
                    .append(ratio(rest, raw, true, c)).append(" | ").append(ratio(grpc, raw, true, c)).append(" | ")
                    .append(ratio(rest, raw, false, c)).append(" | ").append(ratio(grpc, raw, false, c)).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nTarget: p99 through the service within %.2f× raw Elasticsearch at %d clients.%n",
                P99_TARGET, P99_TARGET_CONCURRENCY));
        for (LoadRunner.Result r : loads) {
            if (r.firstError() != null) {
                md.append("\nFirst error of ").append(r.path()).append(" at ").append(r.concurrency())
                        .append(" clients: `").append(r.firstError().replace('`', '\'')).append("`\n");
            }
        }
        md.append('\n');

        md.append("### Resident memory (VmRSS)\n\n| moment | service | Elasticsearch node |\n|---|---:|---:|\n");
        for (Memory m : memory) {
            md.append("| ").append(m.moment()).append(" | ").append(mib(m.serviceBytes())).append(" | ")
                    .append(mib(m.elasticsearchBytes())).append(" |\n");
        }
        md.append('\n');

        if (!notes.isEmpty()) {
            md.append("### Notes of this run\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append(METHOD.replace("{SUBJECTS}", String.valueOf(Vocabulary.SUBJECTS.size()))
                .replace("{THEMES}", String.valueOf(Vocabulary.SUBJECTS.stream().map(Vocabulary.Subject::theme).distinct().count())));
        return md.toString();
    }

    private Optional<LoadRunner.Result> find(String path, int concurrency) {
        return loads.stream().filter(r -> r.path().equals(path) && r.concurrency() == concurrency).findFirst();
    }

    private static String ratio(Optional<LoadRunner.Result> service, Optional<LoadRunner.Result> raw, boolean p99,
                                int concurrency) {
        if (service.isEmpty() || raw.isEmpty()) {
            return "–";
        }
        double value = p99 ? service.get().p99Millis() / raw.get().p99Millis()
                : service.get().throughput() / raw.get().throughput();
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (p99 && concurrency == P99_TARGET_CONCURRENCY) {
            text = "**" + text + "** (" + (value <= P99_TARGET ? "met" : "not met") + ")";
        }
        return text;
    }

    private static String mib(Long bytes) {
        return bytes == null ? "–" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    static final String METHOD = """
            ### Method

            1. **Catalogue.** `CatalogueGenerator` makes N datasets, deterministic from the seed (dataset *i* depends
               only on the seed and *i*). French titles and descriptions from templates over {SUBJECTS} subjects in {THEMES} themes
               (« Plan local d'urbanisme », « Bornes de recharge pour véhicules électriques » (IRVE), « Budget
               primitif », « Qualité de l'air », « Base Adresse Locale »...). The covered territory is a real COG
               territory (libs/territory) at a level that suits the subject, drawn weighted by population; the
               producer is consistent with it (the commune or EPCI itself with its SIREN, the préfecture or DDT of the
               département, DREAL of the région, national operators, Atmo associations, companies of the trade).
               Mostly open, some shared or restricted (by subject), udata licences, frequencies, temporal coverage,
               usage counts with a long (Pareto) tail, schema.data.gouv.fr schemas for some (IRVE, BAL, SCDL...).
            2. **Source.** A real local HTTP server answers the data.gouv.fr API v1 (`/api/1/datasets/?page=N&page_size=1000`,
               `{data, page, page_size, total, next_page}`, udata field names), generating each page when asked:
               the catalogue is never held in memory.
            3. **Harvest and index.** The service runs from its executable jar in its own process, against the local
               PostgreSQL (a fresh `dataset_search_bench` database), the broker and an embedded Elasticsearch node
               (libs/embedded) started in a process of its own. The bench registers the source
               (`POST /api/sources`), starts a run (`POST /api/sources/{id}/runs`) with a national coordinator's token
               (minted by the platform's `DevTokenMinter` with a key made for the run, which the service trusts
               through `public-key-location`), and times from the request until the run record says it completed
               and the alias counts every dataset. **Baseline**: the documents the service indexed are exported from
               the alias (scroll) into NDJSON batch files of the service's batch size, then sent with plain `_bulk`
               into a fresh index created with the settings and mappings read from the service's index; only the
               bulk requests and the final refresh are timed. Before the harvest, the just-started node is warmed
               up (not timed) with up to 4000 generated documents of another seed bulked into a scratch index made like
               the service's, then deleted: otherwise the harvest alone would pay for compiling the node's indexing
               path, while the baseline runs later on a warm node. **Indexing alone**: once the harvest is counted, the
               service rebuilds its index from the catalogue it just stored (`POST /api/index/rebuild`: PostgreSQL read,
               documents built, bulk requests into a new versioned index, refresh, alias moved), timed from the request
               to its answer; the rebuilt alias must count exactly the documents the harvest indexed, or the run fails.
               The raw baseline is exported after the rebuild, from the same alias.
            4. **Queries.** A deterministic mix of searches from the generator's vocabulary: single words, phrases
               (some without accents, some plural), acronyms (PLU, IRVE, BAL, PCAET, QPV...), a subject with a
               commune name, and filters on territory (commune, EPCI, département, région keys), theme and access
               level, some sorted by recency. **The same query straight to Elasticsearch**: the service is started
               once with a recording HTTP forwarder between it and Elasticsearch; each query of the mix is sent once
               through REST and once through gRPC, and the exact requests the service made (method, path and
               parameters, headers shaping the body, body bytes) are recorded. The raw side replays those bytes
               (all of them when the service makes several requests for one search), including the time budget the
               service writes into each request. This is neither a call of the service's query builder from the bench
               nor a log of the service: recording the wire needs nothing from the service's code, cannot drift from
               what it really sends (REST parsing, territory expansion, facets, sorting, several requests per search),
               and also shows whether gRPC sends the same requests as REST. The service is then restarted
               with Elasticsearch directly, so nothing is in between while timing. For each number of clients, raw,
               REST (`GET /api/datasets`, anonymous, as the public searches) and gRPC (`DatasetDirectory.Search`
               over a plaintext HTTP/2 socket with a bearer token, one shared channel) each run a warm-up and then a
               measured period, after one unmeasured pass of the whole mix through each path (the service was just
               restarted). Clients are closed-loop (each sends its next query when the previous answered) and
               start at different places in the mix. Latencies are recorded in HdrHistogram (µs, 3 digits); a
               request counts as an error unless the answer is a success (2xx / gRPC OK; a 504 past the service's
               time budget is an error).
            5. **Memory.** VmRSS from `/proc/<pid>/status` of the service process and of the Elasticsearch node
               process: idle after start, after the harvest, and the highest value sampled (every 0.5 s) while the
               service answered queries.

            Knobs (environment variables of `make bench-search`): `BENCH_DATASETS`, `BENCH_SEED`, `BENCH_QUERIES`,
            `BENCH_WARMUP_SECONDS`, `BENCH_QUERY_SECONDS`, `BENCH_CONCURRENCY` (e.g. `1,16,64`), `BENCH_BULK_BATCH`
            (given to the service as `dataterritoires.harvest.batch-size` and used for the raw bulk),
            `BENCH_RAW_BULK_CONCURRENCY`, `BENCH_SERVICE_HEAP`, `BENCH_ES_HEAP`, `BENCH_PG_URL` / `BENCH_PG_USER` /
            `BENCH_PG_PASSWORD`, `BENCH_AMQP_HOST` / `BENCH_AMQP_PORT`, `BENCH_HARVEST_TIMEOUT_MINUTES` (600),
            `BENCH_SERVICE_JAR`, `BENCH_OUTPUT`, `BENCH_SKIP_BUILD=1`.
            Process logs go to `e2e-tests/target/bench/logs/`. `CatalogueSample` (same package) prints generated
            datasets as the source serves them, or the query mix with `--queries`.

            Limits: the load generator, the service and Elasticsearch share the same cores, so the absolute figures
            are those of a small single machine; the ratios compare paths under the same conditions. Run it yourself
            with `make bench-search`; `BENCH_DATASETS=20000 make bench-search` for a shorter run (its length is mostly
            the harvest: N divided by the service's rate above, plus about 8 minutes).
            """;
}
