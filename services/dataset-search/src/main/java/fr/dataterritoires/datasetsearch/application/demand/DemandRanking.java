package fr.dataterritoires.datasetsearch.application.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** Demand counted per dataset (and per dataset still unknown), for the "most demanded" lists. */
public interface DemandRanking {

    /**
     * Datasets of the catalogue with demand, most demanded first (5 × declarations + requests, then declarations,
     * then requests), counting only what matches {@code territory} when given.
     */
    List<DatasetDemand> datasets(TerritoryFilter territory, int limit, int offset);

    /** Declared datasets the catalogue does not hold (to be produced, or a reference not found), most declared first. */
    List<UnknownDemand> unknown(TerritoryFilter territory, int limit);

    /**
     * A territory T to match: demand whose territories contain T, lie inside T ({@code scope ∋ T}), or enclose it
     * (declared ∩ {@code enclosing} ≠ ∅).
     */
    record TerritoryFilter(String key, Set<String> enclosing) {
    }

    record DatasetDemand(DatasetId dataset, int priorityDeclarations, boolean nationalPriority, int accessRequests) {
    }

    /**
     * @param reference the declared reference, null for a dataset to be produced
     * @param title     the title the first declaration gave
     */
    record UnknownDemand(String reference, String title, int priorityDeclarations, boolean nationalPriority,
                         LocalDate targetDate) {
    }
}
