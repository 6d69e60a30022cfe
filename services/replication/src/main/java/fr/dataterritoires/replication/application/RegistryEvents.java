package fr.dataterritoires.replication.application;

/** Names of what this service records in its audit trail and outbox. */
public final class RegistryEvents {

    public static final String INITIATIVE = "Initiative";
    public static final String REPLICATION = "Replication";
    public static final String CALL = "CandidateCall";
    public static final String CANDIDACY = "Candidacy";
    public static final String SUPPORT = "SupportAction";

    public static final String INITIATIVE_VALIDATED = "fr.dataterritoires.replication.InitiativeValidated.v1";
    public static final String REPLICATION_LIVE = "fr.dataterritoires.replication.ReplicationLive.v1";

    /** Actor of changes made by events of other services. */
    public static final String SYSTEM = "system";

    private RegistryEvents() {
    }
}
