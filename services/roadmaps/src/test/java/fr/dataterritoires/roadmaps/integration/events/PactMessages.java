package fr.dataterritoires.roadmaps.integration.events;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.V4Interaction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The data of a pact's message, checked to be routed by the CloudEvent type the route consumes. */
final class PactMessages {

    static final String SIREN = "[0-9]{9}";
    static final String AMOUNT = "(0|[1-9][0-9]{0,11})\\.[0-9]{2}";
    static final String DATE_TIME =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})";

    private PactMessages() {
    }

    static JsonNode data(V4Interaction.AsynchronousMessage message, String type) {
        assertThat(message.getContents().getMetadata()).containsEntry("type", type);
        return JsonMapper.builder().build().readTree(message.contentsAsBytes());
    }
}
