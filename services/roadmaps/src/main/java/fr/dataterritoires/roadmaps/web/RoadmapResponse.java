package fr.dataterritoires.roadmaps.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.Milestone;
import fr.dataterritoires.roadmaps.domain.roadmap.ProgressRollUp;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * A roadmap with its items. {@code version} is what the next change must send back; {@code progress} the roll-up
 * over the top-level items; per item, {@code progress} is the rolled-up value and {@code ownProgress} the entered one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoadmapResponse(UUID id, RoadmapKind kind, String regionCode, UUID committeeId, String ministry,
                              int startYear, int endYear, String title, RoadmapStatus status, long version, int progress,
                              String changesRequestedReason, BigDecimal totalRequested, BigDecimal totalGranted,
                              Instant createdAt, Instant submittedAt, Instant publishedAt, List<ItemResponse> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResponse(UUID id, ItemKind kind, String title, String description, UUID parentId, int weight,
                               ItemStatus status, int progress, int ownProgress, List<Milestone> milestones,
                               Map<String, Object> content, GrantResponse grant) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantResponse(BigDecimal grantedAmount, BigDecimal grantedFte, String reason) {
    }

    static RoadmapResponse of(Roadmap r) {
        ProgressRollUp rollUp = r.rollUp();
        return new RoadmapResponse(r.id(), r.kind(), r.issuer().regionCode(), r.issuer().committeeId(),
                r.issuer().ministryCode(), r.period().startYear(), r.period().endYear(), r.title(), r.status(),
                r.version(), rollUp.overall(), r.changesRequestedReason(), r.totalRequested(), r.totalGranted(),
                r.createdAt(), r.submittedAt(), r.publishedAt(),
                r.items().stream().map(i -> item(i, rollUp)).toList());
    }

    /** Without items, for lists. */
    static RoadmapResponse summary(Roadmap r) {
        RoadmapResponse full = of(r);
        return new RoadmapResponse(full.id, full.kind, full.regionCode, full.committeeId, full.ministry, full.startYear,
                full.endYear, full.title, full.status, full.version, full.progress, full.changesRequestedReason,
                full.totalRequested, full.totalGranted, full.createdAt, full.submittedAt, full.publishedAt, null);
    }

    private static ItemResponse item(Item i, ProgressRollUp rollUp) {
        return new ItemResponse(i.id(), i.kind(), i.title(), i.description(), i.parentId(), i.weight(), i.status(),
                rollUp.progressOf(i.id()), i.progress(), i.milestones(), Map.of(Items.partName(i.content()),
                Items.content(i.content())),
                i.grant() == null ? null : new GrantResponse(i.grant().amount(), i.grant().fte(), i.grant().reason()));
    }
}
