package fr.dataterritoires.contracts.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * CloudEvents 1.0 envelope in structured JSON mode, the only shape of event on the broker
 * (schema: {@code events/cloudevent.schema.json}). The routing key on the topic exchange is
 * {@link #type()}.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event (a UUID); consumers deduplicate on it
 * @param source the producing service, e.g. {@code /dataterritoires/roadmaps}
 * @param type {@code fr.dataterritoires.<service>.<event>.v<n>}
 * @param time when the change happened (RFC 3339)
 * @param subject the aggregate id the event is about
 * @param datacontenttype always {@code application/json} here
 * @param data the event payload (schemas in {@code libs/contracts})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** AMQP content type of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    /** fr.dataterritoires.&lt;service&gt;.&lt;event&gt;.v&lt;n&gt; */
    public static final Pattern TYPE_PATTERN =
            Pattern.compile("fr\\.dataterritoires\\.[a-z0-9][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9_-]*\\.v[0-9]+");

    public static final Pattern SOURCE_PATTERN = Pattern.compile("/dataterritoires/[a-z0-9][a-z0-9-]*(/.*)?");

    /** A new event with a random id, stamped now. */
    public static CloudEvent of(String source, String type, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                OffsetDateTime.now(ZoneOffset.UTC), subject, JSON, data);
    }

    /**
     * Checks the attributes the suite relies on; throws {@link InvalidCloudEventException} naming
     * the first wrong attribute.
     */
    public CloudEvent validate() {
        require(SPEC_VERSION.equals(specversion), "specversion", "must be " + SPEC_VERSION);
        require(id != null && !id.isBlank(), "id", "is required");
        require(source != null && !source.isBlank(), "source", "is required");
        require(type != null && TYPE_PATTERN.matcher(type).matches(), "type",
                "must match fr.dataterritoires.<service>.<event>.v<n>");
        require(time != null, "time", "is required");
        require(datacontenttype == null || datacontenttype.startsWith(JSON), "datacontenttype",
                "must be application/json");
        return this;
    }

    /** The id as a UUID (the suite's producers always use UUIDs). */
    public UUID uuid() {
        try {
            return UUID.fromString(Objects.requireNonNull(id, "id"));
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("id", "must be a UUID");
        }
    }

    private static void require(boolean condition, String attribute, String message) {
        if (!condition) {
            throw new InvalidCloudEventException(attribute, message);
        }
    }
}
