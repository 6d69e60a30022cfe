package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/**
 * The events dataset-search publishes through the outbox, and their small payloads (schemas in libs/contracts
 * {@code events/datasetsearch/}): ids and what a consumer needs to decide whether to fetch more.
 */
public final class CatalogueEvents {

    private static final String PREFIX = "fr.dataterritoires.dataset-search.";
    public static final String DATASET_PUBLISHED = PREFIX + "DatasetPublished.v1";
    public static final String DATASET_UPDATED = PREFIX + "DatasetUpdated.v1";
    public static final String DATASET_WITHDRAWN = PREFIX + "DatasetWithdrawn.v1";
    public static final String HARVEST_COMPLETED = PREFIX + "HarvestCompleted.v1";

    public static final String DATASET = "Dataset";
    public static final String HARVEST_RUN = "HarvestRun";

    private CatalogueEvents() {
    }

    /** Payload of DatasetPublished and DatasetUpdated. */
    public static Map<String, Object> datasetPayload(Dataset dataset, DatasetDescription d) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("datasetId", dataset.id().toString());
        payload.put("title", d.title());
        payload.put("accessLevel", d.accessLevel().name());
        payload.put("coverage", d.coverage().territories().stream().map(TerritoryRef::key).toList());
        payload.put("sourceUri", d.sourceUri());
        if (d.landingPage() != null) {
            payload.put("landingPage", d.landingPage());
        }
        if (d.modified() != null) {
            payload.put("modified", d.modified().toString());
        }
        payload.put("sources", dataset.provenance().stream().map(p -> p.sourceId()).distinct().toList());
        return payload;
    }

    /** Payload of DatasetWithdrawn. */
    public static Map<String, Object> withdrawnPayload(Dataset dataset, String sourceId, Instant at) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("datasetId", dataset.id().toString());
        payload.put("withdrawnAt", dataset.withdrawnAt().orElse(at).toString());
        payload.put("lastSource", sourceId);
        return payload;
    }

    /** Payload of HarvestCompleted, sent whether the run completed or failed. */
    public static Map<String, Object> completedPayload(HarvestRun run) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("runId", run.id().toString());
        payload.put("sourceId", run.sourceId());
        payload.put("trigger", run.trigger().name());
        payload.put("status", run.status().name());
        payload.put("started", run.started().toString());
        payload.put("finished", run.finished().toString());
        payload.put("durationMs", run.duration(run.finished()).toMillis());
        payload.put("counts", counts(run));
        if (run.error() != null) {
            payload.put("error", run.error());
        }
        return payload;
    }

    static Map<String, Object> counts(HarvestRun run) {
        var counts = new LinkedHashMap<String, Object>();
        counts.put("new", run.created());
        counts.put("updated", run.updated());
        counts.put("unchanged", run.unchanged());
        counts.put("withdrawn", run.withdrawn());
        counts.put("failed", run.failed());
        return counts;
    }

    /** What the audit trail keeps of a dataset: its state and sources, not its whole description. */
    static Map<String, Object> auditSummary(Dataset dataset, Instant now) {
        return auditSummary(dataset, dataset.description(now));
    }

    /** Same, with the dataset's view already computed. */
    static Map<String, Object> auditSummary(Dataset dataset, Optional<DatasetDescription> view) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("status", dataset.status().name());
        view.ifPresent(d -> summary.put("title", d.title()));
        List<String> sources = dataset.provenance().stream().map(p -> p.sourceId() + "/" + p.recordKey()).toList();
        summary.put("sources", sources);
        summary.put("version", dataset.version());
        return summary;
    }
}
