package fr.dataterritoires.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * Checks an event payload against its JSON Schema in libs/contracts ({@code events/<service>/<name>.schema.json}), for
 * the keywords the suite's schemas use: type, required, properties, additionalProperties, enum, pattern, format
 * (uuid, date-time, date), minimum, maximum, minLength, maxLength, items. Every service's tests use this one checker.
 */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** Asserts {@code payload} conforms to the schema named by its path under {@code events/}, e.g. {@code datasetsearch/DatasetPublished.v1}. */
    public static void assertConformsTo(String pathUnderEvents, JsonNode payload) {
        JsonNode schema = load(pathUnderEvents);
        List<String> errors = new ArrayList<>();
        check(schema, payload, "$", errors);
        assertThat(errors).as("%s payload %s", pathUnderEvents, payload).isEmpty();
    }

    public static JsonNode load(String pathUnderEvents) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/events/" + pathUnderEvents + ".schema.json")) {
            assertThat(in).as("schema %s on the classpath (libs/contracts)", pathUnderEvents).isNotNull();
            return CloudEvents.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " not in " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(path + ": not an object");
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asString())) {
                        errors.add(path + ": missing " + required.asString());
                    }
                }
                for (String field : value.propertyNames()) {
                    JsonNode property = schema.path("properties").get(field);
                    if (property == null) {
                        if (schema.path("additionalProperties").isBoolean()
                                && !schema.get("additionalProperties").asBoolean()) {
                            errors.add(path + ": unexpected " + field);
                        }
                    } else {
                        check(property, value.get(field), path + "." + field, errors);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(path + ": not an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    check(schema.path("items"), item, path + "[" + i++ + "]", errors);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(path + ": not an integer");
                } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
                    errors.add(path + ": below minimum");
                } else if (schema.has("maximum") && value.asLong() > schema.get("maximum").asLong()) {
                    errors.add(path + ": above maximum");
                }
            }
            case "string" -> {
                if (!value.isString()) {
                    errors.add(path + ": not a string");
                    return;
                }
                String text = value.asString();
                if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                    errors.add(path + ": too short");
                }
                if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                    errors.add(path + ": too long");
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
                    errors.add(path + ": does not match " + schema.get("pattern").asString());
                }
                String format = schema.path("format").asString("");
                try {
                    if (format.equals("uuid")) {
                        UUID.fromString(text);
                    } else if (format.equals("date-time")) {
                        OffsetDateTime.parse(text);
                    } else if (format.equals("date")) {
                        java.time.LocalDate.parse(text);
                    }
                } catch (RuntimeException bad) {
                    errors.add(path + ": not a " + format + ": " + text);
                }
            }
            default -> {
            }
        }
    }
}
