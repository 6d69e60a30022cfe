package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.util.List;

/** What {@link UnansweredSearches} counted, for coordinators. */
public interface UnansweredSearchReport {

    /**
     * The most frequent unanswered searches, most frequent first.
     *
     * @param territory only those with this territory filter key; null for all
     */
    List<Entry> top(String territory, int limit);

    /**
     * @param query     the normalised query text ("" when only filters were used)
     * @param territory the territory filter key, null when none
     */
    record Entry(String query, String territory, long count, Instant firstSeen, Instant lastSeen) {
    }
}
