package fr.dataterritoires.replication.domain.initiative;

import java.util.Optional;
import java.util.UUID;

/**
 * Facts about an initiative held outside its aggregate that maturity steps need, gathered by the application layer
 * in the step's transaction: the cohort it was selected into, its live replications.
 *
 * @param cohortId the acceleration cohort the initiative was selected into, if any
 * @param liveReplications replications of it (or of its replicas) that are live
 */
public record MaturityFacts(Optional<UUID> cohortId, int liveReplications) {

    public MaturityFacts {
        cohortId = cohortId == null ? Optional.empty() : cohortId;
        if (liveReplications < 0) {
            throw new IllegalArgumentException("liveReplications < 0");
        }
    }

    public static MaturityFacts none() {
        return new MaturityFacts(Optional.empty(), 0);
    }
}
