package fr.dataterritoires.exchanges.domain;

/** An application waits for its employer, then for the host; either may refuse; the agent may withdraw it. */
public enum ApplicationStatus {
    SUBMITTED,
    EMPLOYER_APPROVED,
    EMPLOYER_REFUSED,
    HOST_REFUSED,
    ACCEPTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == SUBMITTED || this == EMPLOYER_APPROVED;
    }
}
