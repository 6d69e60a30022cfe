package fr.dataterritoires.exchanges.domain;

/** An enrolment waits for the employer's consent only where the programme requires it. */
public enum EnrolmentStatus {
    AWAITING_CONSENT,
    ENROLLED,
    CONSENT_REFUSED,
    COMPLETED,
    WITHDRAWN;

    public boolean isLive() {
        return this == AWAITING_CONSENT || this == ENROLLED;
    }
}
