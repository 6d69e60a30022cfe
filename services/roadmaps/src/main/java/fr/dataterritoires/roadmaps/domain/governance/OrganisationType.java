package fr.dataterritoires.roadmaps.domain.governance;

/** What kind of organisation a member organisation is. */
public enum OrganisationType {
    LOCAL_AUTHORITY,
    STATE_SERVICE,
    PUBLIC_OPERATOR,
    MUTUALISATION_STRUCTURE,
    ASSOCIATION,
    COMPANY,
    RESEARCH,
    OTHER
}
