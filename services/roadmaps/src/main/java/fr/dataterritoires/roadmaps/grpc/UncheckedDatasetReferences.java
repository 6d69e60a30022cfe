package fr.dataterritoires.roadmaps.grpc;

import java.util.Collection;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.dataterritoires.roadmaps.application.roadmap.DatasetReferences;

/**
 * TEMPORARY adapter of {@link DatasetReferences}: accepts every catalogue id without asking dataset-search. It exists
 * only because the use cases need the port to start; the next stage replaces this class with a gRPC client of
 * {@code DatasetDirectory.ResolveDatasets} (delete this one then).
 */
@Component
public class UncheckedDatasetReferences implements DatasetReferences {

    private static final Logger log = LoggerFactory.getLogger(UncheckedDatasetReferences.class);

    public UncheckedDatasetReferences() {
        log.warn("Dataset references are NOT checked against dataset-search (temporary adapter)");
    }

    @Override
    public Set<String> unknown(Collection<String> catalogueIds) {
        return Set.of();
    }
}
