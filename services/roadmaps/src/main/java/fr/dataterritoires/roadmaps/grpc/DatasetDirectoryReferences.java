package fr.dataterritoires.roadmaps.grpc;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetsResponse;
import fr.dataterritoires.platform.grpc.GrpcCircuitBreakers;
import fr.dataterritoires.roadmaps.application.roadmap.DatasetReferences;
import fr.dataterritoires.roadmaps.application.roadmap.DatasetReferencesUnavailableException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * {@link DatasetReferences} through dataset-search's {@code DatasetDirectory.GetDatasets}: the catalogue ids it reports
 * {@code missing} are unknown (it also reports there what is not a catalogue id at all, e.g. a URL). Calls go through
 * the circuit breaker {@value DatasetDirectoryClient#CHANNEL}: when dataset-search is down, too slow (deadline) or the
 * breaker is open, the check fails with {@link DatasetReferencesUnavailableException} — the change is refused, never
 * accepted unchecked. A status that is not the dependency's failure (our token refused, a request it finds invalid)
 * is a fault of this side, logged as an error, and refused the same way rather than answered with a 500.
 */
@Component
public class DatasetDirectoryReferences implements DatasetReferences {

    private static final Logger log = LoggerFactory.getLogger(DatasetDirectoryReferences.class);

    /** GetDatasets takes at most 500 ids per call. */
    static final int BATCH = 500;

    private final DatasetDirectoryGrpc.DatasetDirectoryBlockingStub directory;
    private final GrpcCircuitBreakers breakers;

    public DatasetDirectoryReferences(DatasetDirectoryGrpc.DatasetDirectoryBlockingStub directory,
                                      GrpcCircuitBreakers breakers) {
        this.directory = directory;
        this.breakers = breakers;
    }

    @Override
    public Set<String> unknown(Collection<String> catalogueIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(catalogueIds));
        Set<String> missing = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            GetDatasetsRequest request = GetDatasetsRequest.newBuilder()
                    .addAllDatasetIds(ids.subList(from, Math.min(ids.size(), from + BATCH))).build();
            missing.addAll(call(request).getMissingList());
        }
        return Set.copyOf(missing);
    }

    private GetDatasetsResponse call(GetDatasetsRequest request) {
        try {
            return breakers.call(DatasetDirectoryClient.CHANNEL, () -> directory.getDatasets(request), failure -> {
                log.warn("dataset-search unavailable, dataset references not checked: {}", failure.toString());
                throw new DatasetReferencesUnavailableException(failure);
            });
        } catch (StatusRuntimeException refused) {
            Status status = refused.getStatus();
            log.error("dataset-search refused GetDatasets ({}: {}): dataset references not checked", status.getCode(),
                    status.getDescription());
            throw new DatasetReferencesUnavailableException(refused);
        }
    }
}
