package fr.dataterritoires.platform.security;

/** Names of the token claims the suite reads (Keycloak protocol mappers produce them). */
public final class DtClaims {

    /** Flat list (or space/comma separated string) of {@link Role} names. */
    public static final String ROLES = "roles";
    /** INSEE code of the region (2 digits) a committee member acts for. */
    public static final String REGION = "region";
    /** Code of the ministry a ministry officer acts for. */
    public static final String MINISTRY = "ministry";
    /** SIREN (9 digits) of the organisation a funder, applicant, agent or host manager acts for. */
    public static final String SIREN = "siren";
    public static final String NAME = "name";
    public static final String PREFERRED_USERNAME = "preferred_username";

    private DtClaims() {
    }
}
