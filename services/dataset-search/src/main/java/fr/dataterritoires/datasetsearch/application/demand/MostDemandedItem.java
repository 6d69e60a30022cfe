package fr.dataterritoires.datasetsearch.application.demand;

import java.time.LocalDate;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * One entry of a "most demanded, not yet open" list: a dataset of the catalogue that is not open, or a declared dataset
 * the catalogue does not hold (still to be produced, or a reference not harvested).
 *
 * @param dataset     null for a dataset the catalogue does not hold
 * @param reference   the declared reference for an unknown dataset, null otherwise or when to be produced
 * @param accessLevel null for an unknown dataset
 * @param producer    producer name when known
 * @param targetDate  earliest target date declared for an unknown dataset
 */
public record MostDemandedItem(DatasetId dataset, String reference, String title, AccessLevel accessLevel,
                               String producer, int priorityDeclarations, boolean nationalPriority,
                               int accessRequests, boolean inCatalogue, LocalDate targetDate) {

    /** Ranking weight: a priority declaration weighs like five access requests (as {@code DemandSignals.total}). */
    public int weight() {
        return 5 * priorityDeclarations + accessRequests;
    }
}
