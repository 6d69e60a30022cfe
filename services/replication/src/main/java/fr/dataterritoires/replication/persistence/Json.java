package fr.dataterritoires.replication.persistence;

import fr.dataterritoires.contracts.events.CloudEvents;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSONB columns hold domain values as the suite's mapper writes them; read back leniently, since derived getters
 * ({@code isComplete()}...) are written too and are recomputed on reading.
 */
final class Json {

    private static final JsonMapper MAPPER = CloudEvents.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static tools.jackson.databind.JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    static <T> T convert(tools.jackson.databind.JsonNode tree, Class<T> type) {
        return MAPPER.treeToValue(tree, type);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return MAPPER.readValue(json, type);
    }
}
