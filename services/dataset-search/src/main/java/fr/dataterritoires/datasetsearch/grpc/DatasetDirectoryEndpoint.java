package fr.dataterritoires.datasetsearch.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.dataterritoires.contracts.datasetsearch.v1.AccessLevel;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.Facet;
import fr.dataterritoires.contracts.datasetsearch.v1.FacetValue;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsResponse;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolvedDataset;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.SearchResponse;
import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.application.search.DatasetSearch;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.SearchParameters;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.platform.errors.NotFoundException;
import io.grpc.stub.StreamObserver;

/**
 * {@code DatasetDirectory} over the search index: look-ups by id and by reference for other services, and the same
 * search as REST. Errors go through the platform's translator: refused input is INVALID_ARGUMENT naming the field, a
 * search past its budget DEADLINE_EXCEEDED, an unreachable index UNAVAILABLE (callers may retry these reads).
 */
@Service
public class DatasetDirectoryEndpoint extends DatasetDirectoryGrpc.DatasetDirectoryImplBase {

    private final DatasetSearch search;

    public DatasetDirectoryEndpoint(DatasetSearch search) {
        this.search = search;
    }

    @Override
    public void getDataset(GetDatasetRequest request, StreamObserver<DatasetSummary> responses) {
        answer(responses, () -> summary(search.get(request.getDatasetId())
                .orElseThrow(() -> NotFoundException.of("jeu de données", request.getDatasetId()))));
    }

    @Override
    public void getDatasets(GetDatasetsRequest request, StreamObserver<GetDatasetsResponse> responses) {
        answer(responses, () -> {
            List<String> ids = request.getDatasetIdsList();
            Map<String, DatasetCard> found = search.getAll(ids);
            GetDatasetsResponse.Builder answer = GetDatasetsResponse.newBuilder();
            for (String id : ids) {
                DatasetCard card = found.get(id);
                if (card == null) {
                    answer.addMissing(id);
                } else {
                    answer.addDatasets(summary(card));
                }
            }
            return answer.build();
        });
    }

    @Override
    public void resolveDatasets(ResolveDatasetsRequest request, StreamObserver<ResolveDatasetsResponse> responses) {
        answer(responses, () -> {
            Map<String, DatasetCard> resolved = search.resolve(request.getReferencesList());
            ResolveDatasetsResponse.Builder answer = ResolveDatasetsResponse.newBuilder();
            for (String reference : request.getReferencesList()) {
                DatasetCard card = resolved.get(reference);
                if (card == null) {
                    answer.addUnresolved(reference);
                } else {
                    answer.addResolved(ResolvedDataset.newBuilder().setReference(reference).setDataset(summary(card)));
                }
            }
            return answer.build();
        });
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> responses) {
        answer(responses, () -> {
            SearchResults results = search.search(new SearchParameters(request.getText(), request.getTerritory(),
                    request.getThemesList(), request.getProducerTypesList(), request.getOrganisationsList(),
                    request.getAccessLevelsList(), request.getSchemasList(), request.getFormatsList(),
                    request.getLicencesList(), request.getUpdatedSince(), request.getUse(), request.getSort(),
                    request.getPage() == 0 ? null : String.valueOf(request.getPage()),
                    request.getSize() == 0 ? null : String.valueOf(request.getSize()), request.getCursor()));
            SearchResponse.Builder answer = SearchResponse.newBuilder()
                    .setTotal(results.total())
                    .setPage(results.page())
                    .setSize(results.size())
                    .setNextCursor(results.nextCursor() == null ? "" : results.nextCursor());
            results.datasets().forEach(card -> answer.addDatasets(summary(card)));
            results.facets().forEach((name, values) -> {
                Facet.Builder facet = Facet.newBuilder().setName(name);
                for (FacetCount value : values) {
                    facet.addValues(FacetValue.newBuilder().setValue(value.value())
                            .setLabel(value.label() == null ? "" : value.label()).setCount(value.count()));
                }
                answer.addFacets(facet);
            });
            return answer.build();
        });
    }

    /** Runs a read; refusals, the time budget and an unreachable index go through the platform's translator. */
    private static <T> void answer(StreamObserver<T> responses, java.util.function.Supplier<T> read) {
        responses.onNext(read.get());
        responses.onCompleted();
    }

    static DatasetSummary summary(DatasetCard card) {
        DatasetSummary.Builder summary = DatasetSummary.newBuilder()
                .setDatasetId(card.id())
                .setTitle(card.title())
                .setAccessLevel(switch (card.accessLevel()) {
                    case OPEN -> AccessLevel.ACCESS_LEVEL_OPEN;
                    case SHARED -> AccessLevel.ACCESS_LEVEL_SHARED;
                    case RESTRICTED -> AccessLevel.ACCESS_LEVEL_RESTRICTED;
                })
                .setAccessLevelLabel(card.accessLevel().label())
                .setProducerType(card.producerType().name())
                .setGranularity(card.granularity().name())
                .addAllFormats(card.formats())
                .addAllThemes(card.themes())
                .setQualityScore(card.quality());
        set(card.sourceUri(), summary::setSourceUri);
        set(card.landingPage(), summary::setLandingPage);
        set(card.producerName(), summary::setProducerName);
        set(card.producerSiren(), summary::setProducerSiren);
        set(card.licence(), summary::setLicence);
        set(card.schemaId(), summary::setSchemaId);
        set(card.schemaVersion(), summary::setSchemaVersion);
        set(card.excerpt(), summary::setExcerpt);
        if (card.modified() != null) {
            summary.setLastModified(card.modified().toString());
        }
        List<String> codes = new ArrayList<>();
        for (String key : card.coverage()) {
            summary.addCoverageKeys(key);
            try {
                codes.add(TerritoryRef.parse(key).code());
            } catch (IllegalArgumentException legacy) {
                // keys are written by this service; an unreadable one is only left out of the codes
            }
        }
        summary.addAllCoverageCodes(codes);
        return summary.build();
    }

    private static void set(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
