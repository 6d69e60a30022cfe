package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.datasetsearch.domain.HarvestRun;

/** The records of harvest runs. */
public interface HarvestRunRepository {

    /**
     * Inserts a running run; a {@link fr.dataterritoires.platform.errors.ConflictException} when the source already
     * has one running.
     */
    void insert(HarvestRun run, String actor);

    /** Writes the counts, status, end and error of a run, and refreshes its heartbeat. */
    void update(HarvestRun run, Instant heartbeat);

    /**
     * Adds the counts of {@code delta} (created, updated, unchanged, withdrawn, failed) to run {@code runId} and
     * refreshes its heartbeat: batches written concurrently each add their own.
     */
    void addCounts(UUID runId, HarvestRun delta, Instant heartbeat);

    Optional<HarvestRun> find(UUID id);

    /** The actor who started the run (a user's subject, or the harvest system actor). */
    Optional<String> actorOf(UUID id);

    /** Latest runs of a source first. */
    List<HarvestRun> findBySource(String sourceId, int limit);

    /** The running run of a source whose heartbeat is older than {@code silentSince}: abandoned by a crash. */
    Optional<HarvestRun> findAbandoned(String sourceId, Instant silentSince);

    /** End of the last completed run of each source that has one. */
    Map<String, Instant> lastCompleted();
}
