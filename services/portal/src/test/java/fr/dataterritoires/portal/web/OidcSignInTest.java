package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.portal.support.PortalTest;

/**
 * With an OIDC client registered (production: Keycloak, `application-kubernetes.yml`), sign-in starts the
 * authorization code flow with PKCE (S256), a state and a nonce, for the public client {@code portal}. The issuer's
 * endpoints are given explicitly so that no discovery call is needed here; the flow against a running Keycloak is the
 * e2e journeys' (ADR 0014). A context of its own (its properties differ).
 */
@PortalTest
@TestPropertySource(properties = {
        "spring.security.oauth2.client.registration.keycloak.client-id=portal",
        "spring.security.oauth2.client.registration.keycloak.client-authentication-method=none",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.keycloak.scope=openid,profile,email",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=https://auth.example/realms/data-territoires/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=https://auth.example/realms/data-territoires/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=https://auth.example/realms/data-territoires/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=sub"})
class OidcSignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void signInIsTheAuthorizationCodeFlowWithPkce() throws Exception {
        String page = mvc.perform(get("/connexion")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/oauth2/authorization/keycloak\"")
                .contains("href=\"/oauth2/authorization/dev-issuer\"");

        MvcResult start = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn();
        assertThat(start.getResponse().getStatus()).isEqualTo(302);
        UriComponents location = UriComponentsBuilder.fromUriString(start.getResponse().getRedirectedUrl()).build();
        assertThat(location.getHost()).isEqualTo("auth.example");
        assertThat(location.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(location.getQueryParams().getFirst("client_id")).isEqualTo("portal");
        assertThat(location.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(location.getQueryParams().getFirst("code_challenge")).isNotBlank();
        assertThat(location.getQueryParams().getFirst("state")).isNotBlank();
        assertThat(location.getQueryParams().getFirst("nonce")).isNotBlank();
        assertThat(location.getQueryParams().getFirst("redirect_uri"))
                .endsWith("/login/oauth2/code/keycloak");
    }

    @Test
    void aProtectedPageSendsAnonymousVisitorsToTheSignInPage() throws Exception {
        MvcResult result = mvc.perform(get("/demandes-acces")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/connexion");
    }
}
