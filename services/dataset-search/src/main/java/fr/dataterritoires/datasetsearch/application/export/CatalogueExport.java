package fr.dataterritoires.datasetsearch.application.export;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * Reads the published catalogue for the outputs (DCAT-AP, CKAN API): one dataset, a page, or all of them streamed so
 * that a catalogue of 500 000 datasets is never held in memory. Withdrawn datasets are never exported.
 */
public class CatalogueExport {

    /** Largest page a client may ask for: a page is built in memory. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final DatasetRepository repository;
    private final LongSupplier lastAuditedChange;
    private final Clock clock;

    /**
     * @param lastAuditedChange the audit trail's last record number: every change of the catalogue is audited, so
     *                          while it stays the same, so does the catalogue
     */
    public CatalogueExport(DatasetRepository repository, LongSupplier lastAuditedChange, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.lastAuditedChange = Objects.requireNonNull(lastAuditedChange, "lastAuditedChange");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A version of the exported catalogue, for conditional requests (ETag): it changes with every audited change and
     * every day (the merged views are assessed at the day they are read: quality counts whether updates are on
     * time). It may change while the export stays the same (another kind of change was audited), never the reverse.
     */
    public String version() {
        return lastAuditedChange.getAsLong() + "-" + LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The instant the merged views are assessed at (quality, description). */
    public Instant now() {
        return clock.instant();
    }

    public Optional<Dataset> published(DatasetId id) {
        return repository.find(id).filter(Dataset::isPublished);
    }

    /** A published dataset designated by its id, a source URI or a landing page. */
    public Optional<Dataset> publishedByReference(String reference) {
        return repository.findByReference(reference).filter(Dataset::isPublished);
    }

    /** The published datasets among {@code ids}, in the order of {@code ids}; unknown or withdrawn ones are skipped. */
    public List<Dataset> publishedInOrder(Collection<DatasetId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<DatasetId, Dataset> found = new LinkedHashMap<>();
        for (Dataset dataset : repository.findAll(ids)) {
            if (dataset.isPublished()) {
                found.put(dataset.id(), dataset);
            }
        }
        List<Dataset> ordered = new ArrayList<>(found.size());
        for (DatasetId id : ids) {
            Dataset dataset = found.remove(id);
            if (dataset != null) {
                ordered.add(dataset);
            }
        }
        return ordered;
    }

    public long countPublished() {
        return repository.countPublished();
    }

    /** Streams every published dataset to {@code consumer}, one at a time. */
    public void forEachPublished(Consumer<Dataset> consumer) {
        repository.forEachPublished(consumer);
    }

    /**
     * Page {@code number} (from 1) of {@code size} published datasets, in the repository's streaming order (by id).
     */
    public DatasetPage page(int number, int size) {
        if (number < 1) {
            throw new IllegalArgumentException("page starts at 1");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        long total = repository.countPublished();
        return new DatasetPage(number, size, total, slice((long) (number - 1) * size, size, total));
    }

    /** {@code limit} published datasets from {@code offset}, in the repository's streaming order (by id). */
    public List<Dataset> slice(long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("offset must not be negative, limit between 0 and " + MAX_PAGE_SIZE);
        }
        return slice(offset, limit, Long.MAX_VALUE);
    }

    /**
     * Reads the rows before the slice and stops right after it: the repository port streams but cannot seek, so a
     * deep slice costs a scan of what precedes it (see the report: a keyset read on the port would make it constant).
     */
    private List<Dataset> slice(long offset, int limit, long total) {
        List<Dataset> datasets = new ArrayList<>(Math.min(limit, 64));
        if (limit == 0 || offset >= total) {
            return datasets;
        }
        long[] seen = {0};
        try {
            repository.forEachPublished(dataset -> {
                if (seen[0]++ >= offset) {
                    datasets.add(dataset);
                    if (datasets.size() == limit) {
                        throw PageFull.INSTANCE;
                    }
                }
            });
        } catch (RuntimeException stopped) {
            if (!isPageFull(stopped)) {
                throw stopped;
            }
        }
        return datasets;
    }

    private static boolean isPageFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause == PageFull.INSTANCE) {
                return true;
            }
        }
        return false;
    }

    /** Stops the repository's stream once a page is full (the port has no early exit). */
    private static final class PageFull extends RuntimeException {
        static final PageFull INSTANCE = new PageFull();

        private PageFull() {
            super("page full", null, false, false);
        }
    }
}
