package fr.dataterritoires.platform.grpc;

import java.util.Optional;

/**
 * The token a service sends on its own behalf when no user's token is there to propagate (a
 * scheduled job, an event consumer). Not provided by the platform: a service that calls others
 * outside a user's request declares one bean, typically backed by Spring Security's OAuth2
 * client with the client-credentials grant against Keycloak:
 *
 * <pre>{@code
 * @Bean
 * ServiceTokenProvider serviceToken(OAuth2AuthorizedClientManager clients) {
 *     OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("keycloak")
 *             .principal("roadmaps-service").build();
 *     return () -> Optional.ofNullable(clients.authorize(request))
 *             .map(client -> client.getAccessToken().getTokenValue());
 * }
 * }</pre>
 *
 * (with {@code spring-boot-starter-security-oauth2-client} and
 * {@code spring.security.oauth2.client.registration.keycloak.authorization-grant-type=client_credentials};
 * the manager caches the token until it expires). The token is only sent on the channels listed in
 * {@code dataterritoires.grpc.client.service-token-channels}, and only on calls made outside any
 * request: never on behalf of an anonymous caller.
 */
@FunctionalInterface
public interface ServiceTokenProvider {

    Optional<String> token();
}
