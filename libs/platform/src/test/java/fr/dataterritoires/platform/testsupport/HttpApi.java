package fr.dataterritoires.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * A service's REST API over real HTTP on 127.0.0.1, with bearer tokens (usually {@link TestIssuer}'s). Every service's
 * tests call their server through this one client; a service's own test support may extend it with its tokens and
 * set-up shortcuts. Bodies are JSON: a String is sent as it is, anything else is written by the suite's mapper.
 */
public class HttpApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public HttpApi(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(json(body)), token);
    }

    public Response put(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(json(body)), token);
    }

    public Response patch(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", json(body)), token);
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /** Any request: for other content types, headers or methods. The path is resolved against the server. */
    public Response send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, token);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                : CloudEvents.mapper().writeValueAsString(body == null ? Map.of() : body));
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer, with assertions for the suite's conventions (problem+json refusals). */
    public record Response(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return CloudEvents.mapper().readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Response status(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        public Response ok() {
            return status(200);
        }

        /** Asserts a problem+json refusal with this status and a detail (or field errors) containing {@code words}. */
        public JsonNode problem(int expectedStatus, String... words) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("detail").asString()).as(body).isNotBlank();
            if (words.length > 0) {
                assertThat(problem.path("detail").asString() + " " + problem.path("errors")).as(body).contains(words);
            }
            return problem;
        }
    }
}
