package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dataterritoires.testing.backends.Backends;
import tools.jackson.databind.JsonNode;

/**
 * A service of the suite run as a process ({@link ServiceProcess}) for the tests of another module, on the backends
 * the tests resolved: its executable jar from the system property {@code dataterritoires.test.<name>-jar}, the
 * {@code local} profile, a PostgreSQL database of its own, the broker and Elasticsearch node of this JVM, and a
 * namespace of its own (events exchange, queues, index), so that nothing it publishes or consumes reaches anyone
 * else. {@link #call} then speaks JSON to its REST API with a caller's token.
 *
 * <pre>{@code
 * TestService calls = TestService.start(TestService.builder("commons-calls")
 *         .property("dataterritoires.security.dev-issuer.enabled", true));
 * calls.call("GET", "/api/calls", null, 200, null);
 * }</pre>
 */
public final class TestService {

    private final ServiceProcess process;

    private TestService(ServiceProcess process) {
        this.process = process;
    }

    /**
     * The process's command line, ready to start: the caller adds the issuer it trusts and anything else (gRPC
     * ports, properties) before {@link #start(ServiceProcess.Builder)}.
     *
     * @param name the module's name, e.g. {@code commons-calls}: its jar is {@code dataterritoires.test.<name>-jar}
     */
    public static ServiceProcess.Builder builder(String name) {
        return ServiceProcess.builder(name, ServiceProcess.jarFromSystemProperty("dataterritoires.test." + name + "-jar"))
                .profile("local")
                .onTestBackends(name.replace('-', '_') + "_process")
                // a few connections each: the test PostgreSQL (100 connections) serves several suites at once
                .property("spring.datasource.hikari.maximum-pool-size", 4)
                .env("DT_ELASTICSEARCH_URL", Backends.elasticsearch().url())
                .httpPort(ServiceProcess.freePort())
                // a 2-core machine shared with other builds has been seen to take 3 minutes for one start
                .startTimeout(Duration.ofMinutes(8));
    }

    /** Starts the process and waits until it is ready; it stops when the JVM exits (or on {@code process().close()}). */
    public static TestService start(ServiceProcess.Builder builder) throws IOException, InterruptedException {
        return new TestService(builder.start());
    }

    /**
     * Starts them all at once (they do not need each other to start: a gRPC client connects on its first call) and
     * waits until every one is ready; if one fails, the others are stopped and its failure is thrown.
     *
     * @return the services, in the order of {@code builders}
     */
    public static List<TestService> startTogether(List<ServiceProcess.Builder> builders) throws IOException,
            InterruptedException {
        List<TestService> started = new ArrayList<>();
        Throwable failure = null;
        try (ExecutorService pool = Executors.newFixedThreadPool(builders.size())) {
            List<Future<ServiceProcess>> futures = new ArrayList<>();
            for (ServiceProcess.Builder builder : builders) {
                futures.add(pool.submit(builder::start));
            }
            for (Future<ServiceProcess> future : futures) {
                try {
                    started.add(new TestService(future.get()));
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
        }
        if (failure != null) {
            started.forEach(s -> s.process().close());
            switch (failure) {
                case IOException e -> throw e;
                case InterruptedException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IOException(failure);
            }
        }
        return List.copyOf(started);
    }

    /** Wraps a process started otherwise. */
    public static TestService of(ServiceProcess process) {
        return new TestService(process);
    }

    public ServiceProcess process() {
        return process;
    }

    /** Its HTTP base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + process.httpPort();
    }

    /**
     * Calls its REST API and returns the JSON answer ({@code null} token: anonymous).
     *
     * @throws AssertionError when the status is not {@code expected}
     */
    public JsonNode call(String method, String path, Object body, int expected, String token) throws IOException,
            InterruptedException {
        return new ServiceApi(process, null).call(method, path, body, expected, token);
    }

}
