package fr.dataterritoires.roadmaps.domain.roadmap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A roadmap as text, field by field, as kept in its version history: the roadmap's own fields and, per item id, the
 * item's fields (common ones and those of its kind). Two snapshots diff field by field ({@link RoadmapDiff}).
 */
public record RoadmapSnapshot(Map<String, String> roadmap, Map<String, Map<String, String>> items) {

    public RoadmapSnapshot {
        roadmap = Map.copyOf(Objects.requireNonNull(roadmap));
        Map<String, Map<String, String>> copy = new TreeMap<>();
        Objects.requireNonNull(items).forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        items = java.util.Collections.unmodifiableMap(copy);
    }

    public static RoadmapSnapshot of(Roadmap roadmap) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("title", roadmap.title());
        head.put("status", roadmap.status().name());
        head.put("period", roadmap.period().label());
        head.put("changesRequestedReason", Objects.requireNonNullElse(roadmap.changesRequestedReason(), ""));
        Map<String, Map<String, String>> items = new TreeMap<>();
        for (Item item : roadmap.items()) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("kind", item.kind().name());
            f.put("title", item.title());
            f.put("description", Objects.requireNonNullElse(item.description(), ""));
            f.put("parentId", item.parentId() == null ? "" : item.parentId().toString());
            f.put("weight", String.valueOf(item.weight()));
            f.put("status", item.status().name());
            f.put("progress", String.valueOf(item.progress()));
            f.put("milestones", item.milestones().stream()
                    .map(m -> m.date() + " " + m.title() + (m.done() ? " [fait]" : ""))
                    .collect(Collectors.joining(" ; ")));
            item.content().fields().forEach((k, v) -> f.put(item.kind().name().toLowerCase(java.util.Locale.ROOT) + "." + k, v));
            if (item.grant() != null) {
                f.put("grant.amount", item.grant().amount().toPlainString());
                f.put("grant.fte", item.grant().fte() == null ? "" : item.grant().fte().toPlainString());
                f.put("grant.reason", item.grant().reason());
            }
            items.put(item.id().toString(), f);
        }
        return new RoadmapSnapshot(head, items);
    }
}
