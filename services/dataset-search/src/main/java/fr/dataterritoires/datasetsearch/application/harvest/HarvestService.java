package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.catalogue.IdentityKeys;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.DomainRuleViolation;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.outbox.OutboxPublisher;

/**
 * Harvests a source into the catalogue: one run at a time per source, records written in batches (one transaction
 * each, with their outbox events and audit records, then indexed once committed), and, after a complete read, the
 * records the source no longer carries dropped — a dataset no source carries any more is withdrawn. A source that
 * cannot be read withdraws nothing: what was not read was not seen.
 */
@Service
public class HarvestService {

    private static final Logger log = LoggerFactory.getLogger(HarvestService.class);
    private static final int ATTEMPTS = 3;
    /** Datasets written between two refreshes of the catalogue's statistics (see DatasetRepository#refreshStatistics). */
    static final int STATISTICS_EVERY = 10_000;

    private final HarvestSourceRepository sources;
    private final HarvestRunRepository runs;
    private final HarvestFailureStore failures;
    private final DatasetRepository datasets;
    private final DatasetIndex index;
    private final ObjectProvider<SourceReader> readers;
    private final OutboxPublisher outbox;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final HarvestProperties properties;
    private final HarvestMetrics metrics;
    private final Clock clock;

    public HarvestService(HarvestSourceRepository sources, HarvestRunRepository runs, HarvestFailureStore failures,
                          DatasetRepository datasets, DatasetIndex index, ObjectProvider<SourceReader> readers,
                          OutboxPublisher outbox, AuditTrail audit, PlatformTransactionManager transactionManager,
                          HarvestProperties properties, HarvestMetrics metrics, Optional<Clock> clock) {
        this.sources = sources;
        this.runs = runs;
        this.failures = failures;
        this.datasets = datasets;
        this.index = index;
        this.readers = readers;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The actor of scheduled runs in the audit trail. */
    public String systemActor() {
        return properties.systemActor();
    }

    /** Starts a run and executes it in the calling thread. */
    public HarvestRun run(String sourceId, HarvestRun.Trigger trigger, String actor) {
        return execute(start(sourceId, trigger, actor).id());
    }

    /**
     * Records a new running run of the source. Refused with a conflict (409) while another run of the source is
     * running; a run silent for longer than {@code dataterritoires.harvest.abandoned-after} is closed as failed first.
     */
    public HarvestRun start(String sourceId, HarvestRun.Trigger trigger, String actor) {
        return transactions.execute(status -> {
            HarvestSource source = sources.find(sourceId)
                    .orElseThrow(() -> NotFoundException.of("source de moissonnage", sourceId));
            if (!source.enabled()) {
                throw new DomainRuleViolation("source-desactivee",
                        "La source « " + sourceId + " » est désactivée : elle n'est pas moissonnée.");
            }
            Instant now = clock.instant();
            runs.findAbandoned(sourceId, now.minus(properties.abandonedAfter())).ifPresent(abandoned -> {
                abandoned.fail("Moisson interrompue (le service s'est arrêté pendant la lecture).", now);
                runs.update(abandoned, now);
                audit.record(properties.systemActor(), "harvest-run.ended", "harvest-run",
                        abandoned.id().toString(), Map.of("status", "RUNNING"), CatalogueEvents.counts(abandoned));
            });
            HarvestRun run = HarvestRun.start(sourceId, trigger, now);
            runs.insert(run, actor);
            audit.record(actor, "harvest-run.started", "harvest-run", run.id().toString(), null,
                    Map.of("sourceId", sourceId, "trigger", trigger.name(), "status", run.status().name()));
            return run;
        });
    }

    /** Executes a started run to its end; a run that already ended is returned as it is. */
    public HarvestRun execute(UUID runId) {
        HarvestRun run = runs.find(runId).orElseThrow(() -> NotFoundException.of("moisson", runId));
        if (run.status() != HarvestRun.Status.RUNNING) {
            return run;
        }
        String actor = runs.actorOf(runId).orElse(properties.systemActor());
        Optional<HarvestSource> source = sources.find(run.sourceId());
        if (source.isEmpty()) {
            return finish(run, actor, "La source « " + run.sourceId() + " » n'existe plus.");
        }
        Optional<SourceReader> reader = readerOf(source.get().kind());
        if (reader.isEmpty()) {
            return finish(run, actor, "Aucun lecteur n'est disponible pour les sources de type "
                    + source.get().kind() + ".");
        }
        Execution execution = new Execution(run, source.get(), actor);
        try {
            try {
                reader.get().read(source.get(), execution::accept);
                execution.flush();
                execution.drain();
                execution.dropUnseen();
                execution.drainIndex();
                return finish(execution.run, actor, null);
            } catch (SourceUnreadableException unreadable) {
                log.warn("Harvest run {} of {}: source unreadable: {}", runId, run.sourceId(), unreadable.getMessage());
                // what was read is kept (seen records are facts), but nothing is withdrawn
                String error = "Source illisible : " + unreadable.getMessage();
                try {
                    execution.flush();
                    execution.drain();
                } catch (RuntimeException flushFailed) {
                    log.error("Harvest run {}: could not write the records read before the failure", runId, flushFailed);
                }
                execution.drainIndex();
                return finish(execution.run, actor, error);
            } catch (RuntimeException failure) {
                log.error("Harvest run {} of {} failed", runId, run.sourceId(), failure);
                execution.quiesce();
                return finish(execution.run, actor, "La moisson s'est interrompue sur une erreur interne (moisson "
                        + runId + ", voir les journaux du service) ; rien n'a été retiré.");
            }
        } finally {
            execution.close();
        }
    }

    private Optional<SourceReader> readerOf(SourceKind kind) {
        return readers.orderedStream().filter(r -> r.kind() == kind).findFirst();
    }

    /** Ends the run: completed when {@code error} is null, failed otherwise. */
    private HarvestRun finish(HarvestRun run, String actor, String error) {
        HarvestRun ended = transactions.execute(status -> {
            Instant now = clock.instant();
            HarvestRun copy = copy(run);
            if (error == null) {
                copy.complete(now);
            } else {
                copy.fail(error, now);
            }
            runs.update(copy, now);
            var after = new LinkedHashMap<String, Object>(CatalogueEvents.counts(copy));
            after.put("status", copy.status().name());
            if (error != null) {
                after.put("error", error);
            }
            audit.record(actor, "harvest-run.ended", "harvest-run", copy.id().toString(),
                    Map.of("status", HarvestRun.Status.RUNNING.name()), after);
            outbox.record(CatalogueEvents.HARVEST_RUN, copy.id().toString(), CatalogueEvents.HARVEST_COMPLETED,
                    CatalogueEvents.completedPayload(copy));
            return copy;
        });
        metrics.runEnded(ended);
        log.info("Harvest run {} of {} {}: {} new, {} updated, {} unchanged, {} withdrawn, {} failed", ended.id(),
                ended.sourceId(), ended.status(), ended.created(), ended.updated(), ended.unchanged(),
                ended.withdrawn(), ended.failed());
        return ended;
    }

    private static HarvestRun copy(HarvestRun run) {
        return new HarvestRun(run.id(), run.sourceId(), run.trigger(), run.started(), run.finished(), run.status(),
                run.created(), run.updated(), run.unchanged(), run.withdrawn(), run.failed(), run.error());
    }

    /**
     * The state of one run while it reads its source. Three stages overlap: the reader (the calling thread) fetches and
     * parses the next page while {@code writers} writer threads store earlier batches in PostgreSQL, each in its own
     * transaction, and the indexer thread sends committed batches to the search index. A record key is handed to one
     * batch only (the reader keeps the first of a key read twice), so concurrent batches never touch the same record;
     * the run's counts are added by each batch, not overwritten. At most {@code pipeline-depth} batches wait for the
     * writers beyond those being written, and for the indexer (back-pressure on the reader). A write that fails stops
     * the reading at the next record; nothing is dropped before the whole source was read and written.
     */
    private final class Execution implements AutoCloseable {

        /** The run with the counts of every batch committed so far (changed under this execution's lock). */
        private volatile HarvestRun run;
        private final HarvestSource source;
        private final String actor;
        /** Record keys committed in this run (writer threads add, {@link #dropUnseen} reads after the drain). */
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        /** Record keys read in this run (reader thread only): the first of a key read twice is the one written. */
        private final Set<String> read = new HashSet<>();
        private final List<HarvestItem> buffer = new ArrayList<>();
        /** Datasets written since the catalogue's statistics were last refreshed (guarded by this). */
        private long writtenSinceStatistics;
        private final ExecutorService writer;
        private final ExecutorService indexer;
        private final int writeSlotCount = properties.pipelineDepth() + properties.writers();
        private final Semaphore writeSlots = new Semaphore(writeSlotCount);
        /** Committed batches waiting for the index: the indexer sends all those waiting as one bulk. */
        private final Semaphore indexSlots = new Semaphore(2 * properties.pipelineDepth());
        private final Queue<IndexWork> waitingForIndex = new ConcurrentLinkedQueue<>();
        /** The first failure of the writer thread: later batches are skipped, the reader stops. */
        private volatile RuntimeException writeFailure;

        Execution(HarvestRun run, HarvestSource source, String actor) {
            this.run = run;
            this.source = source;
            this.actor = actor;
            String name = "harvest-" + source.id() + "-";
            this.writer = Executors.newFixedThreadPool(properties.writers(),
                    Thread.ofPlatform().name(name + "writer-", 1).daemon().factory());
            this.indexer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name + "indexer").daemon().factory());
        }

        /** Reader thread: one record read. */
        void accept(HarvestItem item) {
            rethrowWriteFailure();
            if (!read.add(item.recordKey())) {
                // the same record twice in one read (overlapping pages): the first one counts
                return;
            }
            buffer.add(item);
            if (buffer.size() >= properties.batchSize()) {
                flush();
            }
        }

        /** Reader thread: hands the records read so far to the writer (waits while it is too far behind). */
        void flush() {
            rethrowWriteFailure();
            if (buffer.isEmpty()) {
                return;
            }
            List<HarvestItem> items = List.copyOf(buffer);
            buffer.clear();
            acquire(writeSlots);
            writer.execute(() -> {
                try {
                    if (writeFailure == null) {
                        write(() -> observe(items));
                    }
                } catch (RuntimeException failure) {
                    writeFailure = failure;
                } catch (Error error) {
                    writeFailure = new IllegalStateException(error);
                    throw error;
                } finally {
                    writeSlots.release();
                }
            });
        }

        /** Waits until every batch handed over is written (or skipped after a failure); rethrows the write failure. */
        void drain() {
            // every batch handed over holds a slot until it is written: all slots free, nothing is under way
            acquire(writeSlots, writeSlotCount);
            writeSlots.release(writeSlotCount);
            rethrowWriteFailure();
        }

        /** Waits until every committed batch went to the index (failures there are logged, not thrown). */
        void drainIndex() {
            await(indexer);
        }

        /** After a failure: lets what is under way end, so that the run record is written last. */
        void quiesce() {
            try {
                acquire(writeSlots, writeSlotCount);
                writeSlots.release(writeSlotCount);
                await(indexer);
            } catch (RuntimeException ignored) {
                // already failing
            }
        }

        @Override
        public void close() {
            writer.shutdownNow();
            indexer.shutdownNow();
        }

        private void rethrowWriteFailure() {
            RuntimeException failure = writeFailure;
            if (failure != null) {
                throw failure;
            }
        }

        private static void acquire(Semaphore slots) {
            acquire(slots, 1);
        }

        private static void acquire(Semaphore slots, int permits) {
            try {
                slots.acquire(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Harvest interrupted", e);
            }
        }

        private static void await(ExecutorService stage) {
            try {
                // the indexer: single-threaded and in order, so done when a no-op queued now has run
                stage.submit(() -> { }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Harvest interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        /** After a complete read (and every batch written): every record of the source not seen in this run is dropped. */
        void dropUnseen() {
            List<String> gone = datasets.recordKeys(source.id()).stream().filter(key -> !seen.contains(key)).toList();
            for (int from = 0; from < gone.size(); from += properties.batchSize()) {
                List<String> keys = gone.subList(from, Math.min(gone.size(), from + properties.batchSize()));
                write(() -> drop(keys));
            }
        }

        /** Runs a batch in its own transaction, again if a concurrent writer moved a dataset meanwhile. */
        private void write(Supplier<Batch> work) {
            for (int attempt = 1; ; attempt++) {
                try {
                    Batch batch = transactions.execute(status -> {
                        Batch b = work.get();
                        b.store(this);
                        return b;
                    });
                    committed(batch);
                    return;
                } catch (OptimisticLockingFailureException concurrent) {
                    if (attempt >= ATTEMPTS) {
                        throw concurrent;
                    }
                    log.info("Harvest run {}: a dataset changed concurrently, batch retried", run.id());
                }
            }
        }

        private Batch observe(List<HarvestItem> items) {
            Instant now = clock.instant();
            Batch batch = new Batch(now);
            // one look-up for the whole batch: incremental runs are mostly records already known
            batch.known.putAll(datasets.findByProvenance(source.id(),
                    items.stream().filter(i -> i instanceof HarvestItem.Parsed).map(HarvestItem::recordKey).toList()));
            // and one for the identities of the records not known yet (the same dataset in another source)
            List<DatasetRepository.IdentityKey> identities = new ArrayList<>();
            for (HarvestItem item : items) {
                if (item instanceof HarvestItem.Parsed parsed && !batch.known.containsKey(item.recordKey())) {
                    identityKey(parsed.description()).ifPresent(identities::add);
                }
            }
            batch.sameIdentity.putAll(datasets.findByIdentities(identities, source.id()));
            for (HarvestItem item : items) {
                String key = item.recordKey();
                if (!batch.seen.add(key)) {
                    continue; // the reader hands a key over once; a batch retried after a conflict starts afresh
                }
                switch (item) {
                    case HarvestItem.Failed failed -> {
                        failures.record(run.id(), key, failed.raw(), failed.reason(), now);
                        batch.failed++;
                    }
                    case HarvestItem.Parsed parsed -> observe(batch, key, parsed.description(), now);
                }
            }
            return batch;
        }

        private void observe(Batch batch, String key, DatasetDescription description, Instant now) {
            Optional<Pending> known = Optional.ofNullable(batch.known.get(key)).map(batch::pending);
            if (known.isEmpty()) {
                known = sameIdentity(batch, description);
            }
            if (known.isPresent()) {
                Pending pending = known.get();
                Dataset.Change change = pending.dataset.observe(source.id(), key, description, now);
                batch.count(change);
                if (change == Dataset.Change.UNCHANGED) {
                    batch.unchangedKeys.add(key);
                } else {
                    pending.changes.add(change);
                }
            } else {
                Dataset discovered = Dataset.discover(DatasetId.random(), source.id(), key, description, now);
                Pending pending = new Pending(discovered, null);
                pending.changes.add(Dataset.Change.NEW);
                batch.pending.put(discovered.id(), pending);
                batch.count(Dataset.Change.NEW);
            }
        }

        /** The same dataset already known from another source: merged, with one provenance per source. */
        private Optional<Pending> sameIdentity(Batch batch, DatasetDescription description) {
            return identityKey(description).map(batch.sameIdentity::get)
                    .map(batch::pending)
                    // merged earlier in this batch with another record of this source: two records, two datasets
                    .filter(p -> p.dataset.provenance().stream().noneMatch(pr -> pr.sourceId().equals(source.id())));
        }

        private static Optional<DatasetRepository.IdentityKey> identityKey(DatasetDescription description) {
            String uriKey = IdentityKeys.mergeKey(description.sourceUri()).orElse(null);
            String pageKey = IdentityKeys.mergeKey(description.landingPage()).orElse(null);
            return uriKey == null && pageKey == null ? Optional.empty()
                    : Optional.of(new DatasetRepository.IdentityKey(uriKey, pageKey));
        }

        private Batch drop(List<String> keys) {
            Instant now = clock.instant();
            Batch batch = new Batch(now);
            batch.known.putAll(datasets.findByProvenance(source.id(), keys));
            for (String key : keys) {
                Optional.ofNullable(batch.known.get(key)).map(batch::pending).ifPresent(pending -> {
                    Dataset.Change change = pending.dataset.dropFrom(source.id(), key, now);
                    batch.count(change);
                    if (change != Dataset.Change.NONE) {
                        pending.changes.add(change);
                    }
                });
            }
            return batch;
        }

        /** After commit: the run's counts move on, the index follows the catalogue. */
        private void committed(Batch batch) {
            boolean refreshStatistics;
            synchronized (this) {
                HarvestRun next = copy(run);
                batch.addCountsTo(next);
                run = next;
                writtenSinceStatistics += batch.written();
                refreshStatistics = writtenSinceStatistics >= STATISTICS_EVERY;
                if (refreshStatistics) {
                    writtenSinceStatistics = 0;
                }
            }
            if (refreshStatistics) {
                datasets.refreshStatistics();
            }
            seen.addAll(batch.seen);
            batch.counts.forEach((change, count) ->
                    metrics.records(source.id(), outcome(change), count));
            metrics.records(source.id(), "failed", batch.failed);
            List<Dataset> toIndex = new ArrayList<>();
            List<DatasetId> toRemove = new ArrayList<>();
            for (Pending pending : batch.pending.values()) {
                if (pending.changes.isEmpty()) {
                    continue;
                }
                if (pending.dataset.isPublished()) {
                    toIndex.add(pending.dataset);
                } else {
                    toRemove.add(pending.dataset.id());
                }
            }
            if (toIndex.isEmpty() && toRemove.isEmpty()) {
                return;
            }
            acquire(indexSlots);
            waitingForIndex.add(new IndexWork(toIndex, toRemove, batch.now));
            indexer.execute(this::indexWaiting);
        }

        /**
         * Indexer thread: every committed batch waiting, as one bulk (the latest state of a dataset met in several
         * wins); a batch already taken by an earlier call leaves nothing to do.
         */
        private void indexWaiting() {
            List<IndexWork> works = new ArrayList<>();
            for (IndexWork work; (work = waitingForIndex.poll()) != null; ) {
                works.add(work);
            }
            if (works.isEmpty()) {
                return;
            }
            Map<DatasetId, Dataset> latest = new LinkedHashMap<>();
            Map<DatasetId, Boolean> removed = new LinkedHashMap<>();
            for (IndexWork work : works) {
                for (Dataset dataset : work.index()) {
                    latest.put(dataset.id(), dataset);
                    removed.remove(dataset.id());
                }
                for (DatasetId id : work.remove()) {
                    latest.remove(id);
                    removed.put(id, true);
                }
            }
            try {
                if (!latest.isEmpty()) {
                    index.index(latest.values(), works.getLast().now());
                }
                if (!removed.isEmpty()) {
                    index.remove(removed.keySet());
                }
            } catch (RuntimeException indexDown) {
                // the catalogue committed and stays the truth: POST /api/index/rebuild repairs the index
                log.error("Harvest run {}: {} datasets committed but not indexed", run.id(),
                        latest.size() + removed.size(), indexDown);
                metrics.indexFailure(source.id());
            } finally {
                indexSlots.release(works.size());
            }
        }
    }

    /** A committed batch's changes for the index. */
    private record IndexWork(List<Dataset> index, List<DatasetId> remove, Instant now) {
    }

    private static String outcome(Dataset.Change change) {
        return switch (change) {
            case NEW, REPUBLISHED -> "new";
            case UPDATED -> "updated";
            case UNCHANGED -> "unchanged";
            case WITHDRAWN -> "withdrawn";
            case NONE -> "none";
        };
    }

    /** A dataset read in a batch, with what happened to it; {@code before} is null for a new one. */
    private static final class Pending {
        final Dataset dataset;
        final Map<String, Object> before;
        final List<Dataset.Change> changes = new ArrayList<>();

        Pending(Dataset dataset, Map<String, Object> before) {
            this.dataset = dataset;
            this.before = before;
        }
    }

    /** What one batch read and changed, written in one transaction. */
    private final class Batch {
        final Instant now;
        final Map<DatasetId, Pending> pending = new LinkedHashMap<>();
        final Map<String, Dataset> known = new HashMap<>();
        final Map<DatasetRepository.IdentityKey, Dataset> sameIdentity = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final List<String> unchangedKeys = new ArrayList<>();
        final Map<Dataset.Change, Integer> counts = new EnumMap<>(Dataset.Change.class);
        int failed;

        Batch(Instant now) {
            this.now = now;
        }

        /** The batch's copy of a loaded dataset, so that a dataset met twice is changed and written once. */
        Pending pending(Dataset loaded) {
            return pending.computeIfAbsent(loaded.id(),
                    id -> new Pending(loaded, CatalogueEvents.auditSummary(loaded, now)));
        }

        /** Datasets this batch created, changed or withdrew. */
        int written() {
            int written = 0;
            for (Map.Entry<Dataset.Change, Integer> c : counts.entrySet()) {
                if (c.getKey() != Dataset.Change.UNCHANGED && c.getKey() != Dataset.Change.NONE) {
                    written += c.getValue();
                }
            }
            return written;
        }

        void count(Dataset.Change change) {
            counts.merge(change, 1, Integer::sum);
        }

        /** Writes the datasets, their events and audit records, and the run's counts, in the caller's transaction. */
        void store(Execution execution) {
            String sourceId = execution.source.id();
            if (!unchangedKeys.isEmpty()) {
                datasets.touch(sourceId, unchangedKeys, now);
            }
            // the datasets first (row versions checked), as batches of statements; then their events and audit
            // records, each list in the order of the changes: one append to the audit chain (one head lock), one batch
            // of outbox rows
            List<Dataset> created = new ArrayList<>();
            List<Dataset> changed = new ArrayList<>();
            List<AuditTrail.Entry> audited = new ArrayList<>();
            List<OutboxPublisher.Event> events = new ArrayList<>();
            for (Pending p : pending.values()) {
                if (p.changes.isEmpty()) {
                    continue;
                }
                Dataset dataset = p.dataset;
                String id = dataset.id().toString();
                Optional<DatasetDescription> view = dataset.description(now);
                Map<String, Object> after = CatalogueEvents.auditSummary(dataset, view);
                if (p.before == null) {
                    created.add(dataset);
                    audited.add(new AuditTrail.Entry(execution.actor, "dataset.created", "dataset", id, null, after));
                    events.add(published(dataset, view, CatalogueEvents.DATASET_PUBLISHED));
                } else if (!dataset.isPublished()) {
                    changed.add(dataset);
                    audited.add(new AuditTrail.Entry(execution.actor, "dataset.withdrawn", "dataset", id, p.before, after));
                    events.add(new OutboxPublisher.Event(CatalogueEvents.DATASET, id, CatalogueEvents.DATASET_WITHDRAWN,
                            CatalogueEvents.withdrawnPayload(dataset, sourceId, now)));
                } else if (p.changes.contains(Dataset.Change.REPUBLISHED)) {
                    changed.add(dataset);
                    audited.add(new AuditTrail.Entry(execution.actor, "dataset.republished", "dataset", id, p.before, after));
                    events.add(published(dataset, view, CatalogueEvents.DATASET_PUBLISHED));
                } else {
                    changed.add(dataset);
                    audited.add(new AuditTrail.Entry(execution.actor, "dataset.updated", "dataset", id, p.before, after));
                    events.add(published(dataset, view, CatalogueEvents.DATASET_UPDATED));
                }
            }
            datasets.insertAll(created);
            datasets.updateAll(changed);
            audit.recordAll(audited);
            outbox.recordAll(events);
            HarvestRun delta = HarvestRun.start(sourceId, execution.run.trigger(), now);
            addCountsTo(delta);
            runs.addCounts(execution.run.id(), delta, now);
        }

        /** Adds what this batch counted to {@code run}'s counts. */
        void addCountsTo(HarvestRun run) {
            counts.forEach((change, count) -> {
                for (int i = 0; i < count; i++) {
                    run.count(change);
                }
            });
            for (int i = 0; i < failed; i++) {
                run.countFailure();
            }
        }

        private OutboxPublisher.Event published(Dataset dataset, Optional<DatasetDescription> view, String type) {
            return new OutboxPublisher.Event(CatalogueEvents.DATASET, dataset.id().toString(), type,
                    CatalogueEvents.datasetPayload(dataset, view.orElseThrow()));
        }
    }
}
