package fr.dataterritoires.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The knobs of {@code make bench-writes}, from environment variables (documented in docs/benchmarks.md). */
record WritesConfig(
        Duration warmup,
        Duration measured,
        List<Integer> concurrencies,
        List<String> scenarios,
        int eventSamples,
        Duration eventInterval,
        int brokerSamples,
        int underLoadConcurrency,
        int jdbcConnections,
        boolean reads,
        boolean footprint,
        boolean aotCache,
        Duration idleSettle,
        String database,
        Path repo,
        Path workDir,
        Path output,
        Path minimalAppJar,
        List<String> jvmOptions) {

    static WritesConfig fromEnvironment() {
        Path repo = Path.of(env("BENCH_REPO", ".")).toAbsolutePath().normalize();
        return new WritesConfig(
                Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "3"))),
                Duration.ofSeconds(Long.parseLong(env("BENCH_WRITE_SECONDS", "10"))),
                Arrays.stream(env("BENCH_CONCURRENCY", "1,16,64").split(",")).map(String::strip)
                        .map(Integer::valueOf).toList(),
                Arrays.stream(env("BENCH_SCENARIOS", "roadmaps,commons-calls,exchanges,replication,preciput")
                        .split(",")).map(String::strip).toList(),
                Integer.parseInt(env("BENCH_EVENT_SAMPLES", "200")),
                Duration.ofMillis(Long.parseLong(env("BENCH_EVENT_INTERVAL_MS", "100"))),
                Integer.parseInt(env("BENCH_BROKER_SAMPLES", "2000")),
                Integer.parseInt(env("BENCH_UNDER_LOAD_CONCURRENCY", "16")),
                // the services' own pool (Hikari's default): the database sees no more writers from the baseline
                Integer.parseInt(env("BENCH_JDBC_CONNECTIONS", "10")),
                !"0".equals(env("BENCH_READS", "1")),
                !"0".equals(env("BENCH_FOOTPRINT", "1")),
                !"0".equals(env("BENCH_AOT", "1")),
                Duration.ofSeconds(Long.parseLong(env("BENCH_IDLE_SETTLE_SECONDS", "10"))),
                env("BENCH_DATABASE", "bench_writes"),
                repo,
                repo.resolve(env("BENCH_WORK_DIR", "e2e-tests/target/bench-writes")),
                repo.resolve(env("BENCH_OUTPUT", "docs/benchmarks.md")),
                repo.resolve(env("BENCH_MINIMAL_APP_JAR",
                        "e2e-tests/minimal-web-app/target/bench-minimal-web-app-0.1.0-SNAPSHOT-exec.jar")),
                // as deploy/docker/Dockerfile runs them in a 1 GiB container (heap 75 % / 50 % of the limit)
                Arrays.stream(env("BENCH_JVM_OPTIONS", "-Xmx768m -Xms512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError "
                        + "-XX:-UsePerfData").split("\\s+")).filter(o -> !o.isBlank()).toList());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
