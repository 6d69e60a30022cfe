package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a run could not understand, kept raw with the reason, for the source's producer to fix. */
public interface HarvestFailureStore {

    record Failure(String recordKey, String raw, String reason, Instant at) {
    }

    void record(UUID runId, String recordKey, String raw, String reason, Instant at);

    /** The failures of a run in the order they were met. */
    List<Failure> list(UUID runId, int offset, int limit);

    long count(UUID runId);
}
