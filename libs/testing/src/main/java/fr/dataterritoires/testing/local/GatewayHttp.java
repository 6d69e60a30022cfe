package fr.dataterritoires.testing.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the gateway, for the helpers of this package that drive a running suite from outside (the demo
 * seed, dev tokens, harvests): waits as told on the gateway's rate limit (429 and Retry-After) instead of failing.
 * Tests call the services through the one REST test client (platform's {@code testsupport.HttpApi}).
 */
final class GatewayHttp {

    record Response(int status, String text, JsonNode body) {
    }

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();

    GatewayHttp(URI gateway) {
        this.gateway = gateway;
    }

    URI gateway() {
        return gateway;
    }

    /** The answer's JSON, or an IllegalStateException naming the call when the status is not {@code expected}. */
    JsonNode call(String method, String path, String token, Object body, int expected) throws IOException,
            InterruptedException {
        Response r = send(method, path, token, body);
        if (r.status() != expected) {
            throw new IllegalStateException(method + " " + path + ": expected HTTP " + expected + ", got " + r.status()
                    + " " + r.text());
        }
        return r.body();
    }

    Response send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // the gateway's rate limit (per client and route): wait as told, then again
            if (r.statusCode() == 429 && attempt < 20) {
                long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, wait) * 1000);
                continue;
            }
            String text = r.body();
            JsonNode node = text == null || text.isBlank() ? json.nullNode() : parse(text);
            return new Response(r.statusCode(), text, node);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return json.nullNode();
        }
    }
}
