package fr.dataterritoires.roadmaps.domain.priority;

/** A priority of the national instance (for the whole country) or of a committee (for its région). */
public enum PriorityLevel {
    NATIONAL,
    LOCAL
}
