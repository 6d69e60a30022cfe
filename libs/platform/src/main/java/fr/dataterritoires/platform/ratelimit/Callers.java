package fr.dataterritoires.platform.ratelimit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a rate limit counts a request against: the token's subject when the caller sent a valid token (already checked
 * by the security chain or the gRPC authentication interceptor), else the caller's address. The gateway and the
 * services key their buckets the same way.
 */
public final class Callers {

    private Callers() {
    }

    /** {@code sub:<subject>} for an authenticated caller, else {@code addr:<address>}. */
    public static String key(Authentication authentication, String address) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "sub:" + authentication.getName();
        }
        return "addr:" + address;
    }

    /** The caller of the request being served on this thread. */
    public static String current(String address) {
        return key(SecurityContextHolder.getContext().getAuthentication(), address);
    }
}
