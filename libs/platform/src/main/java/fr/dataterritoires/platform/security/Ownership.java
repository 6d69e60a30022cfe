package fr.dataterritoires.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Ownership checks for the application layer: each method returns normally when the actor may act
 * on the resource, and otherwise throws {@link OwnershipViolationException} (an
 * {@code AccessDeniedException}, answered as a 403 problem). A {@code null} resource scope never
 * matches: a missing scope is refused, not granted.
 */
public final class Ownership {

    private Ownership() {
    }

    /** The actor acts for this region, or is a national coordinator (who may act for every region). */
    public static void requireRegion(DtPrincipal actor, String regionCode) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return;
        }
        if (!matches(actor.region(), regionCode)) {
            throw new OwnershipViolationException("Vous ne pouvez agir que pour votre région.");
        }
    }

    /** The actor acts for this ministry. */
    public static void requireMinistry(DtPrincipal actor, String ministry) {
        if (!matches(actor.ministry(), ministry)) {
            throw new OwnershipViolationException("Vous ne pouvez agir que pour votre ministère.");
        }
    }

    /** The actor acts for the organisation with this SIREN. */
    public static void requireSiren(DtPrincipal actor, String siren) {
        if (!matches(actor.siren(), siren)) {
            throw new OwnershipViolationException("Vous ne pouvez agir que pour votre organisation.");
        }
    }

    /** The resource belongs to the actor (e.g. an agent's own applications). */
    public static void requireSubject(DtPrincipal actor, String subject) {
        if (!matches(actor.subject(), subject)) {
            throw new OwnershipViolationException("Cette ressource appartient à une autre personne.");
        }
    }

    /** The actor holds at least one of these roles. */
    public static void requireAnyRole(DtPrincipal actor, Role... roles) {
        if (!actor.hasAnyRole(roles)) {
            throw new OwnershipViolationException("Cette action est réservée aux rôles : "
                    + Arrays.stream(roles).map(Role::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static boolean matches(String actorScope, String resourceScope) {
        return actorScope != null && resourceScope != null && Objects.equals(actorScope, resourceScope);
    }
}
