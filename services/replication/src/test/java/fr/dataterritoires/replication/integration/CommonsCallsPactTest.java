package fr.dataterritoires.replication.integration;

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
import fr.dataterritoires.replication.application.AwardIntake;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.testing.contracts.CommittedPacts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What replication needs of commons-calls' {@code AwardGranted.v1} (the awarded commons becomes an initiative) and
 * {@code PreciputAllocated.v1} (support received by an initiative), read by {@link CommonsCallsPayloads} as the Camel
 * route does (docs/adr/0015-contract-tests.md).
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "commons-calls", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class CommonsCallsPactTest {

    private static final String SIREN = "[0-9]{9}";
    private static final String AMOUNT = "(0|[1-9][0-9]{0,11})\\.[0-9]{2}";
    private static final String DATE_TIME =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})";
    private static final String TERRITORY = "([0-9]{2}|2A|2B|97[1-6])[0-9AB]{0,7}|FR|[0-9]{9}";
    private static final UUID AWARD = UUID.fromString("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
    private static final UUID ALLOCATION = UUID.fromString("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d");
    private static final UUID INITIATIVE = UUID.fromString("5b6c7d8e-9fa0-4b1c-8d2e-3f4a5b6c7d8e");

    @Pact(consumer = "replication")
    V4Pact awardForACommons(MessagePactBuilder builder) {
        return builder.expectsToReceive("an award granted for a commons")
                .withMetadata(Map.of("type", CommonsCallsPayloads.AWARD_GRANTED))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    data.uuid("awardId", AWARD);
                    data.and("funderSiren", "180045007", TypeMatcher.INSTANCE, new RegexMatcher(SIREN));
                    data.minArrayLike("beneficiarySirens", 1, PactDslJsonRootValue.and("213800006", TypeMatcher.INSTANCE,
                            new RegexMatcher(SIREN)),
                            1);
                    data.and("leadSiren", "213800006", TypeMatcher.INSTANCE, new RegexMatcher(SIREN));
                    data.and("amount", "150000.00", TypeMatcher.INSTANCE, new RegexMatcher(AMOUNT));
                    data.stringValue("currency", "EUR");
                    data.stringMatcher("grantedAt", DATE_TIME, "2026-06-15T09:30:00Z");
                    data.eachLike("territories", PactDslJsonRootValue.stringMatcher(TERRITORY, "84"), 1);
                    data.object("commons", commons -> {
                        commons.stringType("title", "Base adresse locale partagée");
                        commons.stringMatcher("kind", "STANDARD|SOFTWARE|ALGORITHM|COLLABORATIVE_DATABASE|METHOD",
                                "SOFTWARE");
                        commons.stringType("licence", "EUPL-1.2");
                        commons.eachLike("schemas", PactDslJsonRootValue.stringType("etalab/schema-bal"), 1);
                    });
                    data.stringType("ethicsCharter", "Charte éthique des communs numériques");
                    data.eachLike("labels", PactDslJsonRootValue.stringType("Territoire numérique libre"), 1);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "replication")
    V4Pact replicationSupport(MessagePactBuilder builder) {
        return builder.expectsToReceive("préciput allocated to support a replication")
                .withMetadata(Map.of("type", CommonsCallsPayloads.PRECIPUT_ALLOCATED))
                .withContent(LambdaDsl.newJsonBody(data -> {
                    data.uuid("allocationId", ALLOCATION);
                    data.stringValue("purpose", "REPLICATION_SUPPORT");
                    data.uuid("initiativeId", INITIATIVE);
                    data.and("beneficiarySiren", "200040012", TypeMatcher.INSTANCE, new RegexMatcher(SIREN));
                    data.and("amount", "25000.00", TypeMatcher.INSTANCE, new RegexMatcher(AMOUNT));
                    data.stringValue("currency", "EUR");
                    data.stringMatcher("allocatedAt", DATE_TIME, "2026-07-01T08:00:00Z");
                    data.stringType("reason", "Réplication dans la métropole de Grenoble");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "awardForACommons")
    void theAwardedCommonsIsReadAsAnInitiative(V4Interaction.AsynchronousMessage message) {
        AwardIntake.Award award = CommonsCallsPayloads.award(data(message, CommonsCallsPayloads.AWARD_GRANTED))
                .orElseThrow();
        assertThat(award.awardId()).isEqualTo(AWARD);
        assertThat(award.leadSiren()).isEqualTo("213800006");
        assertThat(award.funderSiren()).isEqualTo("180045007");
        assertThat(award.amount()).isEqualByComparingTo(new BigDecimal("150000.00"));
        assertThat(award.grantedAt()).isEqualTo(Instant.parse("2026-06-15T09:30:00Z"));
        assertThat(award.commons().commons().title()).isEqualTo("Base adresse locale partagée");
        assertThat(award.commons().commons().kind()).isEqualTo("SOFTWARE");
        assertThat(award.commons().commons().licence()).isEqualTo("EUPL-1.2");
        assertThat(award.commons().commons().dataSchemas()).containsExactly("etalab/schema-bal");
        assertThat(award.commons().territories()).containsExactly(TerritoryRef.fromContractCode("84", "t"));
        assertThat(award.commons().ethicsCharter()).isEqualTo("Charte éthique des communs numériques");
        assertThat(award.commons().labels()).containsExactly("Territoire numérique libre");
    }

    @Test
    @PactTestFor(pactMethod = "replicationSupport")
    void theAllocationIsReadAsSupportOfTheInitiative(V4Interaction.AsynchronousMessage message) {
        AwardIntake.Allocation allocation = CommonsCallsPayloads.allocation(
                data(message, CommonsCallsPayloads.PRECIPUT_ALLOCATED)).orElseThrow();
        assertThat(allocation.allocationId()).isEqualTo(ALLOCATION);
        assertThat(allocation.initiativeId()).isEqualTo(INITIATIVE);
        assertThat(allocation.beneficiarySiren()).isEqualTo("200040012");
        assertThat(allocation.amount()).isEqualByComparingTo(new BigDecimal("25000.00"));
        assertThat(allocation.allocatedAt()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(allocation.reason()).isEqualTo("Réplication dans la métropole de Grenoble");
    }

    private static JsonNode data(V4Interaction.AsynchronousMessage message, String type) {
        assertThat(message.getContents().getMetadata()).containsEntry("type", type);
        return JsonMapper.builder().build().readTree(message.contentsAsBytes());
    }
}
