package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;
import fr.dataterritoires.roadmaps.domain.roadmap.DatasetOpening;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;

/**
 * Automatic progress (ADR 0007 addendum): when dataset-search reports a catalogue dataset at some access level
 * ({@code DatasetPublished}, {@code DatasetUpdated}), every item of every roadmap — published ones included: progress
 * is tracking, not editing — that promised to open or share it at that level or a less open one is completed
 * ({@link DatasetOpening}), as the system. Per roadmap changed: one new version (action {@value #ACTION}, actor
 * {@value #SYSTEM_ACTOR}) with its snapshot, one audit record naming the items and the event. Runs in the inbound
 * event's transaction, so it happens once per event; a report that completes nothing (already done, less open level,
 * no item naming the dataset) writes nothing.
 */
@Service
public class AutomaticProgress {

    /** Who the version history and the audit trail name for changes made by the service itself. */
    public static final String SYSTEM_ACTOR = "system";
    static final String ACTION = "dataset-opened";
    static final String WITHDRAWN_ACTION = "dataset-withdrawn";
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Logger log = LoggerFactory.getLogger(AutomaticProgress.class);

    private final RoadmapStore roadmaps;
    private final DatasetLinks links;
    private final AuditTrail audit;

    public AutomaticProgress(RoadmapStore roadmaps, DatasetLinks links, AuditTrail audit) {
        this.roadmaps = roadmaps;
        this.links = links;
        this.audit = audit;
    }

    /**
     * The catalogue reports dataset {@code catalogueId} at {@code level} (event {@code eventType} {@code eventId} of
     * {@code reportedAt}). Returns the number of items completed.
     */
    @Transactional
    public int datasetReported(String catalogueId, AccessLevel level, Instant reportedAt, String eventType,
                               UUID eventId) {
        int completed = 0;
        for (UUID roadmapId : links.roadmapsNaming(catalogueId)) {
            Roadmap roadmap = roadmaps.findForUpdate(roadmapId).orElse(null);
            if (roadmap == null) {
                continue;
            }
            List<Item> items = DatasetOpening.completedBy(roadmap, catalogueId, level);
            if (items.isEmpty()) {
                continue;
            }
            Map<String, Object> before = RoadmapService.summary(roadmap, roadmap.version());
            LocalDate on = LocalDate.ofInstant(reportedAt, FRANCE);
            for (Item item : items) {
                DatasetOpening.complete(roadmap, item, level, on);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long version = roadmaps.update(roadmap, now);
            roadmaps.appendVersion(roadmapId, version, ACTION, SYSTEM_ACTOR, now, roadmap.status(),
                    RoadmapSnapshot.of(roadmap));
            Map<String, Object> after = RoadmapService.summary(roadmap, version);
            after.put("dataset", catalogueId);
            after.put("accessLevel", level.name());
            after.put("itemsCompleted", items.stream().map(i -> i.id().toString()).toList());
            after.put("event", eventType + " " + eventId);
            audit.record(SYSTEM_ACTOR, "roadmap." + ACTION, RoadmapEvents.ROADMAP, roadmapId.toString(), before, after);
            completed += items.size();
            log.info("Dataset {} reported {}: {} item(s) of roadmap {} completed (version {})", catalogueId, level,
                    items.size(), roadmapId, version);
        }
        return completed;
    }

    /**
     * The catalogue no longer carries dataset {@code catalogueId} ({@code DatasetWithdrawn}, event {@code eventId} of
     * {@code withdrawnAt}): the items it had completed go back to IN_PROGRESS ({@link DatasetOpening#reopen}), in a new
     * version per roadmap changed, audited as the system. Returns the number of items reopened.
     */
    @Transactional
    public int datasetWithdrawn(String catalogueId, Instant withdrawnAt, String eventType, UUID eventId) {
        int reopened = 0;
        for (UUID roadmapId : links.roadmapsNaming(catalogueId)) {
            Roadmap roadmap = roadmaps.findForUpdate(roadmapId).orElse(null);
            if (roadmap == null) {
                continue;
            }
            List<Item> items = DatasetOpening.reopenedBy(roadmap, catalogueId);
            if (items.isEmpty()) {
                continue;
            }
            Map<String, Object> before = RoadmapService.summary(roadmap, roadmap.version());
            LocalDate on = LocalDate.ofInstant(withdrawnAt, FRANCE);
            for (Item item : items) {
                DatasetOpening.reopen(roadmap, item, on);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long version = roadmaps.update(roadmap, now);
            roadmaps.appendVersion(roadmapId, version, WITHDRAWN_ACTION, SYSTEM_ACTOR, now, roadmap.status(),
                    RoadmapSnapshot.of(roadmap));
            Map<String, Object> after = RoadmapService.summary(roadmap, version);
            after.put("dataset", catalogueId);
            after.put("itemsReopened", items.stream().map(i -> i.id().toString()).toList());
            after.put("event", eventType + " " + eventId);
            audit.record(SYSTEM_ACTOR, "roadmap." + WITHDRAWN_ACTION, RoadmapEvents.ROADMAP, roadmapId.toString(),
                    before, after);
            reopened += items.size();
            log.info("Dataset {} withdrawn from the catalogue: {} item(s) of roadmap {} back in progress (version {})",
                    catalogueId, items.size(), roadmapId, version);
        }
        return reopened;
    }
}
