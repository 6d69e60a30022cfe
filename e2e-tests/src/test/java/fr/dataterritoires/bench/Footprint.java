package fr.dataterritoires.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.dataterritoires.testing.process.ServiceProcess;

/**
 * Start-up and resident memory of one application (issue 10 §4): its executable jar extracted as the Dockerfile runs
 * it (Boot's tools jar mode: the application jar beside {@code lib/}), started alone with the {@code local} profile,
 * timed from the process start until {@code /actuator/health/readiness} answers 200 (polled every 250 ms by
 * {@link ServiceProcess}), then VmRSS after it settled. With the JDK's ahead-of-time cache: a training run
 * ({@code -XX:AOTCacheOutput}, Spring stopping once the context is refreshed: {@code -Dspring.context.exit=onRefresh})
 * writes the cache, then the same start with {@code -XX:AOTCache}.
 */
final class Footprint {

    record Result(String app, double startSeconds, Long idleBytes, Double aotStartSeconds, Long aotIdleBytes,
                  String note) {
    }

    private final Path workDir;
    private final Duration settle;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    /**
     * {@code environment}: the backends' and suite's variables every service gets (like {@code LocalSuite});
     * {@code jvmOptions}: the same for every application measured.
     */
    Footprint(Path workDir, Duration settle, Map<String, String> environment, List<String> jvmOptions) {
        this.workDir = workDir;
        this.settle = settle;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** Extracts {@code executableJar} under the work directory; returns the application jar to run. */
    Path extract(String app, Path executableJar) throws IOException, InterruptedException {
        Path dir = workDir.resolve("extracted").resolve(app);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", executableJar.toAbsolutePath().toString(),
                "extract", "--destination", dir.toString()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("extract-" + app + ".log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("could not extract " + executableJar + " (log " + workDir.resolve("extract-" + app + ".log") + ")");
        }
        return dir.resolve(executableJar.getFileName());
    }

    /** One start, timed; VmRSS after {@code settle}; stopped. */
    double[] startOnce(String app, Path jar, List<String> extraOptions, String label) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(extraOptions);
        ServiceProcess.Builder b = ServiceProcess.builder(app + "-" + label, jar)
                .profile("local")
                .httpPort(ServiceProcess.freePort())
                .logFile(workDir.resolve("logs").resolve("footprint-" + app + "-" + label + ".log"))
                .startTimeout(Duration.ofMinutes(6))
                .jvmOptions(options.toArray(String[]::new));
        environment.forEach(b::env);
        int grpc = ServiceProcess.freePort();
        b.property("spring.grpc.server.port", grpc).env("DT_GRPC_PORT", String.valueOf(grpc));
        long start = System.nanoTime();
        try (ServiceProcess process = b.start()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(settle.toMillis());
            OptionalLong rss = ManagedProcess.residentBytes(process.pid());
            return new double[] {seconds, rss.isPresent() ? rss.getAsLong() : -1};
        }
    }

    /** The training run that writes the ahead-of-time cache of {@code jar}; false when it failed (see its log). */
    boolean train(String app, Path jar, Path cache) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh", "-Dspring.profiles.active=local", "-jar", jar.toString(),
                "--server.port=" + ServiceProcess.freePort(), "--spring.grpc.server.port=" + ServiceProcess.freePort()));
        Path log = workDir.resolve("logs").resolve("footprint-" + app + "-aot-training.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            ServiceProcess.terminate(p, Duration.ofSeconds(10));
            return false;
        }
        return Files.isRegularFile(cache);
    }

    /** Start-up and idle memory without, then with, the ahead-of-time cache. */
    Result measure(String app, Path executableJar, boolean aot) throws IOException, InterruptedException {
        Path jar = extract(app, executableJar);
        double[] plain = startOnce(app, jar, List.of(), "plain");
        Double aotSeconds = null;
        Long aotBytes = null;
        String note = null;
        if (aot) {
            Path cache = jar.getParent().resolve(app + ".aot");
            if (train(app, jar, cache)) {
                double[] cached = startOnce(app, jar, List.of("-XX:AOTCache=" + cache), "aot");
                aotSeconds = cached[0];
                aotBytes = cached[1] < 0 ? null : (long) cached[1];
            } else {
                note = "AOT training run failed (log footprint-" + app + "-aot-training.log)";
            }
        }
        return new Result(app, plain[0], plain[1] < 0 ? null : (long) plain[1], aotSeconds, aotBytes, note);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
