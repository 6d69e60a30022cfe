package fr.dataterritoires.datasetsearch.application.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** Reading the stored catalogue, and rebuilding the search index from it. */
@Service
public class DatasetCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DatasetCatalogue.class);

    private final DatasetRepository datasets;
    private final DatasetIndex index;
    private final Clock clock;

    public DatasetCatalogue(DatasetRepository datasets, DatasetIndex index, Optional<Clock> clock) {
        this.datasets = datasets;
        this.index = index;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A dataset, published or withdrawn (the caller tells them apart). */
    public Optional<Dataset> find(DatasetId id) {
        return datasets.find(id);
    }

    /** The last merged view of a dataset, also once withdrawn. */
    public Optional<fr.dataterritoires.datasetsearch.domain.DatasetDescription> lastView(DatasetId id) {
        return datasets.lastView(id);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Rebuilds the search index from PostgreSQL into a new versioned index, then moves the alias onto it. Returns the
     * number of documents indexed.
     */
    public long rebuildIndex() {
        Instant now = clock.instant();
        datasets.refreshStatistics(); // the catalogue may have grown a lot since the last analyze
        long count = index.rebuild(datasets::forEachPublished, now);
        log.info("Search index rebuilt from the catalogue: {} datasets", count);
        return count;
    }

    public long countPublished() {
        return datasets.countPublished();
    }
}
