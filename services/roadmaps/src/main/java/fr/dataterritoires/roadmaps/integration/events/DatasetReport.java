package fr.dataterritoires.roadmaps.integration.events;

import java.util.Locale;
import java.util.UUID;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;

import tools.jackson.databind.JsonNode;

/**
 * What roadmaps reads of dataset-search's {@code DatasetPublished.v1} and {@code DatasetUpdated.v1}
 * ({@code events/datasetsearch/*.schema.json} in libs/contracts): the catalogue id and the access level; of
 * {@code DatasetWithdrawn.v1}, the catalogue id only; the rest is ignored. A payload without them can never succeed:
 * refused as an invalid event, dead-lettered at once.
 */
record DatasetReport(String datasetId, AccessLevel accessLevel) {

    static final String PUBLISHED = "fr.dataterritoires.dataset-search.DatasetPublished.v1";
    static final String UPDATED = "fr.dataterritoires.dataset-search.DatasetUpdated.v1";
    static final String WITHDRAWN = "fr.dataterritoires.dataset-search.DatasetWithdrawn.v1";

    static DatasetReport read(JsonNode data) {
        String id = readWithdrawn(data);
        String level = data.path("accessLevel").isString() ? data.path("accessLevel").asString() : "";
        try {
            return new DatasetReport(id, AccessLevel.valueOf(level));
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("data.accessLevel", "must be OPEN, SHARED or RESTRICTED");
        }
    }

    /** The catalogue id of a {@code DatasetWithdrawn.v1} (all roadmaps reads of it; also the first step of {@link #read}). */
    static String readWithdrawn(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new InvalidCloudEventException("data", "must be an object");
        }
        String id = data.path("datasetId").isString() ? data.path("datasetId").asString() : null;
        try {
            UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("data.datasetId", "must be the dataset's catalogue id (UUID)");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
