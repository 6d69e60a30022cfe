package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How far items with sub-items have gone (ADR 0007): a leaf's progress is its own; an item with sub-items has the
 * weighted average of its sub-items' rolled-up progress, {@code Σ(weight × progress) / Σ weight}, rounded half up to a
 * whole percent; ABANDONED sub-items count for nothing (neither weight nor progress). When every sub-item is abandoned,
 * the item keeps its own progress. The whole roadmap's progress is the same average over its top-level items.
 * Computed exactly (integers), at every depth.
 */
public final class ProgressRollUp {

    private final Map<UUID, Item> items;
    private final Map<UUID, List<Item>> children = new HashMap<>();
    private final Map<UUID, Integer> memo = new HashMap<>();

    public ProgressRollUp(Collection<Item> items) {
        this.items = new HashMap<>();
        for (Item item : items) {
            this.items.put(item.id(), item);
        }
        for (Item item : items) {
            if (item.parentId() != null && this.items.containsKey(item.parentId())) {
                children.computeIfAbsent(item.parentId(), k -> new ArrayList<>()).add(item);
            }
        }
    }

    /** The rolled-up progress of an item of the set. */
    public int progressOf(UUID id) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        int value = compute(id, new HashSet<>());
        memo.put(id, value);
        return value;
    }

    /** Weighted average over the top-level items; 0 for an empty roadmap. */
    public int overall() {
        List<Item> top = items.values().stream()
                .filter(i -> i.parentId() == null || !items.containsKey(i.parentId())).toList();
        return average(top, 0);
    }

    public boolean hasChildren(UUID id) {
        return children.containsKey(id);
    }

    private int compute(UUID id, Set<UUID> path) {
        Item item = items.get(id);
        if (item == null) {
            throw new IllegalArgumentException("unknown item " + id);
        }
        if (!path.add(id)) {
            throw new IllegalStateException("cycle through item " + id);
        }
        List<Item> kids = children.get(id);
        int result = kids == null ? item.progress() : average(kids, item.progress());
        path.remove(id);
        return result;
    }

    private int average(List<Item> of, int fallback) {
        long weights = 0;
        long weighted = 0;
        for (Item child : of) {
            if (child.status() == ItemStatus.ABANDONED) {
                continue;
            }
            weights += child.weight();
            weighted += (long) child.weight() * progressOf(child.id());
        }
        if (weights == 0) {
            return fallback;
        }
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(weights), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
