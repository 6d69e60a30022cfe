package fr.dataterritoires.replication.domain.programme;

public enum CandidacyStatus {
    SUBMITTED,
    SELECTED,
    NOT_SELECTED
}
