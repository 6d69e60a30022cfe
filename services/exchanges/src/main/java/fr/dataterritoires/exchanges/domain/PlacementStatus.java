package fr.dataterritoires.exchanges.domain;

/**
 * Accepted (agreement pending) → agreed by the three parties → in progress → completed (report and feedback given);
 * cancelled from any state before completion.
 */
public enum PlacementStatus {
    AGREEMENT_PENDING,
    AGREED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    public boolean isLive() {
        return this != COMPLETED && this != CANCELLED;
    }
}
