package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.DemandTerritories;
import fr.dataterritoires.platform.audit.AuditTrail;

/**
 * Priority declarations from roadmaps ({@code PriorityDatasetDeclared}): one per roadmap item, so a re-declaration
 * replaces the earlier one instead of counting twice; the datasets concerned get their demand recounted and
 * re-indexed. A reference the catalogue does not know (yet) is kept and resolved later, when the dataset is harvested.
 */
@Service
public class PriorityDeclarationService {

    private static final Logger log = LoggerFactory.getLogger(PriorityDeclarationService.class);
    private static final String TARGET = "PriorityDeclaration";

    private final PriorityDeclarationStore declarations;
    private final DatasetRepository datasets;
    private final DemandSignalsUpdater signals;
    private final AuditTrail audit;
    private final DemandClock clock;

    public PriorityDeclarationService(PriorityDeclarationStore declarations, DatasetRepository datasets,
                                      DemandSignalsUpdater signals, AuditTrail audit, DemandClock clock) {
        this.declarations = declarations;
        this.datasets = datasets;
        this.signals = signals;
        this.audit = audit;
        this.clock = clock;
    }

    /** What recording a declaration did. */
    public enum Outcome { RECORDED, UPDATED, UNCHANGED, STALE }

    /**
     * Records the declaration carried by event {@code eventId} (at {@code declaredAt}); runs in the caller's
     * transaction when there is one (the inbound event's, which also records the event id: exactly once).
     *
     * @param actor who declared (the event source)
     */
    @Transactional
    public Outcome declare(PriorityDeclaration declaration, UUID eventId, Instant declaredAt, String actor) {
        Instant now = clock.now();
        Optional<PriorityDeclarationStore.Stored> previous = declarations.findForUpdate(declaration.roadmapId(),
                declaration.itemId());
        if (previous.isPresent() && previous.get().declaredAt().isAfter(declaredAt)) {
            // events of one item may arrive out of order: an older declaration does not replace a newer one
            log.info("priority declaration {}/{} from event {} is older than the recorded one: ignored",
                    declaration.roadmapId(), declaration.itemId(), eventId);
            return Outcome.STALE;
        }
        if (previous.isPresent() && previous.get().declaration().equals(declaration)) {
            return Outcome.UNCHANGED;
        }
        DatasetId resolved = resolve(declaration);
        PriorityDeclarationStore.Stored stored = new PriorityDeclarationStore.Stored(declaration, resolved,
                DemandTerritories.withEnclosing(declaration.territories()), eventId, declaredAt, now);
        declarations.save(stored);
        audit.record(actor, previous.isPresent() ? "priority-declaration.updated" : "priority-declaration.recorded",
                TARGET, declaration.roadmapId() + "/" + declaration.itemId(),
                previous.map(PriorityDeclarationService::snapshot).orElse(null), snapshot(stored));
        // both the dataset it pointed at and the one it points at now (in id order: no lock-order deadlock)
        TreeSet<DatasetId> touched = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        previous.map(PriorityDeclarationStore.Stored::dataset).ifPresent(touched::add);
        if (resolved != null) {
            touched.add(resolved);
        }
        touched.forEach(id -> signals.recount(id, actor, now));
        return previous.isPresent() ? Outcome.UPDATED : Outcome.RECORDED;
    }

    /**
     * Links declarations whose reference the catalogue did not know to the dataset harvested since; returns how many
     * were linked.
     */
    @Transactional
    public int resolvePending(int limit) {
        Instant now = clock.now();
        int linked = 0;
        for (PriorityDeclarationStore.Stored pending : declarations.unresolved(limit)) {
            DatasetId resolved = resolve(pending.declaration());
            if (resolved != null) {
                declarations.save(pending.withDataset(resolved, now));
                audit.record(AccessRequestService.SERVICE_ACTOR, "priority-declaration.resolved", TARGET,
                        pending.declaration().roadmapId() + "/" + pending.declaration().itemId(), snapshot(pending),
                        snapshot(pending.withDataset(resolved, now)));
                signals.recount(resolved, AccessRequestService.SERVICE_ACTOR, now);
                linked++;
            }
        }
        return linked;
    }

    private DatasetId resolve(PriorityDeclaration declaration) {
        if (declaration.isToBeProduced()) {
            return null;
        }
        return datasets.findByReference(declaration.datasetReference()).map(Dataset::id).orElse(null);
    }

    private static Map<String, Object> snapshot(PriorityDeclarationStore.Stored stored) {
        PriorityDeclaration d = stored.declaration();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("declaredBy", d.declaredBy());
        state.put("scope", d.scope().name());
        state.put("territories", d.territories().stream().map(TerritoryRef::key).sorted().toList());
        state.put("datasetReference", Objects.requireNonNullElse(d.datasetReference(), ""));
        state.put("dataset", stored.dataset() == null ? "" : stored.dataset().toString());
        state.put("title", d.title());
        state.put("targetAccessLevel", d.targetAccessLevel() == null ? "" : d.targetAccessLevel().name());
        state.put("targetDate", d.targetDate() == null ? "" : d.targetDate().toString());
        state.put("event", stored.eventId().toString());
        return state;
    }
}
