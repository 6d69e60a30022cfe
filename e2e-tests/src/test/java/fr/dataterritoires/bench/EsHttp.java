package fr.dataterritoires.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to Elasticsearch, with the JDK client: the raw side of the benchmark, without any of the service's
 * code in between. Also used for the bench's own housekeeping (counts, mappings, export of documents).
 */
final class EsHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;

    EsHttp(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // One connection per concurrent caller, as a pooled client of a real application would have.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "es-http");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    HttpClient client() {
        return client;
    }

    /** Sends a request and returns its status and body; throws on transport errors only. */
    HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /** A JSON request that must succeed (2xx), its answer parsed. */
    JsonNode json(String method, String pathAndQuery, String body) throws IOException {
        HttpResponse<byte[]> response = send(method, pathAndQuery, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    /**
     * Sends a recorded request again, byte for byte with the headers that shape it, reading and dropping the answer
     * as any client reads it; returns the status.
     */
    int replay(CapturingProxy.Captured captured) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + captured.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .method(captured.method(), captured.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(captured.body()));
        if (captured.contentType() != null) {
            request.header("Content-Type", captured.contentType());
        }
        if (captured.contentEncoding() != null) {
            request.header("Content-Encoding", captured.contentEncoding());
        }
        if (captured.accept() != null) {
            request.header("Accept", captured.accept());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    long count(String index) throws IOException {
        HttpResponse<byte[]> response = send("GET", "/" + index + "/_count", null, null);
        if (response.statusCode() == 404) {
            return -1;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("count " + index + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("count").asLong();
    }

    void refresh(String index) throws IOException {
        json("POST", "/" + index + "/_refresh", null);
    }

    boolean exists(String index) throws IOException {
        return send("HEAD", "/" + index, null, null).statusCode() == 200;
    }
}
