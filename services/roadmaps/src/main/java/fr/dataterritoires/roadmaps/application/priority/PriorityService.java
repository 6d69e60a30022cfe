package fr.dataterritoires.roadmaps.application.priority;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapEvents;
import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;

/**
 * The national instance publishes national priorities (datasets or themes); a région's committee adjoins local ones.
 * Each declaration is audited and announced to dataset-search as {@code PriorityDatasetDeclared} (the dataset is
 * flagged and counted as demand; a theme or a dataset still to be produced travels without a reference).
 */
@Service
public class PriorityService {

    private final PriorityStore priorities;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;

    public PriorityService(PriorityStore priorities, AuditTrail audit, OutboxPublisher outbox) {
        this.priorities = priorities;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public Priority declare(DtPrincipal actor, DeclarePriority command) {
        if (command.level() == PriorityLevel.NATIONAL) {
            Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        } else {
            Ownership.requireRegion(actor, command.regionCode());
        }
        Priority priority = new Priority(UUID.randomUUID(), command.level(), command.regionCode(), command.subject(),
                command.title(), command.datasetReference(), command.theme(), command.territories(),
                command.targetAccessLevel(), command.targetDate(), actor.subject(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        priorities.insert(priority);
        Map<String, Object> after = new LinkedHashMap<>(RoadmapEvents.priority(priority));
        audit.record(actor.subject(), "priority.declared", RoadmapEvents.PRIORITY, priority.id().toString(), null, after);
        outbox.record(RoadmapEvents.PRIORITY, priority.id().toString(), RoadmapEvents.PRIORITY_DATASET_DECLARED,
                RoadmapEvents.priority(priority));
        return priority;
    }

    @Transactional(readOnly = true)
    public List<Priority> list(PriorityLevel level, String regionCode, int limit, int offset) {
        return priorities.list(level, regionCode, limit, offset);
    }
}
