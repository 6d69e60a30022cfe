package fr.dataterritoires.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The knobs of {@code make bench-search}, from environment variables (documented in docs/benchmarks.md). */
record BenchConfig(
        long datasets,
        long seed,
        int distinctQueries,
        Duration warmup,
        Duration measured,
        List<Integer> concurrencies,
        int bulkBatch,
        int rawBulkConcurrency,
        Path serviceJar,
        String serviceHeap,
        String elasticsearchHeap,
        String postgresServerUrl,
        String postgresUser,
        String postgresPassword,
        String database,
        String amqpHost,
        int amqpPort,
        String amqpUser,
        String amqpPassword,
        String alias,
        Path workDir,
        Path output,
        Duration harvestTimeout,
        List<String> serviceJvmArgs) {

    static BenchConfig fromEnvironment() {
        return new BenchConfig(
                Long.parseLong(env("BENCH_DATASETS", "500000")),
                Long.parseLong(env("BENCH_SEED", "20261129")),
                Integer.parseInt(env("BENCH_QUERIES", "400")),
                Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "5"))),
                Duration.ofSeconds(Long.parseLong(env("BENCH_QUERY_SECONDS", "20"))),
                Arrays.stream(env("BENCH_CONCURRENCY", "1,16,64").split(",")).map(String::strip)
                        .map(Integer::valueOf).toList(),
                Integer.parseInt(env("BENCH_BULK_BATCH", "200")),
                Integer.parseInt(env("BENCH_RAW_BULK_CONCURRENCY", "1")),
                serviceJar(env("BENCH_SERVICE_JAR", "")),
                env("BENCH_SERVICE_HEAP", "1g"),
                env("BENCH_ES_HEAP", "2g"),
                env("BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/"),
                env("BENCH_PG_USER", "postgres"),
                env("BENCH_PG_PASSWORD", ""),
                env("BENCH_DATABASE", "dataset_search_bench"),
                env("BENCH_AMQP_HOST", "127.0.0.1"),
                Integer.parseInt(env("BENCH_AMQP_PORT", "5672")),
                env("BENCH_AMQP_USER", "guest"),
                env("BENCH_AMQP_PASSWORD", "guest"),
                env("BENCH_ALIAS", "datasets"),
                Path.of(env("BENCH_WORK_DIR", "e2e-tests/target/bench")),
                Path.of(env("BENCH_OUTPUT", "docs/benchmarks.md")),
                Duration.ofMinutes(Long.parseLong(env("BENCH_HARVEST_TIMEOUT_MINUTES", "600"))),
                // extra JVM options of the service processes, e.g. a flight recording while profiling
                Arrays.stream(env("BENCH_SERVICE_JVM_ARGS", "").split("\\s+")).filter(a -> !a.isBlank()).toList());
    }

    /** The executable jar: as given, else the -exec artifact of services/dataset-search, else its main jar. */
    private static Path serviceJar(String given) {
        if (!given.isEmpty()) {
            return Path.of(given);
        }
        Path exec = Path.of("services/dataset-search/target/dataset-search-0.1.0-SNAPSHOT-exec.jar");
        return Files.isRegularFile(exec) ? exec : Path.of("services/dataset-search/target/dataset-search-0.1.0-SNAPSHOT.jar");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
