package fr.dataterritoires.contracts.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link CloudEvent}s as structured-mode JSON. */
public final class CloudEvents {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // extension attributes are allowed by the spec: ignore the ones we do not know
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CloudEvents() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] toJsonBytes(CloudEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String toJson(CloudEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Parses and validates; any defect is an {@link InvalidCloudEventException}. */
    public static CloudEvent parse(byte[] json) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (JacksonException e) {
            throw new InvalidCloudEventException("not a CloudEvents JSON document: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new InvalidCloudEventException("not a CloudEvents JSON document: empty", (Throwable) null);
        }
        return event.validate();
    }

    public static CloudEvent parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Payload to JSON tree, for building an event from a record or a map. */
    public static JsonNode toTree(Object payload) {
        return payload instanceof JsonNode node ? node : MAPPER.valueToTree(payload);
    }
}
