package fr.dataterritoires.roadmaps.integration.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What roadmaps needs of dataset-search's {@code DatasetPublished.v1} and {@code DatasetUpdated.v1} (automatic
 * progress): the catalogue id and the access level; of {@code DatasetWithdrawn.v1} (completed items reopened): the
 * catalogue id; read by {@link DatasetReport} as the Camel route does.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "dataset-search", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class DatasetSearchPactTest {

    private static final UUID DATASET = UUID.fromString("0b6f3c1e-2a4d-4e5f-9a8b-7c6d5e4f3a2b");

    @Pact(consumer = "roadmaps")
    V4Pact published(MessagePactBuilder builder) {
        return report(builder, "a dataset published", DatasetReport.PUBLISHED, "OPEN");
    }

    @Pact(consumer = "roadmaps")
    V4Pact updated(MessagePactBuilder builder) {
        return report(builder, "a dataset updated", DatasetReport.UPDATED, "RESTRICTED");
    }

    @Pact(consumer = "roadmaps")
    V4Pact withdrawn(MessagePactBuilder builder) {
        return builder.expectsToReceive("a dataset withdrawn")
                .withMetadata(Map.of("type", DatasetReport.WITHDRAWN))
                .withContent(LambdaDsl.newJsonBody(data -> data.uuid("datasetId", DATASET)).build())
                .toPact(V4Pact.class);
    }

    private static V4Pact report(MessagePactBuilder builder, String description, String type, String level) {
        return builder.expectsToReceive(description)
                .withMetadata(Map.of("type", type))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    data.uuid("datasetId", DATASET);
                    data.stringMatcher("accessLevel", "OPEN|SHARED|RESTRICTED", level);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "published")
    void aPublishedDatasetIsReportedWithItsAccessLevel(V4Interaction.AsynchronousMessage message) {
        DatasetReport report = DatasetReport.read(PactMessages.data(message, DatasetReport.PUBLISHED));
        assertThat(report.datasetId()).isEqualTo(DATASET.toString());
        assertThat(report.accessLevel()).isEqualTo(AccessLevel.OPEN);
    }

    @Test
    @PactTestFor(pactMethod = "updated")
    void anUpdatedDatasetIsReportedWithItsAccessLevel(V4Interaction.AsynchronousMessage message) {
        DatasetReport report = DatasetReport.read(PactMessages.data(message, DatasetReport.UPDATED));
        assertThat(report.datasetId()).isEqualTo(DATASET.toString());
        assertThat(report.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
    }

    @Test
    @PactTestFor(pactMethod = "withdrawn")
    void aWithdrawnDatasetIsNamedByItsCatalogueId(V4Interaction.AsynchronousMessage message) {
        assertThat(DatasetReport.readWithdrawn(PactMessages.data(message, DatasetReport.WITHDRAWN)))
                .isEqualTo(DATASET.toString());
    }
}
