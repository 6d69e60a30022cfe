package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the REST API of a {@link ServiceProcess}, as a given user (a bearer token, by default the one the
 * test seeds with) or anonymously; an answer with another status than the expected one fails the test with the body.
 * What {@link DatasetSearchProcess} and {@link RoadmapsProcess} call their service with.
 */
public final class ServiceApi {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess process;
    private final String defaultToken;

    public ServiceApi(ServiceProcess process, String defaultToken) {
        this.process = process;
        this.defaultToken = defaultToken;
    }

    /** As the default user. */
    public JsonNode call(String method, String path, Object body, int expected) throws IOException,
            InterruptedException {
        return call(method, path, body, expected, defaultToken);
    }

    /**
     * @param token the caller's bearer token, {@code null}: anonymous
     * @throws AssertionError when the status is not {@code expected}
     */
    public JsonNode call(String method, String path, Object body, int expected, String token) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(process.uri(path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + ": expected " + expected + ", got "
                    + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
