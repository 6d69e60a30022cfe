package fr.dataterritoires.platform.security;

import java.util.Optional;

/** Roles of the suite, carried in the token's flat {@code roles} claim; authority {@code ROLE_<name>}. */
public enum Role {
    NATIONAL_COORDINATOR,
    /** Scoped by {@code region}. */
    COMMITTEE_MEMBER,
    /** Scoped by {@code ministry}. */
    MINISTRY_OFFICER,
    /** Scoped by {@code siren} (the funding organisation). */
    FUNDER,
    /** Scoped by {@code siren}. */
    APPLICANT,
    EVALUATOR,
    /** Scoped by {@code siren} (the employer). */
    AGENT,
    /** Scoped by {@code siren}. */
    HOST_MANAGER;

    public static final String AUTHORITY_PREFIX = "ROLE_";

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /** Tolerates Keycloak-style spellings ("funder", "ROLE_FUNDER"); empty for an unknown role. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (name.startsWith(AUTHORITY_PREFIX)) {
            name = name.substring(AUTHORITY_PREFIX.length());
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
