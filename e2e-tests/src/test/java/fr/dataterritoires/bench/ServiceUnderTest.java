package fr.dataterritoires.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;

/**
 * The dataset-search service as production runs it: its executable jar in a process of its own, against the local
 * PostgreSQL (bench database), the broker, an Elasticsearch node, trusting the bench issuer's key. Talked to over
 * real sockets only: REST on its HTTP port, gRPC on its gRPC port.
 */
final class ServiceUnderTest implements AutoCloseable {

    private final ManagedProcess process;
    private final int httpPort;
    private final int grpcPort;
    private final String token;
    private final HttpClient http;

    private ServiceUnderTest(ManagedProcess process, int httpPort, int grpcPort, String token) {
        this.process = process;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "service-http");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ServiceUnderTest start(String label, BenchConfig config, String elasticsearchUrl, BenchIssuer issuer,
                                  String java, Path logDir) throws IOException, InterruptedException {
        int httpPort = freePort();
        int grpcPort = freePort();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + config.serviceHeap()));
        config.serviceJvmArgs().forEach(arg -> command.add(arg.replace("{label}", label)));
        command.addAll(List.of("-jar", config.serviceJar().toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--spring.grpc.server.port=" + grpcPort,
                "--spring.datasource.url=" + config.postgresServerUrl() + config.database(),
                "--spring.datasource.username=" + config.postgresUser(),
                "--spring.datasource.password=" + config.postgresPassword(),
                "--spring.rabbitmq.host=" + config.amqpHost(),
                "--spring.rabbitmq.port=" + config.amqpPort(),
                "--spring.rabbitmq.username=" + config.amqpUser(),
                "--spring.rabbitmq.password=" + config.amqpPassword(),
                "--spring.elasticsearch.uris=" + elasticsearchUrl,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + issuer.publicKeyPem().toUri(),
                "--dataterritoires.security.issuer=" + BenchIssuer.ISSUER,
                "--dataterritoires.security.dev-issuer.enabled=false",
                "--dataterritoires.harvest.batch-size=" + config.bulkBatch(),
                "--dataterritoires.harvest.scheduling.enabled=false",
                // the bench is one client (one token) at up to 64 concurrent queries: the service's own rate limit
                // per caller (200/s, ADR 0018) would measure the limit, not the search
                "--dataterritoires.http.rate-limit.enabled=false",
                // Its own exchange, so that the bench's events reach no other consumer on the shared broker.
                "--dataterritoires.events.exchange=dataterritoires.events.bench"));
        ManagedProcess process = ManagedProcess.start("dataset-search-" + label, command, Map.of(),
                logDir.resolve("dataset-search-" + label + ".log"));
        ServiceUnderTest service = new ServiceUnderTest(process, httpPort, grpcPort, issuer.nationalCoordinatorToken());
        service.awaitReady(Duration.ofMinutes(5));
        return service;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The service exited while starting; its log ends with:\n" + process.tail(60));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("The service was not ready within " + timeout + "; its log ends with:\n" + process.tail(60));
    }

    long pid() {
        return process.pid();
    }

    OptionalLong residentBytes() {
        return process.residentBytes();
    }

    int grpcPort() {
        return grpcPort;
    }

    String token() {
        return token;
    }

    Path log() {
        return process.log();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
    }

    /** An authenticated JSON call that must succeed; its answer parsed (null when empty). */
    JsonNode call(String method, String path, String json) throws IOException, InterruptedException {
        return call(method, path, json, Duration.ofMinutes(2));
    }

    /** Same, waiting at most {@code timeout} for the answer. */
    JsonNode call(String method, String path, String json, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        if (response.body().isBlank()) {
            JsonNode location = response.headers().firstValue("Location")
                    .map(l -> (JsonNode) EsHttp.JSON.createObjectNode().put("location", l)).orElse(null);
            return location;
        }
        return EsHttp.JSON.readTree(response.body());
    }

    /** The REST path of a search of the mix ({@code GET /api/datasets}). */
    static String searchPath(QueryMix.Query q) {
        StringBuilder query = new StringBuilder();
        if (!q.text().isEmpty()) {
            query.append("&q=").append(encode(q.text()));
        }
        if (q.territory() != null) {
            query.append("&territory=").append(encode(q.territory()));
        }
        if (q.theme() != null) {
            query.append("&theme=").append(encode(q.theme()));
        }
        if (q.access() != null) {
            query.append("&accessLevel=").append(encode(q.access()));
        }
        if (!"relevance".equals(q.sort())) {
            query.append("&sort=").append(encode(q.sort()));
        }
        return "/api/datasets" + (query.isEmpty() ? "" : "?" + query.substring(1));
    }

    /** Sends a search anonymously, as the public does; returns the HTTP status. */
    int search(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    /** Same, keeping the body (for the capture pass and checks). */
    HttpResponse<String> searchWithBody(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
