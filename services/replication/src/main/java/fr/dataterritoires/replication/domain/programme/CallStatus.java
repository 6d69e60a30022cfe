package fr.dataterritoires.replication.domain.programme;

/** A call for candidates: open (criteria published, frozen), then selected (its cohort formed). */
public enum CallStatus {
    OPEN,
    SELECTED
}
