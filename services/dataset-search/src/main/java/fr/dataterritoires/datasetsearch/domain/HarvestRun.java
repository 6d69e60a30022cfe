package fr.dataterritoires.datasetsearch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The record of one harvest of one source: what it found, and how it ended. Counts only move forward while running.
 */
public final class HarvestRun {

    public enum Status { RUNNING, COMPLETED, FAILED }

    public enum Trigger { SCHEDULE, ON_DEMAND }

    private final UUID id;
    private final String sourceId;
    private final Trigger trigger;
    private final Instant started;
    private Instant finished;
    private Status status;
    private int created;
    private int updated;
    private int unchanged;
    private int withdrawn;
    private int failed;
    private String error;

    public HarvestRun(UUID id, String sourceId, Trigger trigger, Instant started, Instant finished, Status status,
                      int created, int updated, int unchanged, int withdrawn, int failed, String error) {
        this.id = Objects.requireNonNull(id);
        this.sourceId = Text.requireNonBlank(sourceId, "source id");
        this.trigger = Objects.requireNonNull(trigger);
        this.started = Objects.requireNonNull(started);
        this.finished = finished;
        this.status = Objects.requireNonNull(status);
        this.created = created;
        this.updated = updated;
        this.unchanged = unchanged;
        this.withdrawn = withdrawn;
        this.failed = failed;
        this.error = error;
    }

    public static HarvestRun start(String sourceId, Trigger trigger, Instant now) {
        return new HarvestRun(UUID.randomUUID(), sourceId, trigger, now, null, Status.RUNNING, 0, 0, 0, 0, 0, null);
    }

    /** Counts what a record did to the catalogue. */
    public void count(Dataset.Change change) {
        requireRunning();
        switch (change) {
            case NEW, REPUBLISHED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case WITHDRAWN -> withdrawn++;
            case NONE -> { }
        }
    }

    public void countFailure() {
        requireRunning();
        failed++;
    }

    public void complete(Instant now) {
        requireRunning();
        finished = now;
        status = Status.COMPLETED;
    }

    /** The source could not be read at all (unreachable, not a catalogue): nothing is withdrawn then. */
    public void fail(String reason, Instant now) {
        requireRunning();
        finished = now;
        status = Status.FAILED;
        error = Text.requireNonBlank(reason, "reason");
    }

    private void requireRunning() {
        if (status != Status.RUNNING) {
            throw new IllegalStateException("Harvest run " + id + " is already " + status);
        }
    }

    public Duration duration(Instant now) {
        return Duration.between(started, finished != null ? finished : now);
    }

    public UUID id() { return id; }
    public String sourceId() { return sourceId; }
    public Trigger trigger() { return trigger; }
    public Instant started() { return started; }
    public Instant finished() { return finished; }
    public Status status() { return status; }
    public int created() { return created; }
    public int updated() { return updated; }
    public int unchanged() { return unchanged; }
    public int withdrawn() { return withdrawn; }
    public int failed() { return failed; }
    public String error() { return error; }
}
