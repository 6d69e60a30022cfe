package fr.dataterritoires.portal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A roadmap item as typed in its form, field by field (the API's paths: {@code title}, {@code financialLine.amount}),
 * before the roadmaps service judges it: it is the judge of every rule (required fields, SIRENs, territories in the
 * région, amounts); the form comes back with these values and its refusals per field.
 */
public record ItemDraft(RoadmapItemKind kind, Map<String, String> values) {

    public ItemDraft {
        Map<String, String> kept = new LinkedHashMap<>();
        for (RoadmapItemKind.Field field : kind.fields()) {
            String value = values == null ? null : values.get(field.name());
            if (value != null && !value.isBlank()) {
                kept.put(field.name(), value.strip());
            }
        }
        values = java.util.Collections.unmodifiableMap(kept);
    }

    public static ItemDraft empty(RoadmapItemKind kind) {
        return new ItemDraft(kind, Map.of());
    }

    public String value(String field) {
        return values.get(field);
    }

    /**
     * The JSON body's fields: {@code title} and {@code description}, and the kind's sub-object. Lists are split on
     * commas, semicolons or new lines; numbers typed the French way ({@code 15 000,50}) are sent as numbers; what does
     * not read as a number is sent as typed, for the service to refuse with its field.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.name());
        Map<String, Object> part = new LinkedHashMap<>();
        for (RoadmapItemKind.Field field : kind.fields()) {
            Object value = converted(field, values.get(field.name()));
            if (field.part() == null) {
                body.put(field.name(), value);
            } else if (value != null) {
                part.put(field.key(), value);
            }
        }
        body.put(kind.part(), part);
        return body;
    }

    private static Object converted(RoadmapItemKind.Field field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field.input()) {
            case LIST -> Arrays.stream(value.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            case NUMBER -> number(value);
            default -> value;
        };
    }

    /** A number of the JSON answer as typed back: 15000.5 → "15000.5", 2027 → "2027". */
    private static String decimal(Number n) {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** A number typed in a form, blank as absent: see {@link #number}. */
    public static Object typedNumber(String typed) {
        return typed == null || typed.isBlank() ? null : number(typed.strip());
    }

    /** {@code 15 000,50} → 15000.50; anything else stays text. */
    static Object number(String typed) {
        String compact = typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return new BigDecimal(compact);
        } catch (NumberFormatException notANumber) {
            return typed;
        }
    }

    /**
     * The values of an item as the service returns it: its title, description and sub-object ({@code content}), in the
     * form's names, lists joined with commas.
     */
    public static ItemDraft of(RoadmapItemKind kind, String title, String description, Map<String, Object> part) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("description", description);
        for (RoadmapItemKind.Field field : kind.ownFields()) {
            Object value = part == null ? null : part.get(field.key());
            if (value instanceof List<?> list) {
                List<String> texts = new ArrayList<>();
                list.forEach(v -> texts.add(String.valueOf(v)));
                values.put(field.name(), String.join(", ", texts));
            } else if (value != null) {
                values.put(field.name(), value instanceof Number n ? decimal(n) : String.valueOf(value));
            }
        }
        return new ItemDraft(kind, values);
    }
}
