package fr.dataterritoires.datasetsearch.integration.harvest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers to read loosely typed JSON records (a field may be a string, a number, an object or a list). */
public final class JsonSupport {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonSupport() {
    }

    /** The first of {@code fields} holding a scalar (or an object's name/title/label), as text; null when none. */
    public static String text(JsonNode node, String... fields) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String field : fields) {
            String value = scalar(node.get(field));
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** A scalar as text; an object gives its display name; a list its first scalar. */
    public static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String first = scalar(element);
                if (first != null && !first.isBlank()) {
                    return first;
                }
            }
            return null;
        }
        if (value.isObject()) {
            return text(value, "display_name", "name", "title", "label", "fn", "@value", "@id", "uri", "id");
        }
        return null;
    }

    /** Every scalar of a field that may be a single value, a comma-free list or a list of objects. */
    public static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String s = scalar(element);
                if (s != null) {
                    values.add(s);
                }
            }
        } else {
            String s = scalar(value);
            if (s != null) {
                values.add(s);
            }
        }
        return values;
    }

    public static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            try {
                return (long) Double.parseDouble(value.stringValue().strip());
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
        return null;
    }

    public static long count(JsonNode node, String... fields) {
        for (String field : fields) {
            Long n = number(node, field);
            if (n != null && n >= 0) {
                return n;
            }
        }
        return 0;
    }
}
