package fr.dataterritoires.roadmaps.domain.roadmap;

/** The access level a roadmap aims at for a dataset (the same values as dataset-search's catalogue). */
public enum AccessLevel {
    OPEN,
    SHARED,
    RESTRICTED
}
