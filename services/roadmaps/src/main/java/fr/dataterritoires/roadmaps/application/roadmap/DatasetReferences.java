package fr.dataterritoires.roadmaps.application.roadmap;

import java.util.Collection;
import java.util.Set;

/**
 * Port: checks that catalogue dataset ids named by roadmap items exist in dataset-search. The adapter calls
 * dataset-search's gRPC {@code DatasetDirectory.GetDatasets} ({@code grpc.DatasetDirectoryReferences}).
 */
public interface DatasetReferences {

    /**
     * The ids among {@code catalogueIds} that the catalogue does not know; empty when all are known.
     *
     * @throws DatasetReferencesUnavailableException when the catalogue cannot answer (never "all known" by default)
     */
    Set<String> unknown(Collection<String> catalogueIds);
}
