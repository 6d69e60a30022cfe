package fr.dataterritoires.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ownership checks for the application layer: each method returns normally when the actor may act
 * on the resource, and otherwise throws {@link OwnershipViolationException} (an
 * {@code AccessDeniedException}, answered as a 403 problem). A {@code null} resource scope never
 * matches: a missing scope is refused, not granted. Each scope is bound to the role it belongs to:
 * a {@code region} claim counts for a committee member only, {@code ministry} for a ministry
 * officer only, {@code siren} for the role the caller names.
 */
public final class Ownership {

    private Ownership() {
    }

    /** Roles whose scope is the {@code siren} claim. */
    private static final Set<Role> SIREN_ROLES = EnumSet.of(Role.FUNDER, Role.APPLICANT, Role.AGENT, Role.HOST_MANAGER);

    /**
     * The actor is a committee member of this region, or a national coordinator (who may act for
     * every region). Another role's {@code region} claim does not count.
     */
    public static void requireRegion(DtPrincipal actor, String regionCode) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return;
        }
        if (!actor.hasRole(Role.COMMITTEE_MEMBER) || !matches(actor.region(), regionCode)) {
            throw new OwnershipViolationException("Vous ne pouvez agir que pour votre région.");
        }
    }

    /** The actor is a ministry officer of this ministry. */
    public static void requireMinistry(DtPrincipal actor, String ministry) {
        if (!actor.hasRole(Role.MINISTRY_OFFICER) || !matches(actor.ministry(), ministry)) {
            throw new OwnershipViolationException("Vous ne pouvez agir que pour votre ministère.");
        }
    }

    /**
     * The actor holds {@code role} and acts for the organisation with this SIREN. The {@code siren}
     * claim means a different organisation for each role (the funder, the applicant, the agent's
     * employer, the host): an agent employed by an applicant's organisation must not pass as that
     * applicant, hence the role.
     *
     * @param role one of {@link Role#FUNDER}, {@link Role#APPLICANT}, {@link Role#AGENT},
     *             {@link Role#HOST_MANAGER}
     */
    public static void requireSiren(DtPrincipal actor, Role role, String siren) {
        if (!SIREN_ROLES.contains(role)) {
            throw new IllegalArgumentException("Role " + role + " is not scoped by SIREN");
        }
        if (!actor.hasRole(role) || !matches(actor.siren(), siren)) {
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
