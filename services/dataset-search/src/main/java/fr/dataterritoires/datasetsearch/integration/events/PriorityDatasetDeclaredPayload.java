package fr.dataterritoires.datasetsearch.integration.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityScope;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

import tools.jackson.databind.JsonNode;

/**
 * Reads the payload of {@code fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1}
 * ({@code events/roadmaps/priority-dataset-declared.v1.schema.json} in libs/contracts). A payload that breaks the
 * schema can never succeed: it is refused as an invalid event, which the platform dead-letters at once.
 */
final class PriorityDatasetDeclaredPayload {

    static final String TYPE = "fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1";

    private PriorityDatasetDeclaredPayload() {
    }

    static PriorityDeclaration read(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw invalid("data", "must be an object");
        }
        try {
            JsonNode scope = data.path("scope");
            PriorityScope kind = parseEnum(PriorityScope.class, text(scope, "kind"), "scope.kind");
            Set<TerritoryRef> territories = new LinkedHashSet<>();
            JsonNode keys = scope.path("territories");
            if (!keys.isMissingNode() && !keys.isNull()) {
                if (!keys.isArray()) {
                    throw invalid("scope.territories", "must be an array of territory keys");
                }
                for (JsonNode key : keys) {
                    try {
                        territories.add(TerritoryRef.parse(key.isString() ? key.asString() : null));
                    } catch (IllegalArgumentException e) {
                        throw invalid("scope.territories", "holds a bad territory key: " + e.getMessage());
                    }
                }
            }
            String level = text(data, "targetAccessLevel");
            String date = text(data, "targetDate");
            LocalDate targetDate;
            try {
                targetDate = date == null ? null : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw invalid("targetDate", "must be a date (YYYY-MM-DD)");
            }
            return new PriorityDeclaration(text(data, "roadmapId"), text(data, "itemId"), text(data, "declaredBy"),
                    kind, territories, text(data, "datasetReference"), text(data, "title"),
                    level == null ? null : parseEnum(AccessLevel.class, level, "targetAccessLevel"), targetDate);
        } catch (RuleViolation e) {
            throw invalid(e.field() == null ? "data" : e.field(), e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, "must be a string");
        }
        return value.asString();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "has an unknown value '" + value + "'");
        }
    }

    private static InvalidCloudEventException invalid(String field, String message) {
        return new InvalidCloudEventException("data." + field, message);
    }
}
