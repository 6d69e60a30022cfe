package fr.dataterritoires.roadmaps.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP, with tokens of the test issuer. */
public final class Api {

    public static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);
    /** Committee member of région 84 (Auvergne-Rhône-Alpes). */
    public static final String COMMITTEE_84 = TestIssuer.token(Role.COMMITTEE_MEMBER);
    /** Committee member of région 11 (Île-de-France). */
    public static final String COMMITTEE_11 = TestIssuer.token(DevUsers.demo(Role.COMMITTEE_MEMBER)
            .withSubject("demo-comite-11").withRegion("11"));
    /** Ministry officer of MTECT. */
    public static final String MTECT = TestIssuer.token(Role.MINISTRY_OFFICER);
    /** Ministry officer of another ministry. */
    public static final String MEF = TestIssuer.token(DevUsers.demo(Role.MINISTRY_OFFICER)
            .withSubject("demo-ministere-mef").withMinistry("MEF"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                        : CloudEvents.mapper().writeValueAsString(body == null ? Map.of() : body))), token);
    }

    public Response put(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(CloudEvents.mapper().writeValueAsString(body))), token);
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /** The committee of the région, created by a coordinator when missing. */
    public String committee(String region) {
        for (JsonNode c : get("/api/governance/committees", COORDINATOR).ok().json()) {
            if (c.path("regionCode").asString().equals(region)) {
                return c.path("id").asString();
            }
        }
        return post("/api/governance/committees", COORDINATOR, Map.of("regionCode", region,
                "name", "Comité territorial de la donnée " + region, "relevantTerritory", List.of()))
                .status(201).json().path("id").asString();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return CloudEvents.mapper().readTree(body);
        }

        public Response status(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        public Response ok() {
            return status(200);
        }

        /** Asserts a problem+json refusal with this status and a detail containing {@code words}. */
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
