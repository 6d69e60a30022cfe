package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;

/**
 * The payloads of the events roadmaps publishes; schemas in libs/contracts {@code events/roadmaps/}. Amounts are
 * decimal strings in euros with two decimals (exact), never JSON numbers.
 */
public final class RoadmapEvents {

    public static final String ROADMAP_PUBLISHED = "fr.dataterritoires.roadmaps.RoadmapPublished.v1";
    public static final String ARBITRATION_DECIDED = "fr.dataterritoires.roadmaps.ArbitrationDecided.v1";
    public static final String PRIORITY_DATASET_DECLARED = "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1";

    public static final String ROADMAP = "Roadmap";
    public static final String PRIORITY = "Priority";

    private RoadmapEvents() {
    }

    public static Map<String, Object> published(Roadmap roadmap, long version, Instant publishedAt) {
        Map<String, Object> data = header(roadmap, version);
        data.put("title", roadmap.title());
        data.put("publishedAt", publishedAt.toString());
        data.put("progress", roadmap.progress());
        data.put("itemCount", roadmap.items().size());
        data.put("totalRequested", roadmap.totalRequested().toPlainString());
        data.put("totalGranted", roadmap.totalGranted().toPlainString());
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Item item : roadmap.items()) {
            if (item.content() instanceof ItemContent.DatasetToOpen d) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("itemId", item.id().toString());
                entry.put("title", item.title());
                if (d.catalogueDatasetId() != null) {
                    entry.put("catalogueDatasetId", d.catalogueDatasetId());
                }
                entry.put("targetAccessLevel", d.targetAccessLevel().name());
                entry.put("targetDate", d.targetDate().toString());
                datasets.add(entry);
            }
        }
        data.put("datasets", datasets);
        return data;
    }

    public static Map<String, Object> arbitrated(Roadmap roadmap, long version, Instant decidedAt) {
        Map<String, Object> data = header(roadmap, version);
        data.put("decidedAt", decidedAt.toString());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Item item : roadmap.items()) {
            if (item.grant() == null) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("itemId", item.id().toString());
            d.put("kind", item.kind().name());
            d.put("title", item.title());
            d.put("requestedAmount", item.content().requestedAmount().toPlainString());
            d.put("grantedAmount", item.grant().amount().toPlainString());
            if (item.content() instanceof ItemContent.TerritorialAction a) {
                d.put("requestedFte", a.requestedFte().toPlainString());
                if (item.grant().fte() != null) {
                    d.put("grantedFte", item.grant().fte().toPlainString());
                }
            }
            d.put("reason", item.grant().reason());
            decisions.add(d);
        }
        data.put("decisions", decisions);
        data.put("totalRequested", roadmap.totalRequested().toPlainString());
        data.put("totalGranted", roadmap.totalGranted().toPlainString());
        return data;
    }

    /** A dataset item of a published committee roadmap, as a territorial priority of its région. */
    public static Map<String, Object> priorityOf(Roadmap roadmap, Item item, ItemContent.DatasetToOpen dataset) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roadmapId", roadmap.id().toString());
        data.put("itemId", item.id().toString());
        data.put("declaredBy", roadmap.issuer().code());
        data.put("scope", Map.of("kind", "TERRITORIAL", "territories",
                List.of(TerritoryKey.region(roadmap.issuer().regionCode()).key())));
        if (dataset.catalogueDatasetId() != null) {
            data.put("datasetReference", dataset.catalogueDatasetId());
        }
        data.put("title", item.title());
        data.put("targetAccessLevel", dataset.targetAccessLevel().name());
        data.put("targetDate", dataset.targetDate().toString());
        return data;
    }

    /** A priority of the national list (scope NATIONAL) or of a région's local list (scope TERRITORIAL). */
    public static Map<String, Object> priority(Priority p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roadmapId", p.listId());
        data.put("itemId", p.id().toString());
        data.put("declaredBy", p.declarer());
        Map<String, Object> scope = new LinkedHashMap<>();
        switch (p.level()) {
            case NATIONAL -> scope.put("kind", "NATIONAL");
            case LOCAL -> {
                scope.put("kind", "TERRITORIAL");
                scope.put("territories", p.territories().stream().map(TerritoryKey::key).sorted().toList());
            }
        }
        data.put("scope", scope);
        if (p.datasetReference() != null) {
            data.put("datasetReference", p.datasetReference());
        }
        data.put("title", p.title());
        if (p.targetAccessLevel() != null) {
            data.put("targetAccessLevel", p.targetAccessLevel().name());
        }
        if (p.targetDate() != null) {
            data.put("targetDate", p.targetDate().toString());
        }
        return data;
    }

    private static Map<String, Object> header(Roadmap roadmap, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roadmapId", roadmap.id().toString());
        data.put("kind", roadmap.kind().name());
        if (roadmap.kind() == RoadmapKind.COMMITTEE) {
            data.put("regionCode", roadmap.issuer().regionCode());
            data.put("committeeId", roadmap.issuer().committeeId().toString());
        } else {
            data.put("ministry", roadmap.issuer().ministryCode());
        }
        data.put("startYear", roadmap.period().startYear());
        data.put("endYear", roadmap.period().endYear());
        data.put("version", version);
        return data;
    }
}
