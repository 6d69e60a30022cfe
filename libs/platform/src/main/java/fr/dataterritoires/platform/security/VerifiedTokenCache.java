package fr.dataterritoires.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that checks each token once: the signature and the claims of a token string it accepted are
 * not checked again until the token expires (or {@code maxAge} passes). Services call each other with the same
 * client-credentials token for minutes and a user's portal session relays the same access token page after page;
 * the RSA verification was the largest part of the authentication cost of a gRPC search in the search benchmark's
 * profile. Only accepted tokens are kept (a refused one is checked again each time), under their whole string: a
 * different token, even one differing in its signature only, is a different entry. A token is never accepted past
 * its {@code exp}; the delegate (with its clock skew) decides again then. Bounded: past {@code maxEntries}, expired
 * entries go, and if that is not enough, all of them.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant reuseUntil) {
    }

    public VerifiedTokenCache(JwtDecoder delegate, int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries ≥ 1 and a positive maxAge are needed");
        }
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = token == null ? null : verified.get(token);
        if (known != null && now.isBefore(known.reuseUntil())) {
            return known.jwt();
        }
        Jwt jwt = delegate.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && now.isBefore(expiresAt)) {
            Instant capped = now.plus(maxAge);
            remember(token, new Verified(jwt, expiresAt.isBefore(capped) ? expiresAt : capped), now);
        }
        return jwt;
    }

    /** Entries held now (for tests and metrics). */
    public int size() {
        return verified.size();
    }

    private void remember(String token, Verified entry, Instant now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> !now.isBefore(v.reuseUntil()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }
}
