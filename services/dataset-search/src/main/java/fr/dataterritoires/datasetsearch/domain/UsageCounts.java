package fr.dataterritoires.datasetsearch.domain;

/** Usage signals gathered from the sources (views, downloads, reuses, followers); zero when unknown. */
public record UsageCounts(long views, long downloads, long reuses, long followers) {

    public static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0);

    public UsageCounts {
        if (views < 0 || downloads < 0 || reuses < 0 || followers < 0) {
            throw new IllegalArgumentException("Usage counts cannot be negative");
        }
    }

    /** Counts seen in two sources for the same dataset add up: each source counts its own visitors. */
    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(views + other.views, downloads + other.downloads, reuses + other.reuses,
                followers + other.followers);
    }

    /** A single popularity figure used in ranking (bounded there): reuses weigh most, views least. */
    public long popularity() {
        return views + 2 * downloads + 20 * reuses + 5 * followers;
    }
}
