package fr.dataterritoires.territory;

/** The kinds of current commune-level code held. Communes déléguées and associées are not current codes. */
public enum CommuneKind {
    /** A commune of type COM in the COG. */
    COMMUNE,
    /** One of the 45 arrondissements municipaux of Paris, Lyon and Marseille (type ARM), inside its commune. */
    ARRONDISSEMENT_MUNICIPAL
}
