package fr.dataterritoires.roadmaps.integration.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What roadmaps needs of commons-calls' {@code AwardGranted.v1} (the award in the roadmap's financial section), read
 * by {@link AwardGrantedPayload} as the Camel route does.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "commons-calls", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class CommonsCallsPactTest {

    private static final UUID AWARD = UUID.fromString("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
    private static final UUID ROADMAP = UUID.fromString("2e3d4c5b-6a7f-4e8d-9cab-1f2e3d4c5b6a");
    private static final UUID ITEM = UUID.fromString("3f4e5d6c-7b8a-4f9e-8dbc-2a3b4c5d6e7f");

    @Pact(consumer = "roadmaps")
    V4Pact awardForAnItem(MessagePactBuilder builder) {
        return builder.expectsToReceive("an award granted for a roadmap item")
                .withMetadata(Map.of("type", AwardGrantedPayload.TYPE))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    data.uuid("awardId", AWARD);
                    data.stringType("callId", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
                    data.stringType("callTitle", "Appel à communs numériques territoriaux 2026");
                    data.and("funderSiren", "180045007", TypeMatcher.INSTANCE, new RegexMatcher(PactMessages.SIREN));
                    data.minArrayLike("beneficiarySirens", 1,
                            PactDslJsonRootValue.and("213800006", TypeMatcher.INSTANCE,
                            new RegexMatcher(PactMessages.SIREN)), 1);
                    data.and("amount", "150000.00", TypeMatcher.INSTANCE, new RegexMatcher(PactMessages.AMOUNT));
                    data.stringValue("currency", "EUR");
                    data.stringMatcher("grantedAt", PactMessages.DATE_TIME, "2026-06-15T09:30:00Z");
                    data.object("roadmapItem", item -> {
                        item.uuid("roadmapId", ROADMAP);
                        item.uuid("itemId", ITEM);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "awardForAnItem")
    void theAwardIsReadForItsRoadmapItem(V4Interaction.AsynchronousMessage message) {
        ReceivedAward award = AwardGrantedPayload.read(PactMessages.data(message, AwardGrantedPayload.TYPE))
                .orElseThrow();
        assertThat(award.awardId()).isEqualTo(AWARD);
        assertThat(award.roadmapId()).isEqualTo(ROADMAP);
        assertThat(award.itemId()).isEqualTo(ITEM);
        assertThat(award.callTitle()).isEqualTo("Appel à communs numériques territoriaux 2026");
        assertThat(award.funderSiren()).isEqualTo(Siren.parse("180045007"));
        assertThat(award.beneficiarySirens()).containsExactly(Siren.parse("213800006"));
        assertThat(award.amount()).isEqualByComparingTo(new BigDecimal("150000.00"));
        assertThat(award.grantedAt()).isEqualTo(Instant.parse("2026-06-15T09:30:00Z"));
    }
}
