package fr.dataterritoires.replication.domain.programme;

/** Support an initiative or a replication receives. */
public enum SupportKind {
    /** Money from a funder (euros). */
    FUNDING(true),
    /** A préciput allocation of the national instance (commons-calls' PreciputAllocated, REPLICATION_SUPPORT). */
    PRECIPUT_ALLOCATION(true),
    /** An award of a call for commons (commons-calls' AwardGranted). */
    COMMONS_AWARD(true),
    /** Mentoring by a mutualisation structure. */
    MENTORING(false),
    /** Expertise lent (legal, technical, data). */
    EXPERTISE(false);

    private final boolean money;

    SupportKind(boolean money) {
        this.money = money;
    }

    public boolean isMoney() {
        return money;
    }
}
