package fr.dataterritoires.roadmaps.domain.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions: the roadmap's fields that changed, the items added and removed (with their
 * titles), and per item kept the fields that changed (before and after).
 */
public record RoadmapDiff(long fromVersion, long toVersion, List<FieldChange> roadmap, List<ItemRef> added,
                          List<ItemRef> removed, List<ItemChange> changed) {

    public record FieldChange(String field, String before, String after) {
    }

    public record ItemRef(String itemId, String title) {
    }

    public record ItemChange(String itemId, String title, List<FieldChange> fields) {
    }

    public static RoadmapDiff between(long fromVersion, RoadmapSnapshot from, long toVersion, RoadmapSnapshot to) {
        List<ItemRef> added = new ArrayList<>();
        List<ItemRef> removed = new ArrayList<>();
        List<ItemChange> changed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(from.items().keySet());
        ids.addAll(to.items().keySet());
        for (String id : ids) {
            Map<String, String> a = from.items().get(id);
            Map<String, String> b = to.items().get(id);
            if (a == null) {
                added.add(new ItemRef(id, b.get("title")));
            } else if (b == null) {
                removed.add(new ItemRef(id, a.get("title")));
            } else {
                List<FieldChange> fields = fields(a, b);
                if (!fields.isEmpty()) {
                    changed.add(new ItemChange(id, b.get("title"), fields));
                }
            }
        }
        return new RoadmapDiff(fromVersion, toVersion, fields(from.roadmap(), to.roadmap()), added, removed, changed);
    }

    private static List<FieldChange> fields(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            String before = a.get(name);
            String after = b.get(name);
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(name, before, after));
            }
        }
        return changes;
    }

    public boolean isEmpty() {
        return roadmap.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
