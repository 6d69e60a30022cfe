package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;

/**
 * Searches that found nothing are demand too: what people look for and the catalogue lacks. The search use case
 * reports them here; the demand side counts them per normalised query and territory.
 */
public interface UnansweredSearches {

    /**
     * @param text      the query text as typed (may be empty when only filters were used)
     * @param territory the territory filter key ({@code commune:75056}), or null
     * @param at        when the search ran
     */
    void record(String text, String territory, Instant at);
}
