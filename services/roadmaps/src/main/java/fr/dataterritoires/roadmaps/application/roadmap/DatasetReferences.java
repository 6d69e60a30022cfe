package fr.dataterritoires.roadmaps.application.roadmap;

import java.util.Collection;
import java.util.Set;

/**
 * Port: checks that catalogue dataset ids named by roadmap items exist in dataset-search. The real adapter calls
 * dataset-search's gRPC {@code DatasetDirectory.ResolveDatasets}; until it lands, a temporary adapter accepts every id
 * (see {@code grpc.UncheckedDatasetReferences}).
 */
public interface DatasetReferences {

    /** The ids among {@code catalogueIds} that the catalogue does not know; empty when all are known. */
    Set<String> unknown(Collection<String> catalogueIds);
}
