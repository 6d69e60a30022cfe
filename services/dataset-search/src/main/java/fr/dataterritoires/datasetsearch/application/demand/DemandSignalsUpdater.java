package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.DemandSignals;
import fr.dataterritoires.platform.audit.AuditTrail;

/**
 * Sets a dataset's {@link DemandSignals} from what the demand tables hold (recounted, never incremented, so a
 * redelivered event or a re-declared roadmap item cannot count twice), and re-indexes it once the transaction commits.
 */
@Component
public class DemandSignalsUpdater {

    private static final Logger log = LoggerFactory.getLogger(DemandSignalsUpdater.class);

    private final DatasetRepository datasets;
    private final DatasetIndex index;
    private final AccessRequestStore requests;
    private final PriorityDeclarationStore declarations;
    private final AuditTrail audit;

    public DemandSignalsUpdater(DatasetRepository datasets, DatasetIndex index, AccessRequestStore requests,
                                PriorityDeclarationStore declarations, AuditTrail audit) {
        this.datasets = datasets;
        this.index = index;
        this.requests = requests;
        this.declarations = declarations;
        this.audit = audit;
    }

    /** Recounts the dataset's demand (the caller's transaction); returns the signals now held. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DemandSignals> recount(DatasetId id, String actor, Instant now) {
        Optional<Dataset> found = datasets.findForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Dataset dataset = found.get();
        PriorityDeclarationStore.Counts declared = declarations.countsFor(id);
        DemandSignals signals = new DemandSignals(declared.declarations(), declared.national(),
                requests.countForDataset(id));
        DemandSignals before = dataset.demand();
        if (signals.equals(before)) {
            return Optional.of(signals);
        }
        dataset.recordDemand(signals);
        datasets.update(dataset);
        audit.record(actor, "dataset.demand-updated", "Dataset", id.toString(), Map.of("demand", before),
                Map.of("demand", signals));
        if (dataset.isPublished()) {
            reindexAfterCommit(dataset, now);
        }
        return Optional.of(signals);
    }

    /** The index is not transactional: it follows the committed catalogue; a failure is repaired by a rebuild. */
    private void reindexAfterCommit(Dataset dataset, Instant now) {
        Runnable reindex = () -> {
            try {
                index.index(List.of(dataset), now);
            } catch (RuntimeException e) {
                log.warn("dataset {}: demand recorded but not re-indexed ({}); the next index rebuild will carry it",
                        dataset.id(), e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reindex.run();
                }
            });
        } else {
            reindex.run();
        }
    }
}
