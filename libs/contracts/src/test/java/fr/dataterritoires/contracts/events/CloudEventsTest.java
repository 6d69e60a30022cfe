package fr.dataterritoires.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class CloudEventsTest {

    @Test
    void roundTripKeepsEveryAttribute() {
        CloudEvent event = CloudEvent.of("/dataterritoires/roadmaps", "fr.dataterritoires.roadmaps.RoadmapPublished.v1",
                "roadmap-42", CloudEvents.toTree(Map.of("region", "84", "items", 3)));

        String json = CloudEvents.toJson(event);
        CloudEvent back = CloudEvents.parse(json);

        assertThat(back).isEqualTo(event);
        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"time\":\"20");
        assertThat(back.data().get("items").asInt()).isEqualTo(3);
    }

    @Test
    void rejectsWrongTypeMissingIdAndNonJson() {
        assertThatThrownBy(() -> CloudEvents.parse("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/dataterritoires/a\","
                + "\"type\":\"com.example.Thing\",\"time\":\"2024-01-01T00:00:00Z\"}"))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> CloudEvents.parse("{\"specversion\":\"1.0\",\"source\":\"/dataterritoires/a\","
                + "\"type\":\"fr.dataterritoires.a.B.v1\",\"time\":\"2024-01-01T00:00:00Z\"}"))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> CloudEvents.parse("not json {"))
                .isInstanceOf(InvalidCloudEventException.class);
    }

    @Test
    void unknownExtensionAttributesAreIgnored() {
        CloudEvent event = CloudEvents.parse("{\"specversion\":\"1.0\",\"id\":\"6f1c2f7e-8a3b-4c5d-9e0f-112233445566\","
                + "\"source\":\"/dataterritoires/a\",\"type\":\"fr.dataterritoires.a.B.v1\","
                + "\"time\":\"2024-01-01T00:00:00+02:00\",\"traceparent\":\"00-abc\"}");
        assertThat(event.uuid().toString()).isEqualTo("6f1c2f7e-8a3b-4c5d-9e0f-112233445566");
        assertThat(event.time().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void schemaAgreesWithTheRecord() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/events/cloudevent.schema.json")) {
            schema = CloudEvents.mapper().readTree(in);
        }
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asString()));
        assertThat(required).containsExactlyInAnyOrder("specversion", "id", "source", "type", "time");
        List<String> properties = new ArrayList<>(schema.get("properties").propertyNames());
        List<String> components = java.util.Arrays.stream(CloudEvent.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        // the schema's patterns and the Java validation must accept and reject the same types
        Pattern typePattern = Pattern.compile(schema.get("properties").get("type").get("pattern").asString());
        for (String type : List.of("fr.dataterritoires.roadmaps.RoadmapPublished.v1", "fr.dataterritoires.dataset-search.DatasetUpdated.v2",
                "com.example.X.v1", "fr.dataterritoires.roadmaps.RoadmapPublished")) {
            assertThat(typePattern.matcher(type).find()).as(type).isEqualTo(CloudEvent.TYPE_PATTERN.matcher(type).matches());
        }
    }
}
