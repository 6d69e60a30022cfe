package fr.dataterritoires.portal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.dataterritoires.portal.domain.FrenchNumbers;
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

    /** The item's parent, when it has one in this roadmap. */
    public Optional<Item> parentOf(Item item) {
        return item.parentId() == null ? Optional.empty() : item(item.parentId());
    }

    /** The items whose parent is {@code itemId}, in the roadmap's order. */
    public List<Item> children(UUID itemId) {
        return items.stream().filter(i -> itemId.equals(i.parentId())).toList();
    }

    /**
     * The items as a tree, depth first: each item followed by its sub-items, siblings in the roadmap's order. An item
     * whose parent is not in this roadmap stands at the top; so does one caught in a loop (which the service refuses),
     * so that no item goes unlisted.
     */
    public List<Placed> itemsAsTree() {
        Set<UUID> ids = items.stream().map(Item::id).collect(Collectors.toSet());
        Set<UUID> placed = new HashSet<>();
        List<Placed> tree = new ArrayList<>();
        for (Item i : items) {
            if (i.parentId() == null || !ids.contains(i.parentId())) {
                place(i, 0, placed, tree);
            }
        }
        for (Item i : items) {
            place(i, 0, placed, tree);
        }
        return tree;
    }

    private void place(Item item, int depth, Set<UUID> placed, List<Placed> tree) {
        if (!placed.add(item.id())) {
            return;
        }
        tree.add(new Placed(item, depth));
        for (Item child : children(item.id())) {
            place(child, depth + 1, placed, tree);
        }
    }

    /** An item with sub-items: its progress is theirs, weighted (the service refuses to have it typed). */
    public boolean hasChildren(UUID itemId) {
        return items.stream().anyMatch(i -> itemId.equals(i.parentId()));
    }

    /**
     * The items {@code itemId} may hang under: every other item but its own sub-items, at any depth (the service
     * refuses a loop; the form does not offer one). {@code itemId} null: a new item, every item.
     */
    public List<Item> possibleParents(UUID itemId) {
        if (itemId == null) {
            return items;
        }
        Set<UUID> below = new HashSet<>();
        below.add(itemId);
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Item i : items) {
                if (i.parentId() != null && below.contains(i.parentId()) && below.add(i.id())) {
                    grown = true;
                }
            }
        }
        return items.stream().filter(i -> !below.contains(i.id())).toList();
    }

    /** The financial lines or actions, which the arbitration decides. */
    public List<Item> arbitratedItems() {
        return items.stream().filter(i -> i.itemKind().map(RoadmapItemKind::isArbitrated).orElse(false)).toList();
    }

    /**
     * @param content the kind's sub-object under its JSON name, e.g. {@code {"financialLine": {"amount": 1500}}}
     */
    /**
     * @param progress    rolled up from the sub-items when it has some (weighted), else {@code ownProgress}
     * @param weight      its weight in its parent's progress (1 to 100)
     */
    public record Item(UUID id, String kind, String title, String description, UUID parentId, int weight,
                       String status, int progress, int ownProgress, List<Milestone> milestones,
                       Map<String, Map<String, Object>> content, Grant grant) {

        public Item {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }

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
            return ItemDraft.of(k, title, description, parentId, weight, milestones.stream()
                            .map(m -> new ItemDraft.MilestoneDraft(m.date() == null ? null : m.date().toString(),
                                    m.title(), m.done())).toList(),
                    content == null ? null : content.get(k.part()));
        }

        /** The kind's fields with their values, in French, for reading. */
        public List<Detail> details() {
            RoadmapItemKind k = itemKind().orElse(null);
            if (k == null) {
                return List.of();
            }
            ItemDraft values = draft();
            return k.ownFields().stream().filter(f -> values.value(f.name()) != null)
                    .map(f -> new Detail(f.label().replace(" (facultatif)", "").replace(" (€)", ""),
                            switch (f.input()) {
                                case SELECT -> Vocabulary.label(f.options(), values.value(f.name()));
                                case NUMBER -> Optional.ofNullable(f.label().endsWith("(€)")
                                        ? FrenchNumbers.euros(values.value(f.name()))
                                        : FrenchNumbers.plain(values.value(f.name()))).orElse(values.value(f.name()));
                                default -> values.value(f.name());
                            }))
                    .toList();
        }

    }

    /** An item where the tree of items puts it: {@code depth} 0 at the top, 1 under a top item, and so on. */
    public record Placed(Item item, int depth) {

        public boolean isSubItem() {
            return depth > 0;
        }
    }

    public record Detail(String label, String value) {
    }

    /** A dated step of an item, reached ({@code done}) or not. */
    public record Milestone(java.time.LocalDate date, String title, boolean done) {
    }

    public record Grant(BigDecimal grantedAmount, BigDecimal grantedFte, String reason) {
    }
}
