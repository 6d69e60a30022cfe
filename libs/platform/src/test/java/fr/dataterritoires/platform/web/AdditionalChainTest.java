package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service (the portal, the gateway) adding a chain of its own for a few paths: the platform's
 * chain must stay behind it, so that every other path still needs a token.
 */
@Import(AdditionalChainTest.LoginChain.class)
class AdditionalChainTest extends AbstractWebTest {

    @Configuration(proxyBeanMethods = false)
    static class LoginChain {

        /** Like a portal's OAuth2 login chain: narrow, no explicit order. */
        @Bean
        SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/login/**", "/oauth2/**")
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                    .build();
        }
    }

    @Test
    void apiPathsStillNeedATokenBehindANarrowerChain() {
        assertProblem(http.get("/api/funders/calls", null), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/funders/calls");
        assertProblem(http.get("/api/items", null), 401, ProblemTypes.NON_AUTHENTIFIE, "/api/items");
        assertThat(http.get("/api/funders/calls", token(Role.FUNDER)).status()).isEqualTo(200);
        assertThat(http.get("/actuator/env", null).status()).isEqualTo(401);
    }

    @Test
    void theNarrowerChainHandlesItsOwnPaths() {
        assertThat(http.get("/login/oauth2/code/keycloak", null).status()).isNotEqualTo(401);
    }
}
