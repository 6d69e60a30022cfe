package fr.dataterritoires.roadmaps.domain.priority;

/** What is declared a priority: a dataset (of the catalogue, or to be produced) or a theme. */
public enum PrioritySubject {
    DATASET,
    THEME
}
