package fr.dataterritoires.roadmaps.domain.roadmap;

/** Whether a dataset to open answers a national priority or a local one. */
public enum PriorityOrigin {
    NATIONAL,
    LOCAL
}
