package fr.dataterritoires.replication.domain.initiative;

import java.time.Instant;
import java.util.List;

/**
 * One maturity step taken: from, to, when, by whom, the justification given, and the evidence checked (French
 * sentences, kept as they were when the step was taken).
 */
public record MaturityStep(Maturity from, Maturity to, Instant at, String actor, String justification,
        List<String> evidence) {

    public MaturityStep {
        evidence = List.copyOf(evidence);
    }
}
