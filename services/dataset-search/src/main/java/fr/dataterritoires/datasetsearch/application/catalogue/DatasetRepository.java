package fr.dataterritoires.datasetsearch.application.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** The stored catalogue (PostgreSQL is the source of truth; the search index is rebuilt from it). */
public interface DatasetRepository {

    Optional<Dataset> find(DatasetId id);

    /** The datasets among {@code ids} that exist, in no particular order. */
    List<Dataset> findAll(Collection<DatasetId> ids);

    /** Locks the row for the rest of the transaction ({@code SELECT ... FOR UPDATE}). */
    Optional<Dataset> findForUpdate(DatasetId id);

    /**
     * A dataset designated by a reference people and other services use: the catalogue id, a source URI or a landing
     * page.
     */
    Optional<Dataset> findByReference(String reference);

    /** Inserts a new dataset. */
    void insert(Dataset dataset);

    /** Updates a dataset; fails with a conflict when its version moved since it was read (optimistic locking). */
    void update(Dataset dataset);

    /** Streams every published dataset (index rebuilds, exports), without loading them all at once. */
    void forEachPublished(Consumer<Dataset> consumer);

    long countPublished();
}
