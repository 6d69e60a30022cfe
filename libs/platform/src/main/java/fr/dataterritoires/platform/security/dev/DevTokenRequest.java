package fr.dataterritoires.platform.security.dev;

import fr.dataterritoires.platform.security.Role;
import java.time.Duration;
import java.util.Set;

/**
 * What a development token says. Start from {@link DevUsers#demo(Role)} and adjust with the
 * {@code with*} methods.
 */
public record DevTokenRequest(String subject, String name, Set<Role> roles, String region, String ministry,
                              String siren, Duration ttl) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    public DevTokenRequest {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        ttl = ttl == null ? DEFAULT_TTL : ttl;
    }

    public DevTokenRequest withSubject(String value) {
        return new DevTokenRequest(value, name, roles, region, ministry, siren, ttl);
    }

    public DevTokenRequest withName(String value) {
        return new DevTokenRequest(subject, value, roles, region, ministry, siren, ttl);
    }

    public DevTokenRequest withRoles(Set<Role> value) {
        return new DevTokenRequest(subject, name, value, region, ministry, siren, ttl);
    }

    public DevTokenRequest withRegion(String value) {
        return new DevTokenRequest(subject, name, roles, value, ministry, siren, ttl);
    }

    public DevTokenRequest withMinistry(String value) {
        return new DevTokenRequest(subject, name, roles, region, value, siren, ttl);
    }

    public DevTokenRequest withSiren(String value) {
        return new DevTokenRequest(subject, name, roles, region, ministry, value, ttl);
    }

    public DevTokenRequest withTtl(Duration value) {
        return new DevTokenRequest(subject, name, roles, region, ministry, siren, value);
    }
}
