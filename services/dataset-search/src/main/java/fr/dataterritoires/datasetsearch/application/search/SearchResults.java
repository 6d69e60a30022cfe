package fr.dataterritoires.datasetsearch.application.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total      number of matching datasets (exact)
 * @param datasets   the page
 * @param facets     per facet name ({@link Facets}), values by decreasing count; counts over the whole result set
 * @param nextCursor where the next page starts, null when this is the last one
 */
public record SearchResults(long total, List<DatasetCard> datasets, Map<String, List<FacetCount>> facets,
                            String nextCursor, int page, int size) {

    public SearchResults {
        datasets = List.copyOf(datasets);
        facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }
}
