package fr.dataterritoires.portal.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import fr.dataterritoires.portal.application.SignedInUser;

/**
 * A user signed in through the development login: who they are and the development issuer's token the portal relays.
 * Kept in the HTTP session like any Spring Security authentication (never sent to the browser).
 */
public final class PortalAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final String accessToken;

    public PortalAuthentication(SignedInUser user, String accessToken) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        this.user = user;
        this.accessToken = accessToken;
        setAuthenticated(true);
    }

    public SignedInUser user() {
        return user;
    }

    public String accessToken() {
        return accessToken;
    }

    @Override
    public Object getCredentials() {
        return accessToken;
    }

    @Override
    public Object getPrincipal() {
        return user.subject();
    }

    @Override
    public String getName() {
        return user.subject();
    }

    static List<String> roles(Object claim) {
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
