package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.dataterritoires.platform.errors.ProblemTypes;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code dataterritoires.security.audience}, a token meant for another service is refused. */
@TestPropertySource(properties = "dataterritoires.security.audience=dt-subventions,dt-api")
class AudienceTest extends AbstractWebTest {

    private static String tokenFor(List<String> audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TestKeys.ISSUER).subject("demo-financeur")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("FUNDER"));
        if (audience != null) {
            claims.audience(audience);
        }
        return TestKeys.signTrusted(claims.build());
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        assertProblem(http.get("/api/me", tokenFor(List.of("dt-rh"))), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
    }

    @Test
    void tokenWithoutAudienceIs401() {
        assertProblem(http.get("/api/me", tokenFor(null)), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/me");
    }

    @Test
    void tokenNamingOneOfTheAudiencesIs200() {
        assertThat(http.get("/api/me", tokenFor(List.of("dt-api"))).status()).isEqualTo(200);
        assertThat(http.get("/api/me", tokenFor(List.of("account", "dt-subventions"))).status()).isEqualTo(200);
    }
}
