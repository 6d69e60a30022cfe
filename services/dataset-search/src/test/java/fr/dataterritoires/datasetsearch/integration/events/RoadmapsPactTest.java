package fr.dataterritoires.datasetsearch.integration.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityScope;
import fr.dataterritoires.testing.contracts.CommittedPacts;

import tools.jackson.databind.json.JsonMapper;

/**
 * What dataset-search needs of roadmaps' {@code PriorityDatasetDeclared.v1} (docs/adr/0015-contract-tests.md): the
 * pact's messages go through the reader the Camel route uses, {@link PriorityDatasetDeclaredPayload}. Only what the
 * reader needs is pinned, by type or pattern.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "roadmaps", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class RoadmapsPactTest {

    private static final String TERRITORY = "(iris|qpv|commune|epci|departement|region):[0-9A-Za-z]{2,10}";
    private static final String ACCESS_LEVEL = "OPEN|SHARED|RESTRICTED";

    @Pact(consumer = "dataset-search")
    V4Pact territorialPriority(MessagePactBuilder builder) {
        return builder.expectsToReceive("a territorial priority dataset declared")
                .withMetadata(Map.of("type", PriorityDatasetDeclaredPayload.TYPE))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    declaration(data, "priorites-locales-84", "84");
                    data.object("scope", scope -> {
                        scope.stringValue("kind", "TERRITORIAL");
                        scope.minArrayLike("territories", 1, PactDslJsonRootValue.stringMatcher(TERRITORY,
                                "region:84"), 1);
                    });
                    data.stringType("datasetReference", "https://www.data.gouv.fr/fr/datasets/base-adresse-locale/");
                    data.stringMatcher("targetAccessLevel", ACCESS_LEVEL, "OPEN");
                    data.date("targetDate", "yyyy-MM-dd", LocalDate.of(2027, 6, 30));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "dataset-search")
    V4Pact committeeRoadmapItem(MessagePactBuilder builder) {
        // a committee's published roadmap declares each of its datasets to open a priority of its région
        return builder.expectsToReceive("a dataset item of a published committee roadmap declared a priority")
                .withMetadata(Map.of("type", PriorityDatasetDeclaredPayload.TYPE))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    data.uuid("roadmapId", UUID.fromString("8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f"));
                    data.uuid("itemId", UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5"));
                    data.stringType("declaredBy", "84");
                    data.stringType("title", "Base adresse locale");
                    data.object("scope", scope -> {
                        scope.stringValue("kind", "TERRITORIAL");
                        scope.minArrayLike("territories", 1, PactDslJsonRootValue.stringMatcher(TERRITORY,
                                "region:84"), 1);
                    });
                    data.stringType("datasetReference", "0b6f3c1e-2a4d-4e5f-9a8b-7c6d5e4f3a2b");
                    data.stringMatcher("targetAccessLevel", ACCESS_LEVEL, "SHARED");
                    data.date("targetDate", "yyyy-MM-dd", LocalDate.of(2027, 6, 30));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "dataset-search")
    V4Pact nationalPriority(MessagePactBuilder builder) {
        // a national priority names no territory, and may be a dataset still to be produced (no reference, no target)
        return builder.expectsToReceive("a national priority dataset declared, still to be produced")
                .withMetadata(Map.of("type", PriorityDatasetDeclaredPayload.TYPE))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    declaration(data, "priorites-nationales", "national");
                    data.object("scope", scope -> scope.stringValue("kind", "NATIONAL"));
                }).build())
                .toPact(V4Pact.class);
    }

    private static void declaration(LambdaDslObject data, String roadmapId, String declaredBy) {
        data.stringType("roadmapId", roadmapId);
        data.uuid("itemId", UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5"));
        data.stringType("declaredBy", declaredBy);
        data.stringType("title", "Base adresse locale");
    }

    @Test
    @PactTestFor(pactMethod = "territorialPriority")
    void aTerritorialPriorityIsReadForItsTerritories(V4Interaction.AsynchronousMessage message) {
        PriorityDeclaration declaration = read(message);

        assertThat(declaration.scope()).isEqualTo(PriorityScope.TERRITORIAL);
        assertThat(declaration.territories()).containsExactly(TerritoryRef.parse("region:84"));
        assertThat(declaration.roadmapId()).isEqualTo("priorites-locales-84");
        assertThat(declaration.itemId()).isEqualTo("6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5");
        assertThat(declaration.declaredBy()).isEqualTo("84");
        assertThat(declaration.datasetReference()).startsWith("https://www.data.gouv.fr/");
        assertThat(declaration.title()).isEqualTo("Base adresse locale");
        assertThat(declaration.targetAccessLevel()).isEqualTo(AccessLevel.OPEN);
        assertThat(declaration.targetDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    @PactTestFor(pactMethod = "committeeRoadmapItem")
    void aCommitteeRoadmapItemIsReadAsAPriorityOfItsRegion(V4Interaction.AsynchronousMessage message) {
        PriorityDeclaration declaration = read(message);

        assertThat(declaration.scope()).isEqualTo(PriorityScope.TERRITORIAL);
        assertThat(declaration.territories()).containsExactly(TerritoryRef.parse("region:84"));
        assertThat(declaration.roadmapId()).isEqualTo("8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f");
        assertThat(declaration.datasetReference()).isEqualTo("0b6f3c1e-2a4d-4e5f-9a8b-7c6d5e4f3a2b");
        assertThat(declaration.targetAccessLevel()).isEqualTo(AccessLevel.SHARED);
        assertThat(declaration.targetDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    @PactTestFor(pactMethod = "nationalPriority")
    void aNationalPriorityIsReadWithoutTerritoriesNorTarget(V4Interaction.AsynchronousMessage message) {
        PriorityDeclaration declaration = read(message);

        assertThat(declaration.scope()).isEqualTo(PriorityScope.NATIONAL);
        assertThat(declaration.roadmapId()).isEqualTo("priorites-nationales");
        assertThat(declaration.declaredBy()).isEqualTo("national");
        assertThat(declaration.datasetReference()).isNull();
        assertThat(declaration.targetAccessLevel()).isNull();
        assertThat(declaration.targetDate()).isNull();
    }

    private static PriorityDeclaration read(V4Interaction.AsynchronousMessage message) {
        // routed by its CloudEvent type: the pact pins the one the route consumes
        assertThat(message.getContents().getMetadata()).containsEntry("type", PriorityDatasetDeclaredPayload.TYPE);
        return PriorityDatasetDeclaredPayload.read(JsonMapper.builder().build().readTree(message.contentsAsBytes()));
    }
}
