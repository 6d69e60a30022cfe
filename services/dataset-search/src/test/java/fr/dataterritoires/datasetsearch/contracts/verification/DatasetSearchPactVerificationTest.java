package fr.dataterritoires.datasetsearch.contracts.verification;

import fr.dataterritoires.testing.contracts.MessagePactVerification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import fr.dataterritoires.datasetsearch.application.harvest.CatalogueEvents;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

import tools.jackson.databind.json.JsonMapper;

/**
 * dataset-search honours its consumers' message pacts (libs/contracts/pacts, docs/adr/0015-contract-tests.md): each
 * message is built as the harvest fills the outbox, {@link CatalogueEvents#datasetPayload} of a harvested dataset's
 * current description. {@code contracts.breakage.BrokenPayloadsFailVerificationTest} shows that a payload breaking a
 * pact fails this verification.
 */
@Provider("dataset-search")
public class DatasetSearchPactVerificationTest extends MessagePactVerification {

    private static final Instant HARVESTED = Instant.parse("2026-05-01T10:00:00Z");

    @PactVerifyProvider("a dataset published")
    MessageAndMetadata datasetPublished() {
        return published(UnaryOperator.identity());
    }

    @PactVerifyProvider("a dataset updated")
    MessageAndMetadata datasetUpdated() {
        return updated(UnaryOperator.identity());
    }

    @PactVerifyProvider("a dataset withdrawn")
    MessageAndMetadata datasetWithdrawn() {
        return withdrawn(UnaryOperator.identity());
    }

    /** A dataset first seen at a source: DatasetPublished. */
    public static MessageAndMetadata published(UnaryOperator<Map<String, Object>> change) {
        Dataset dataset = Dataset.discover(DatasetId.random(), "datagouv", "bal-lyon", description(AccessLevel.OPEN),
                HARVESTED);
        return message(CatalogueEvents.DATASET_PUBLISHED, change.apply(
                CatalogueEvents.datasetPayload(dataset, dataset.description(HARVESTED).orElseThrow())));
    }

    /** The same dataset, its source now restricting access: DatasetUpdated. */
    public static MessageAndMetadata updated(UnaryOperator<Map<String, Object>> change) {
        Dataset dataset = Dataset.discover(DatasetId.random(), "datagouv", "bal-lyon", description(AccessLevel.OPEN),
                HARVESTED);
        Instant later = HARVESTED.plusSeconds(86_400);
        dataset.observe("datagouv", "bal-lyon", description(AccessLevel.RESTRICTED), later);
        return message(CatalogueEvents.DATASET_UPDATED, change.apply(
                CatalogueEvents.datasetPayload(dataset, dataset.description(later).orElseThrow())));
    }

    /** The same dataset, gone from its only source: DatasetWithdrawn. */
    public static MessageAndMetadata withdrawn(UnaryOperator<Map<String, Object>> change) {
        Dataset dataset = Dataset.discover(DatasetId.random(), "datagouv", "bal-lyon", description(AccessLevel.OPEN),
                HARVESTED);
        Instant later = HARVESTED.plusSeconds(86_400);
        dataset.dropFrom("datagouv", "bal-lyon", later);
        return message(CatalogueEvents.DATASET_WITHDRAWN, change.apply(
                CatalogueEvents.withdrawnPayload(dataset, "datagouv", later)));
    }

    private static DatasetDescription description(AccessLevel level) {
        return new DatasetDescription("https://www.data.gouv.fr/api/1/datasets/bal-lyon/",
                "https://www.data.gouv.fr/fr/datasets/bal-lyon/", "Base adresse locale de la Métropole de Lyon",
                "Adresses de la Métropole de Lyon", List.of("adresse"), List.of(), null, null, "etalab-2.0", List.of(),
                level, null, new TerritorialCoverage(Set.of(TerritoryRef.parse("epci:200046977")), Granularity.EPCI),
                null, null, HARVESTED.minusSeconds(86_400 * 30L), HARVESTED.minusSeconds(86_400), null, null);
    }

    private static MessageAndMetadata message(String type, Map<String, Object> data) {
        return new MessageAndMetadata(JsonMapper.builder().build().writeValueAsBytes(data),
                Map.of("type", type, "contentType", "application/json"));
    }
}
