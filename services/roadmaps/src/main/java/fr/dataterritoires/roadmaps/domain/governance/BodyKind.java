package fr.dataterritoires.roadmaps.domain.governance;

/** The two kinds of governance body. */
public enum BodyKind {
    /** Instance nationale: one, coordinates the regions, arbitrates roadmaps. */
    NATIONAL_INSTANCE,
    /** Comité territorial de la donnée: one per région. */
    REGIONAL_COMMITTEE
}
