package fr.dataterritoires.roadmaps.domain.governance;

/** The role a member holds in a governance body [R3, R22]. */
public enum MemberRole {
    CHAIR,
    MEMBER,
    /** Référent data de la préfecture. */
    PREFECTURE_DATA_REFERENT,
    INSEE,
    OPERATOR,
    /** Structure de mutualisation. */
    MUTUALISATION_STRUCTURE,
    CITIZEN_REPRESENTATIVE
}
