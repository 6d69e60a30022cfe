package fr.dataterritoires.datasetsearch.grpc;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import fr.dataterritoires.contracts.datasetsearch.v1.AccessLevel;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc.DatasetDirectoryBlockingStub;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsResponse;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchResponse;
import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * {@code DatasetDirectory} over a real socket, called anonymously as published data allows. Its datasets are about
 * "ruchers" (apiaries), apart from the other test classes sharing the context and its index.
 */
@ServiceTest
class DatasetDirectoryGrpcTest {

    private static boolean indexed;

    static Dataset ruchers = dataset("Ruchers déclarés en Isère")
            .description("Emplacements des ruchers déclarés par les apiculteurs.").themes("Agriculture")
            .producer("Département de l'Isère", "223800012", ProducerType.DEPARTEMENT)
            .coverage(Granularity.COMMUNE, "departement:38").formats("CSV").licence("etalab-2.0")
            .sourceUri("https://catalogue.isere.test/ruchers").landingPage("https://www.isere.test/ruchers")
            .modified(Instant.parse("2026-05-04T00:00:00Z")).build();
    static Dataset miel = dataset("Ruchers et production de miel à Lyon")
            .description("Production annuelle.").themes("Agriculture")
            .producer("Ville de Lyon", "216901231", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:69123").build();

    @Autowired
    DatasetIndex index;

    @Value("${local.grpc.server.port}")
    int grpcPort;

    ManagedChannel channel;
    DatasetDirectoryBlockingStub directory;

    @BeforeEach
    void connect() {
        if (!indexed) {
            index.index(List.of(ruchers, miel), Instant.now());
            indexed = true;
        }
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        directory = DatasetDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void getDatasetsAnswersInOrderAndListsTheMissing() {
        String unknown = UUID.randomUUID().toString();
        GetDatasetsResponse response = directory.getDatasets(GetDatasetsRequest.newBuilder()
                .addDatasetIds(miel.id().toString()).addDatasetIds(unknown).addDatasetIds("pas-un-identifiant")
                .addDatasetIds(ruchers.id().toString()).build());

        assertThat(response.getDatasetsList()).extracting(DatasetSummary::getDatasetId)
                .containsExactly(miel.id().toString(), ruchers.id().toString());
        assertThat(response.getMissingList()).containsExactly(unknown, "pas-un-identifiant");
        DatasetSummary summary = response.getDatasets(1);
        assertThat(summary.getTitle()).isEqualTo("Ruchers déclarés en Isère");
        assertThat(summary.getAccessLevel()).isEqualTo(AccessLevel.ACCESS_LEVEL_OPEN);
        assertThat(summary.getAccessLevelLabel()).isEqualTo("ouvert");
        assertThat(summary.getProducerSiren()).isEqualTo("223800012");
        assertThat(summary.getCoverageCodesList()).containsExactly("38");
        assertThat(summary.getCoverageKeysList()).containsExactly("departement:38");
        assertThat(summary.getGranularity()).isEqualTo("COMMUNE");
        assertThat(summary.getLastModified()).isEqualTo("2026-05-04T00:00:00Z");
        assertThat(summary.getSourceUri()).isEqualTo("https://catalogue.isere.test/ruchers");
    }

    @Test
    void moreThanFiveHundredIdsIsAnInvalidArgument() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        assertThatThrownBy(() -> directory.getDatasets(GetDatasetsRequest.newBuilder().addAllDatasetIds(ids).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("500");
                });
    }

    @Test
    void getDatasetFindsOneAndAnswersNotFoundOtherwise() {
        assertThat(directory.getDataset(GetDatasetRequest.newBuilder().setDatasetId(ruchers.id().toString()).build())
                .getTitle()).isEqualTo("Ruchers déclarés en Isère");
        assertThatThrownBy(() -> directory.getDataset(GetDatasetRequest.newBuilder()
                .setDatasetId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void resolvesCatalogueIdsSourceUrisAndLandingPages() {
        ResolveDatasetsResponse response = directory.resolveDatasets(ResolveDatasetsRequest.newBuilder()
                .addReferences("https://catalogue.isere.test/ruchers").addReferences("https://www.isere.test/ruchers")
                .addReferences(miel.id().toString()).addReferences("https://nowhere.test/x").build());

        assertThat(response.getResolvedList()).extracting(r -> r.getReference() + " -> " + r.getDataset().getTitle())
                .containsExactly("https://catalogue.isere.test/ruchers -> Ruchers déclarés en Isère",
                        "https://www.isere.test/ruchers -> Ruchers déclarés en Isère",
                        miel.id() + " -> Ruchers et production de miel à Lyon");
        assertThat(response.getUnresolvedList()).containsExactly("https://nowhere.test/x");
    }

    @Test
    void searchUsesTheRestQueryModel() {
        SearchResponse response = directory.search(SearchRequest.newBuilder().setText("rucher")
                .setTerritory("38185").setSize(5).build());

        assertThat(response.getTotal()).isEqualTo(1);
        assertThat(response.getDatasets(0).getTitle()).isEqualTo("Ruchers déclarés en Isère");
        assertThat(response.getFacetsList()).extracting(f -> f.getName()).contains("themes", "accessLevels");
        assertThat(response.getSize()).isEqualTo(5);

        SearchResponse both = directory.search(SearchRequest.newBuilder().setText("ruchers").setSize(1).build());
        assertThat(both.getTotal()).isEqualTo(2);
        assertThat(both.getNextCursor()).isNotEmpty();
        SearchResponse next = directory.search(SearchRequest.newBuilder().setText("ruchers").setSize(1)
                .setCursor(both.getNextCursor()).build());
        assertThat(next.getDatasets(0).getDatasetId()).isNotEqualTo(both.getDatasets(0).getDatasetId());
    }

    @Test
    void badSearchInputIsAnInvalidArgumentNamingTheField() {
        assertThatThrownBy(() -> directory.search(SearchRequest.newBuilder().addAccessLevels("PUBLIC").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("accessLevel", "PUBLIC");
                });
        assertThatThrownBy(() -> directory.search(SearchRequest.newBuilder().setSize(1000).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> directory.search(SearchRequest.newBuilder().setTerritory("commune:00000").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
}
