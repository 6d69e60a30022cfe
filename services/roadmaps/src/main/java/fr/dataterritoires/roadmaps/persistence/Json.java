package fr.dataterritoires.roadmaps.persistence;

import java.util.List;
import java.util.Map;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.Milestone;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSONB columns: item contents by kind, milestones, version snapshots. */
final class Json {

    private static final JsonMapper MAPPER = CloudEvents.mapper();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static ItemContent content(ItemKind kind, String json) {
        Class<? extends ItemContent> type = switch (kind) {
            case USE_CASE -> ItemContent.UseCase.class;
            case DATASET -> ItemContent.DatasetToOpen.class;
            case ROLE_ALLOCATION -> ItemContent.RoleAllocation.class;
            case FINANCIAL_LINE -> ItemContent.FinancialLine.class;
            case ACTION -> ItemContent.TerritorialAction.class;
            case DATA_RETURN -> ItemContent.DataReturn.class;
            case NATIONAL_TOOL -> ItemContent.NationalTool.class;
        };
        return MAPPER.readValue(json, type);
    }

    static List<Milestone> milestones(String json) {
        return MAPPER.readValue(json, new TypeReference<List<Milestone>>() {
        });
    }

    static String snapshot(RoadmapSnapshot snapshot) {
        return write(Map.of("roadmap", snapshot.roadmap(), "items", snapshot.items()));
    }

    static RoadmapSnapshot snapshot(String json) {
        Map<String, Map<String, Object>> raw = MAPPER.readValue(json, new TypeReference<Map<String, Map<String, Object>>>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, String> roadmap = (Map<String, String>) (Map<?, ?>) raw.get("roadmap");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> items = (Map<String, Map<String, String>>) (Map<?, ?>) raw.get("items");
        return new RoadmapSnapshot(roadmap, items);
    }
}
