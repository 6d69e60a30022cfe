package fr.dataterritoires.datasetsearch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset of the catalogue: the same dataset seen in several sources is one entry with one {@link Provenance} per
 * source. It is published while at least one source carries it and withdrawn when none does any more (never silently
 * kept). The description shown is the one of its best-described source, with the usage counts of all sources added.
 */
public final class Dataset {

    public enum Status { PUBLISHED, WITHDRAWN }

    /** What observing a harvested record did to the catalogue entry. */
    public enum Change { NEW, UPDATED, UNCHANGED, REPUBLISHED, WITHDRAWN, NONE }

    private final DatasetId id;
    private final List<Provenance> provenance;
    private Status status;
    private DemandSignals demand;
    private final Instant created;
    private Instant withdrawnAt;
    private final long version;

    /** Rebuilds a stored dataset; {@code version} is its optimistic-lock version. */
    public Dataset(DatasetId id, List<Provenance> provenance, Status status, DemandSignals demand, Instant created,
                   Instant withdrawnAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.provenance = new ArrayList<>(Objects.requireNonNull(provenance, "provenance"));
        this.status = Objects.requireNonNull(status, "status");
        this.demand = Objects.requireNonNullElse(demand, DemandSignals.NONE);
        this.created = Objects.requireNonNull(created, "created");
        this.withdrawnAt = withdrawnAt;
        this.version = version;
        if (status == Status.PUBLISHED && provenance.isEmpty()) {
            throw new IllegalStateException("A published dataset is carried by at least one source");
        }
    }

    /** A dataset first seen in a source. */
    public static Dataset discover(DatasetId id, String sourceId, String recordKey, DatasetDescription description,
                                  Instant now) {
        return new Dataset(id, List.of(new Provenance(sourceId, recordKey, description, now, now)), Status.PUBLISHED,
                DemandSignals.NONE, now, null, 0);
    }

    /**
     * Records what a source says of this dataset now. Returns {@link Change#UNCHANGED} when the source says exactly
     * what it said before, so incremental runs rewrite, re-index and announce nothing.
     */
    public Change observe(String sourceId, String recordKey, DatasetDescription description, Instant now) {
        Objects.requireNonNull(description, "description");
        boolean wasWithdrawn = status == Status.WITHDRAWN;
        for (int i = 0; i < provenance.size(); i++) {
            Provenance seen = provenance.get(i);
            if (seen.isFrom(sourceId, recordKey)) {
                boolean same = seen.description().equals(description);
                provenance.set(i, new Provenance(sourceId, recordKey, description, seen.firstSeen(), now));
                return same ? Change.UNCHANGED : Change.UPDATED;
            }
        }
        provenance.add(new Provenance(sourceId, recordKey, description, now, now));
        if (wasWithdrawn) {
            status = Status.PUBLISHED;
            withdrawnAt = null;
            return Change.REPUBLISHED;
        }
        return Change.UPDATED;
    }

    /**
     * The source no longer carries the record: its provenance goes; with no source left, the dataset is withdrawn.
     */
    public Change dropFrom(String sourceId, String recordKey, Instant now) {
        boolean removed = provenance.removeIf(p -> p.isFrom(sourceId, recordKey));
        if (!removed) {
            return Change.NONE;
        }
        if (provenance.isEmpty()) {
            status = Status.WITHDRAWN;
            withdrawnAt = now;
            return Change.WITHDRAWN;
        }
        return Change.UPDATED;
    }

    /** Replaces the demand signals (priority declarations, access requests). */
    public void recordDemand(DemandSignals signals) {
        this.demand = Objects.requireNonNull(signals, "signals");
    }

    /**
     * The description shown: the best-described source's (highest quality, then first seen), with usage counts of all
     * sources added. A withdrawn dataset has none.
     */
    public Optional<DatasetDescription> description(Instant now) {
        Optional<Provenance> best = provenance.stream()
                .max(Comparator.<Provenance>comparingDouble(p -> QualityScore.assess(p.description(), now).value())
                        .thenComparing(Provenance::firstSeen, Comparator.reverseOrder())
                        .thenComparing(Provenance::sourceId, Comparator.reverseOrder()));
        return best.map(primary -> {
            UsageCounts usage = provenance.stream().map(p -> p.description().usage())
                    .reduce(UsageCounts.NONE, UsageCounts::plus);
            DatasetDescription d = primary.description();
            return new DatasetDescription(d.sourceUri(), d.landingPage(), d.title(), d.description(), d.keywords(),
                    d.themes(), d.producer(), d.contactPoint(), d.licence(), d.distributions(), d.accessLevel(),
                    d.accessProcedure(), d.coverage(), d.temporal(), d.frequency(), d.issued(), d.modified(),
                    d.schema(), usage);
        });
    }

    public Optional<QualityScore> quality(Instant now) {
        return description(now).map(d -> QualityScore.assess(d, now));
    }

    public DatasetId id() {
        return id;
    }

    public List<Provenance> provenance() {
        return List.copyOf(provenance);
    }

    public Status status() {
        return status;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public DemandSignals demand() {
        return demand;
    }

    public Instant created() {
        return created;
    }

    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    public long version() {
        return version;
    }
}
