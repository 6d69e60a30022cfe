package fr.dataterritoires.datasetsearch.application.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** The stored catalogue (PostgreSQL is the source of truth; the search index is rebuilt from it). */
public interface DatasetRepository {

    Optional<Dataset> find(DatasetId id);

    /**
     * Refreshes the database's statistics of the catalogue tables ({@code ANALYZE}). After many rows written at once
     * (a harvest, an import) the planner otherwise keeps the statistics of a small catalogue until autovacuum's next
     * analyze — never where autovacuum is off — and plans the batch look-ups as full scans.
     */
    void refreshStatistics();

    /** The datasets among {@code ids} that exist, in no particular order. */
    List<Dataset> findAll(Collection<DatasetId> ids);

    /** Locks the row for the rest of the transaction ({@code SELECT ... FOR UPDATE}). */
    Optional<Dataset> findForUpdate(DatasetId id);

    /**
     * A dataset designated by a reference people and other services use: the catalogue id, a source URI or a landing
     * page.
     */
    Optional<Dataset> findByReference(String reference);

    /** The dataset carrying the record {@code recordKey} of source {@code sourceId}, if any. */
    Optional<Dataset> findByProvenance(String sourceId, String recordKey);

    /**
     * The datasets carrying these records of source {@code sourceId}, by record key (one query for a harvest batch);
     * keys no dataset carries are absent. A dataset carrying several of the keys appears once per key, as one object.
     */
    Map<String, Dataset> findByProvenance(String sourceId, Collection<String> recordKeys);

    /**
     * A dataset with the same identity ({@link IdentityKeys#mergeKey normalised} source URI or landing page, as the
     * catalogue or one of its sources states it) that source {@code excludingSourceId} does not carry yet: the same
     * dataset seen in another source. Published datasets come before withdrawn ones, then the oldest.
     *
     * @param sourceUriKey   merge key of the source URI, or null
     * @param landingPageKey merge key of the landing page, or null
     */
    Optional<Dataset> findByIdentity(String sourceUriKey, String landingPageKey, String excludingSourceId);

    /** The merge keys of one record ({@link IdentityKeys#mergeKey}), either possibly null. */
    record IdentityKey(String sourceUriKey, String landingPageKey) {
    }

    /**
     * {@link #findByIdentity} for many records at once (one query for a harvest batch), each key answered as
     * {@code findByIdentity} would answer it alone; keys without an answer are absent. A dataset found for several keys
     * is one object.
     */
    Map<IdentityKey, Dataset> findByIdentities(Collection<IdentityKey> keys, String excludingSourceId);

    /** Keys of every record source {@code sourceId} carries in the catalogue. */
    List<String> recordKeys(String sourceId);

    /** Records that a source still carries these records unchanged (their last-seen date), without a new version. */
    void touch(String sourceId, Collection<String> recordKeys, Instant seen);

    /** The last merged view of a dataset, kept once it is withdrawn (which has no view of its own any more). */
    Optional<DatasetDescription> lastView(DatasetId id);

    /** Inserts a new dataset. */
    void insert(Dataset dataset);

    /** Inserts new datasets, as batches of statements (a harvest batch). */
    void insertAll(List<Dataset> datasets);

    /** Updates a dataset; fails with a conflict when its version moved since it was read (optimistic locking). */
    void update(Dataset dataset);

    /**
     * Updates datasets, as batches of statements; fails with a conflict when the version of any of them moved since it
     * was read (the caller's transaction then rolls back).
     */
    void updateAll(List<Dataset> datasets);

    /** Streams every published dataset (index rebuilds, exports), without loading them all at once. */
    void forEachPublished(Consumer<Dataset> consumer);

    long countPublished();
}
