package fr.dataterritoires.datasetsearch.application.index;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** The search index: a projection of the published catalogue, rebuilt from it without downtime. */
public interface DatasetIndex {

    /** Adds or replaces the documents of these published datasets, as assessed at {@code now}. */
    void index(Collection<Dataset> datasets, Instant now);

    /** Removes withdrawn datasets from the index. */
    void remove(Collection<DatasetId> ids);

    /**
     * Builds a new versioned index from {@code feed}, then moves the alias onto it; searches keep answering from the
     * old index meanwhile. Returns the number of documents indexed.
     */
    long rebuild(Consumer<Consumer<Dataset>> feed, Instant now);
}
