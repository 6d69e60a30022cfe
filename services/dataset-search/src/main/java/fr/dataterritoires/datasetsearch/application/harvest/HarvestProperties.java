package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dataterritoires.harvest.*}.
 *
 * @param batchSize       records written per transaction (catalogue, outbox, audit), then indexed
 * @param pipelineDepth   batches read ahead of the writers, and committed batches waiting for the index, at most
 *                        (memory: about two such numbers of batches)
 * @param writers         batches written to PostgreSQL at the same time in one run (each in its own transaction): the
 *                        write path waits on the database's round trips, so more than one keeps it busy
 * @param scheduling      whether sources with a schedule are harvested on their cron (off in tests)
 * @param abandonedAfter  a running run silent for longer was abandoned (the service stopped): a new run may supersede it
 * @param systemActor     the actor of scheduled runs in the audit trail
 */
@ConfigurationProperties("dataterritoires.harvest")
public record HarvestProperties(Integer batchSize, Integer pipelineDepth, Integer writers, Scheduling scheduling,
                                Duration abandonedAfter, String systemActor) {

    public HarvestProperties {
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
        pipelineDepth = pipelineDepth == null || pipelineDepth < 1 ? 2 : pipelineDepth;
        writers = writers == null || writers < 1 ? 2 : writers;
        scheduling = scheduling == null ? new Scheduling(true) : scheduling;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(30) : abandonedAfter;
        systemActor = systemActor == null || systemActor.isBlank() ? "dataset-search:harvest" : systemActor;
    }

    public record Scheduling(boolean enabled) {
    }
}
