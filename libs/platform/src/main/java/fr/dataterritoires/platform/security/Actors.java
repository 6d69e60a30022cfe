package fr.dataterritoires.platform.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Access to the actor of the current request. Controllers may also declare a {@link DtPrincipal}
 * parameter, resolved the same way.
 */
public final class Actors {

    private Actors() {
    }

    /** The authenticated actor; throws (answered as a 401) when the request is anonymous. */
    public static DtPrincipal current() {
        return currentIfAuthenticated().orElseThrow(
                () -> new AuthenticationCredentialsNotFoundException("No authenticated actor"));
    }

    public static Optional<DtPrincipal> currentIfAuthenticated() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<DtPrincipal> from(Authentication authentication) {
        if (authentication instanceof DtAuthenticationToken token) {
            return Optional.of(token.actor());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(DtJwtAuthenticationConverter.toPrincipal(token.getToken()));
        }
        return Optional.empty();
    }
}
