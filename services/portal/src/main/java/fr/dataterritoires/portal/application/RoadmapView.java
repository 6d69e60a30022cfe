package fr.dataterritoires.portal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.portal.domain.ItemDraft;
import fr.dataterritoires.portal.domain.RoadmapItemKind;
import fr.dataterritoires.portal.domain.Vocabulary;

/**
 * A committee roadmap or a ministry's territorial section as the roadmaps service's {@code GET /api/roadmaps/{id}}
 * returns it (lists return it without items): {@code version} is what the next change sends back, {@code progress}
 * the roll-up over the items.
 */
public record RoadmapView(UUID id, String kind, String regionCode, String ministry, int startYear, int endYear,
                          String title, String status, long version, int progress, String changesRequestedReason,
                          BigDecimal totalRequested, BigDecimal totalGranted, Instant submittedAt,
                          Instant publishedAt, List<Item> items) {

    public RoadmapView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isCommittee() {
        return "COMMITTEE".equals(kind);
    }

    public String periodLabel() {
        return startYear == endYear ? String.valueOf(startYear) : startYear + "-" + endYear;
    }

    public String statusLabel() {
        return Vocabulary.roadmapStatus(status);
    }

    /** Who files it, in French: "Région 84" or "Ministère MTECT". */
    public String issuerLabel() {
        return isCommittee() ? "Région " + regionCode : "Ministère " + ministry;
    }

    /** The issuer holds the pen: content may change (draft, or changes requested). */
    public boolean isEditable() {
        return "DRAFT".equals(status) || "CHANGES_REQUESTED".equals(status);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    /** The item kinds this roadmap takes. */
    public List<RoadmapItemKind> itemKinds() {
        return RoadmapItemKind.of(kind);
    }

    public Optional<Item> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The financial lines or actions, which the arbitration decides. */
    public List<Item> arbitratedItems() {
        return items.stream().filter(i -> i.itemKind().map(RoadmapItemKind::isArbitrated).orElse(false)).toList();
    }

    /**
     * @param content the kind's sub-object under its JSON name, e.g. {@code {"financialLine": {"amount": 1500}}}
     */
    public record Item(UUID id, String kind, String title, String description, UUID parentId, String status,
                       int progress, int ownProgress, Map<String, Map<String, Object>> content, Grant grant) {

        public Optional<RoadmapItemKind> itemKind() {
            return RoadmapItemKind.parse(kind);
        }

        public String kindLabel() {
            return itemKind().map(RoadmapItemKind::label).orElse(kind);
        }

        public String statusLabel() {
            return Vocabulary.itemStatus(status);
        }

        /** The form's values of this item (what its edit form shows). */
        public ItemDraft draft() {
            RoadmapItemKind k = itemKind().orElseThrow();
            return ItemDraft.of(k, title, description, content == null ? null : content.get(k.part()));
        }

        /** The kind's fields with their values, in French, for reading. */
        public List<Detail> details() {
            RoadmapItemKind k = itemKind().orElse(null);
            if (k == null) {
                return List.of();
            }
            ItemDraft values = draft();
            return k.ownFields().stream().filter(f -> values.value(f.name()) != null)
                    .map(f -> new Detail(f.label().replace(" (facultatif)", ""),
                            f.input() == RoadmapItemKind.Input.SELECT
                                    ? Vocabulary.label(f.options(), values.value(f.name())) : values.value(f.name())))
                    .toList();
        }
    }

    public record Detail(String label, String value) {
    }

    public record Grant(BigDecimal grantedAmount, BigDecimal grantedFte, String reason) {
    }
}
