package fr.dataterritoires.roadmaps.domain.roadmap;

/** Where the money of a financial line comes from. */
public enum FundingSource {
    OWN_BUDGET,
    STATE,
    CALL_FOR_COMMONS,
    /** The préciput levied on innovation projects. */
    PRECIPUT
}
