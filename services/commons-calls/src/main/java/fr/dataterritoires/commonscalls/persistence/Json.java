package fr.dataterritoires.commonscalls.persistence;

import fr.dataterritoires.contracts.events.CloudEvents;

import tools.jackson.core.type.TypeReference;

/** JSONB columns (proposals, grids, scores, findings), written and read by the suite's mapper. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        return CloudEvents.mapper().writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return CloudEvents.mapper().readValue(json, type);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return CloudEvents.mapper().readValue(json, type);
    }
}
