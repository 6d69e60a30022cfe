package fr.dataterritoires.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jwt.JWTClaimsSet;

import fr.dataterritoires.gateway.support.Gateway;
import fr.dataterritoires.gateway.support.GatewayBackends;
import fr.dataterritoires.gateway.support.GatewayTest;
import fr.dataterritoires.gateway.support.RecordingService;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

/** Routing, token relay, edge checks (token, size, CORS) and security headers, against a real HTTP server. */
@GatewayTest
class RoutingTest {

    private static final String MARKER = "X-Test-Marker";

    @LocalServerPort
    int port;

    private Gateway gateway() {
        return new Gateway(port);
    }

    private static RecordingService service() {
        return GatewayBackends.recording();
    }

    @Test
    void routesApiServicePathsToTheServicesApiWithMethodQueryAndBody() {
        String marker = UUID.randomUUID().toString();
        Response response = gateway().request("POST", "/api/echo/things/7/notes?sort=desc&q=donn%C3%A9es",
                HttpRequest.BodyPublishers.ofString("{\"texte\":\"bonjour\"}"), "Content-Type", "application/json",
                MARKER, marker);

        JsonNode echoed = response.ok().json();
        assertThat(echoed.path("method").asString()).isEqualTo("POST");
        assertThat(echoed.path("path").asString()).isEqualTo("/api/things/7/notes");
        assertThat(echoed.path("query").asString()).isEqualTo("sort=desc&q=donn%C3%A9es");
        assertThat(echoed.path("bodySize").asLong()).isEqualTo("{\"texte\":\"bonjour\"}".length());
        assertThat(service().receivedWith(MARKER, marker)).hasSize(1);
    }

    @Test
    void encodedBracesQuotesAndSpacesInASegmentReachTheServiceAsTheyCame() {
        // found by the e2e fuzzer: the gateway answered 500 for a segment holding an encoded "{" (a URI template)
        JsonNode echoed = gateway().get("/api/echo/things/%7B%22query%22%3A%7B%7D%7D%20x/notes?q=%7B%7D").ok().json();

        assertThat(echoed.path("path").asString()).isEqualTo("/api/things/%7B%22query%22%3A%7B%7D%7D%20x/notes");
        assertThat(echoed.path("query").asString()).isEqualTo("q=%7B%7D");
    }

    @Test
    void aLocationOfTheServiceBecomesThePublicPath() {
        Response response = gateway().request("POST", "/api/echo/created", HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/echo/things/42");
    }

    @Test
    void anUnknownServiceIsA404ProblemAndReachesNoService() {
        String marker = UUID.randomUUID().toString();
        JsonNode problem = gateway().get("/api/inconnu/things", MARKER, marker).problem(404);

        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.INTROUVABLE);
        assertThat(service().receivedWith(MARKER, marker)).isEmpty();
    }

    @Test
    void theCallersTokenReachesTheServiceAsItCame() {
        String token = TestIssuer.token(Role.FUNDER);
        String marker = UUID.randomUUID().toString();

        gateway().get("/api/echo/calls", "Authorization", "Bearer " + token, MARKER, marker).ok();

        List<RecordingService.Received> received = service().receivedWith(MARKER, marker);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void anonymousCallsPassTheServiceDecides() {
        String marker = UUID.randomUUID().toString();

        gateway().get("/api/echo/datasets", MARKER, marker).ok();

        assertThat(service().receivedWith(MARKER, marker).getFirst().header("Authorization")).isNull();
    }

    @Test
    void aForgedOrExpiredTokenIsRefusedAtTheGateway() {
        Instant now = Instant.now();
        String forged = TestIssuer.sign(TestIssuer.foreignKey("pirate"), new JWTClaimsSet.Builder()
                .issuer(TestIssuer.ISSUER).subject("pirate").issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(600))).build());
        String expired = TestIssuer.sign(new JWTClaimsSet.Builder()
                .issuer(TestIssuer.ISSUER).subject("ancien").issueTime(java.util.Date.from(now.minusSeconds(7200)))
                .expirationTime(java.util.Date.from(now.minusSeconds(3600))).build());

        for (String token : List.of(forged, expired, "pas-un-jeton")) {
            String marker = UUID.randomUUID().toString();
            Response response = gateway().get("/api/echo/calls", "Authorization", "Bearer " + token, MARKER, marker);
            JsonNode problem = response.problem(401);
            assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.NON_AUTHENTIFIE);
            assertThat(service().receivedWith(MARKER, marker)).as("a refused request reaches no service").isEmpty();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeReachingTheService() {
        byte[] tooLarge = new byte[4 * 1024 * 1024 + 1];
        String marker = UUID.randomUUID().toString();

        JsonNode declared = gateway().request("POST", "/api/echo/roadmaps/1/items/import",
                HttpRequest.BodyPublishers.ofByteArray(tooLarge), "Content-Type", "text/csv", MARKER, marker)
                .problem(413, "4 Mo");
        assertThat(declared.path("type").asString()).isEqualTo(ProblemTypes.CHARGE_TROP_GRANDE);
        assertThat(service().receivedWith(MARKER, marker)).isEmpty();

        // chunked: no length declared, counted while it streams
        Response chunked = gateway().request("POST", "/api/echo/roadmaps/1/items/import",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)),
                "Content-Type", "text/csv");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("type").asString()).isEqualTo(ProblemTypes.CHARGE_TROP_GRANDE);
    }

    @Test
    void aBodyWithinTheLimitPasses() {
        byte[] body = new byte[1024 * 1024];
        JsonNode echoed = gateway().request("POST", "/api/echo/roadmaps/1/items/import",
                HttpRequest.BodyPublishers.ofByteArray(body), "Content-Type", "text/csv").ok().json();
        assertThat(echoed.path("bodySize").asLong()).isEqualTo(body.length);
    }

    @Test
    void theGatewaySetsTheSecurityHeadersOnceWhateverTheServiceSent() {
        Response response = gateway().get("/api/echo/datasets").ok();

        // the service sent X-Frame-Options SAMEORIGIN: the gateway's DENY replaces it
        assertThat(response.headers().get("x-frame-options")).containsExactly("DENY");
        assertThat(response.headers().get("x-content-type-options")).containsExactly("nosniff");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");

        Response refused = gateway().get("/api/inconnu/x");
        assertThat(refused.headers().get("x-frame-options")).containsExactly("DENY");
    }

    @Test
    void aPreflightFromThePortalIsAnsweredByTheGateway() {
        String marker = UUID.randomUUID().toString();
        Response allowed = gateway().request("OPTIONS", "/api/echo/roadmaps", null,
                "Origin", GatewayBackends.CORS_ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type", MARKER, marker);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(GatewayBackends.CORS_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
        assertThat(service().receivedWith(MARKER, marker)).as("a preflight never reaches a service").isEmpty();

        Response actual = gateway().get("/api/echo/roadmaps", "Origin", GatewayBackends.CORS_ORIGIN);
        assertThat(actual.ok().header("Access-Control-Allow-Origin")).isEqualTo(GatewayBackends.CORS_ORIGIN);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        Response refused = gateway().request("OPTIONS", "/api/echo/roadmaps", null,
                "Origin", "https://malveillant.example", "Access-Control-Request-Method", "DELETE");

        JsonNode problem = refused.problem(403, "origine");
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.ACCES_REFUSE);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}
