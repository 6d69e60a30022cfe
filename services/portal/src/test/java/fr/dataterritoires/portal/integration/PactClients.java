package fr.dataterritoires.portal.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import au.com.dius.pact.consumer.MockServer;
import fr.dataterritoires.portal.security.CurrentUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's real {@link ServiceClients} on Pact's mock server, for the consumer pact tests of each service the
 * portal calls (docs/adr/0015-contract-tests.md): the mock server is the service's base URL (the gateway adds only a
 * prefix), the signed-in user's token is relayed as the portal relays it.
 */
final class PactClients {

    /** The example token the pacts carry; each provider's verification replaces it with one it trusts. */
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vLXBvcnRldXIifQ.c2lnbmF0dXJl";
    static final String BEARER = "Bearer [A-Za-z0-9._~+/=-]+";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** RFC 3339 in UTC, as Jackson writes an {@link Instant} (0, 3, 6 or 9 decimals). */
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    static final String JSON = "application/json.*";
    static final String PROBLEM = "application/problem\\+json.*";

    private PactClients() {
    }

    /** {@link ServiceClients} with the mock server as {@code service}'s base URL. */
    static ServiceClients on(MockServer server, String service) {
        ServiceEndpoints endpoints = new ServiceEndpoints();
        endpoints.setServices(Map.of(service, URI.create(server.getUrl())));
        OAuth2AuthorizedClientManager tokens = request -> new OAuth2AuthorizedClient(registration(),
                request.getPrincipal().getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, TOKEN,
                Instant.now(), Instant.now().plusSeconds(300)));
        CurrentUser user = new CurrentUser(new StaticListableBeanFactory(Map.of("tokens", tokens))
                .getBeanProvider(OAuth2AuthorizedClientManager.class));
        return new ServiceClients(endpoints, user, JsonMapper.builder().build(), new SimpleMeterRegistry(),
                new StaticListableBeanFactory().getBeanProvider(ObservationRegistry.class));
    }

    /** A user signed in through the OIDC login, as Spring Security records them in the session's context. */
    static void signIn() {
        OidcIdToken id = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", "demo-porteur", "name", "Nathan Richard"));
        DefaultOidcUser user = new DefaultOidcUser(List.of(), id);
        SecurityContextHolder.getContext().setAuthentication(new OAuth2AuthenticationToken(user, List.of(),
                "dev-issuer"));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("dev-issuer").clientId("portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/dev-issuer")
                .authorizationUri("http://127.0.0.1/dev-issuer/authorize")
                .tokenUri("http://127.0.0.1/dev-issuer/token").build();
    }
}
