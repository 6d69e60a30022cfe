package fr.dataterritoires.platform.security;

import java.util.Arrays;
import java.util.Set;

/**
 * The authenticated actor: who (subject, display name), with which roles, and within which scope.
 *
 * @param subject stable identifier from the token's {@code sub}
 * @param name display name ({@code name}, else {@code preferred_username}, else the subject)
 * @param roles recognised roles; unknown role names in the token are ignored
 * @param region INSEE region code, or {@code null}
 * @param ministry ministry code, or {@code null}
 * @param siren 9-digit SIREN, or {@code null}
 */
public record DtPrincipal(String subject, String name, Set<Role> roles, String region, String ministry,
                          String siren) {

    public DtPrincipal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }
}
