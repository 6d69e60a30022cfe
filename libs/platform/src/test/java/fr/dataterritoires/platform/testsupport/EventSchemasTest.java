package fr.dataterritoires.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.contracts.events.CloudEvents;

/** The shared checker accepts what a schema allows and refuses what it does not, saying where. */
class EventSchemasTest {

    static JsonNode json(String text) {
        return CloudEvents.mapper().readTree(text);
    }

    static final String VALID = """
            {"specversion": "1.0", "id": "0b8f4b6e-3c1a-4f7e-9a51-2d4c7f0e9b11", "source": "/dataterritoires/roadmaps",
             "type": "fr.dataterritoires.roadmaps.RoadmapPublished.v1", "time": "2026-11-29T06:00:00Z", "data": {}}
            """;

    @Test
    void aConformingEnvelopePasses() {
        assertThatCode(() -> EventSchemas.assertConformsTo("cloudevent", json(VALID))).doesNotThrowAnyException();
    }

    @Test
    void aMissingRequiredMemberAWrongFormatOrPatternFails() {
        assertThatThrownBy(() -> EventSchemas.assertConformsTo("cloudevent",
                json(VALID.replace("\"time\": \"2026-11-29T06:00:00Z\", ", ""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("time");
        assertThatThrownBy(() -> EventSchemas.assertConformsTo("cloudevent",
                json(VALID.replace("0b8f4b6e-3c1a-4f7e-9a51-2d4c7f0e9b11", "pas-un-uuid"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.id");
        assertThatThrownBy(() -> EventSchemas.assertConformsTo("cloudevent",
                json(VALID.replace("/dataterritoires/roadmaps", "roadmaps"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.source");
    }

    @Test
    void anUnknownSchemaIsNamed() {
        assertThatThrownBy(() -> EventSchemas.assertConformsTo("roadmaps/absent.v1", json(VALID)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("roadmaps/absent.v1");
    }
}
