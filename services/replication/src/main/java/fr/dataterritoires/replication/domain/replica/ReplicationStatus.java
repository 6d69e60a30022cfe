package fr.dataterritoires.replication.domain.replica;

import java.util.Optional;

/** interested → planned → in progress → live; or abandoned, with a reason, before going live. */
public enum ReplicationStatus {
    INTERESTED("intéressé"),
    PLANNED("planifiée"),
    IN_PROGRESS("en cours"),
    LIVE("en service"),
    ABANDONED("abandonnée");

    private final String label;

    ReplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Optional<ReplicationStatus> next() {
        return switch (this) {
            case INTERESTED -> Optional.of(PLANNED);
            case PLANNED -> Optional.of(IN_PROGRESS);
            case IN_PROGRESS -> Optional.of(LIVE);
            case LIVE, ABANDONED -> Optional.empty();
        };
    }

    public boolean isFinal() {
        return this == LIVE || this == ABANDONED;
    }
}
