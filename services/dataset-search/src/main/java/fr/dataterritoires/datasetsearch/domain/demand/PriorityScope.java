package fr.dataterritoires.datasetsearch.domain.demand;

/** Where a roadmap declares a dataset a priority: in some territories, or for the whole country. */
public enum PriorityScope {
    TERRITORIAL,
    NATIONAL
}
