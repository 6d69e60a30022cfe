package fr.dataterritoires.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A JWT authentication that also carries the mapped {@link DtPrincipal}. */
public class DtAuthenticationToken extends JwtAuthenticationToken {

    private final DtPrincipal actor;

    public DtAuthenticationToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, DtPrincipal actor) {
        super(jwt, authorities, actor.subject());
        this.actor = actor;
    }

    public DtPrincipal actor() {
        return actor;
    }
}
