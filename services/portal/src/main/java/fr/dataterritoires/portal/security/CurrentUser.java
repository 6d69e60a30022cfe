package fr.dataterritoires.portal.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import fr.dataterritoires.platform.security.DtClaims;
import fr.dataterritoires.portal.application.SignedInUser;

/**
 * The signed-in user of the current request, from the issuer's ID token, and the access token to relay on their
 * behalf: the issuer's (Keycloak, or the development issuer locally), kept server-side by Spring Security's authorized
 * client manager, which refreshes it when it can. Anonymous visitors have neither: the portal then calls the services
 * anonymously.
 */
@Component
public class CurrentUser {

    private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

    public CurrentUser(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    public Optional<SignedInUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken oauth
                && oauth.getPrincipal() instanceof OidcUser oidc) {
            String name = oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername();
            return Optional.of(new SignedInUser(oidc.getSubject(), name != null ? name : oidc.getSubject(),
                    roles(oidc.getClaims().get(DtClaims.ROLES)), oidc.getClaimAsString(DtClaims.SIREN),
                    oidc.getClaimAsString(DtClaims.REGION), oidc.getClaimAsString(DtClaims.MINISTRY)));
        }
        return Optional.empty();
    }

    public Optional<String> accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken oauth) {
            OAuth2AuthorizedClientManager manager = clients.getIfAvailable();
            if (manager == null) {
                return Optional.empty();
            }
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(oauth.getAuthorizedClientRegistrationId())
                    .principal(oauth).build());
            return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
        }
        return Optional.empty();
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
