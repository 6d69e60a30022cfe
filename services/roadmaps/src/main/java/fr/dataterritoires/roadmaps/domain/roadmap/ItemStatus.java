package fr.dataterritoires.roadmaps.domain.roadmap;

/**
 * Execution status of a roadmap item, each with a default progress (as Decidim's accountability statuses): setting a
 * status without a progress sets its default. {@link #ABANDONED} keeps the progress reached and leaves the item out
 * of its parent's roll-up.
 */
public enum ItemStatus {
    PLANNED(0),
    IN_STUDY(10),
    IN_PROGRESS(50),
    COMPLETED(100),
    ABANDONED(-1);

    private final int defaultProgress;

    ItemStatus(int defaultProgress) {
        this.defaultProgress = defaultProgress;
    }

    /** The progress this status implies when none is given; empty for ABANDONED (the progress stays). */
    public java.util.OptionalInt defaultProgress() {
        return defaultProgress < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(defaultProgress);
    }
}
