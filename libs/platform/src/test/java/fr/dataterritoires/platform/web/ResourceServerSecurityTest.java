package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceServerSecurityTest extends AbstractWebTest {

    @Test
    void noTokenIsA401ProblemWithBearerChallenge() {
        Http.Response response = http.get("/api/me", null);
        assertProblem(response, 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void unknownRouteWithoutTokenIsDeniedNotRevealed() {
        assertProblem(http.get("/api/nowhere", null), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/nowhere");
    }

    @Test
    void validTokenGivesTheActorWithRolesAndScopes() {
        Http.Response response = http.get("/api/me", token(Role.FUNDER));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("subject").asString()).isEqualTo("demo-financeur");
        assertThat(response.json().path("siren").asString()).isEqualTo(DevUsers.DEMO_FUNDER_SIREN);
        assertThat(response.json().path("roles").get(0).asString()).isEqualTo("FUNDER");
    }

    @Test
    void rightRoleOnRoleRestrictedPathIs200() {
        assertThat(http.get("/api/funders/calls", token(Role.FUNDER)).status()).isEqualTo(200);
    }

    @Test
    void wrongRoleOnRoleRestrictedPathIs403Problem() {
        Http.Response response = http.get("/api/funders/calls", token(Role.APPLICANT));
        assertProblem(response, 403, ProblemTypes.ACCES_REFUSE, "/api/funders/calls");
    }

    @Test
    void wrongRoleOnMethodSecurityIs403Problem() {
        assertProblem(http.get("/api/evaluations", token(Role.FUNDER)), 403, ProblemTypes.ACCES_REFUSE,
                "/api/evaluations");
        assertThat(http.get("/api/evaluations", token(Role.EVALUATOR)).status()).isEqualTo(200);
    }

    @Test
    void anotherRegionIs403ThroughOwnershipButTheOwnRegionAndCoordinatorPass() {
        String member84 = token(Role.COMMITTEE_MEMBER);
        Http.Response refused = http.get("/api/regions/11/roadmap", member84);
        assertProblem(refused, 403, ProblemTypes.ACCES_REFUSE, "/api/regions/11/roadmap");
        assertThat(refused.json().path("detail").asString()).contains("région");
        assertThat(http.get("/api/regions/84/roadmap", member84).status()).isEqualTo(200);
        assertThat(http.get("/api/regions/11/roadmap", token(Role.NATIONAL_COORDINATOR)).status()).isEqualTo(200);
    }

    @Test
    void anotherSirenIs403ThroughOwnership() {
        String funder = token(Role.FUNDER);
        assertProblem(http.get("/api/organisations/213800006/applications", funder), 403,
                ProblemTypes.ACCES_REFUSE, "/api/organisations/213800006/applications");
        assertThat(http.get("/api/organisations/" + DevUsers.DEMO_FUNDER_SIREN + "/applications", funder).status())
                .isEqualTo(200);
    }

    @Test
    void theSirenOfAnotherRoleDoesNotGrantOwnership() {
        // An agent employed by the funder's organisation does not act as the funder.
        String agentOfFunder = TestKeys.trusted().mint(DevUsers.demo(Role.AGENT).withSiren(DevUsers.DEMO_FUNDER_SIREN));
        assertProblem(http.get("/api/organisations/" + DevUsers.DEMO_FUNDER_SIREN + "/applications", agentOfFunder),
                403, ProblemTypes.ACCES_REFUSE, "/api/organisations/" + DevUsers.DEMO_FUNDER_SIREN + "/applications");
    }

    @Test
    void expiredTokenIs401() {
        String expired = TestKeys.trustedAt(Duration.ofHours(-2)).mint(
                DevUsers.demo(Role.FUNDER).withTtl(Duration.ofMinutes(10)));
        Http.Response response = http.get("/api/me", expired);
        assertProblem(response, 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    }

    @Test
    void tokenJustPastExpiryIsAcceptedWithinClockSkewButNotBeyond() {
        // exp 10 s ago: within the 30 s skew; exp 5 min ago: beyond it.
        String withinSkew = TestKeys.trustedAt(Duration.ofSeconds(-70)).mint(
                DevUsers.demo(Role.FUNDER).withTtl(Duration.ofSeconds(60)));
        assertThat(http.get("/api/me", withinSkew).status()).isEqualTo(200);
        String beyondSkew = TestKeys.trustedAt(Duration.ofMinutes(-6)).mint(
                DevUsers.demo(Role.FUNDER).withTtl(Duration.ofMinutes(1)));
        assertThat(http.get("/api/me", beyondSkew).status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutExpiryIs401() {
        // Same claims as a valid token, minus exp: it would otherwise be valid forever.
        Instant now = Instant.now();
        String noExpiry = TestKeys.signTrusted(new JWTClaimsSet.Builder()
                .issuer(TestKeys.ISSUER).subject("demo-coordination-nationale")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .claim("roles", List.of("NATIONAL_COORDINATOR")).build());
        Http.Response response = http.get("/api/me", noExpiry);
        assertProblem(response, 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
        String withExpiry = TestKeys.signTrusted(new JWTClaimsSet.Builder()
                .issuer(TestKeys.ISSUER).subject("demo-coordination-nationale")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("NATIONAL_COORDINATOR")).build());
        assertThat(http.get("/api/me", withExpiry).status()).isEqualTo(200);
    }

    @Test
    void tokenSignedByForeignKeyIs401() {
        assertProblem(http.get("/api/me", TestKeys.foreignKey().mintFor(Role.NATIONAL_COORDINATOR)), 401,
                ProblemTypes.NON_AUTHENTIFIE, "/api/me");
    }

    @Test
    void tokenFromWrongIssuerIs401() {
        assertProblem(http.get("/api/me", TestKeys.wrongIssuer().mintFor(Role.NATIONAL_COORDINATOR)), 401,
                ProblemTypes.NON_AUTHENTIFIE, "/api/me");
    }

    @Test
    void garbageTokenIs401() {
        assertProblem(http.get("/api/me", "not.a.jwt"), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
    }

    @Test
    void publishedDataIsOpenToAnonymousThroughServiceRules() {
        Http.Response response = http.get("/api/roadmaps/published/7", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("anonymous").asBoolean()).isTrue();
        // Only GET is opened.
        assertThat(http.send(http.request("/api/roadmaps/published/7", null)
                .DELETE().build()).status()).isEqualTo(401);
    }

    @Test
    void healthIsPublicOtherActuatorEndpointsAreNot() {
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/env", null).status()).isEqualTo(401);
    }

    @Test
    void theSwaggerUiPathOfThePlatformDefaultsIsOpen() {
        // springdoc.swagger-ui.path=/api-docs: the UI must not sit behind authentication.
        assertThat(http.get("/api-docs", null).status()).isNotEqualTo(401);
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void noSessionIsCreated() {
        Http.Response response = http.get("/api/me", token(Role.AGENT));
        assertThat(response.raw().headers().firstValue("Set-Cookie")).isEmpty();
    }
}
