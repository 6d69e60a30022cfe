package fr.dataterritoires.datasetsearch.application.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * @param total  how many published datasets match
 * @param ids    the requested page of them, in ranking order
 * @param facets the search's facet counts over all the matching datasets ({@code Facets} names)
 */
public record CkanHits(long total, List<DatasetId> ids, Map<String, List<FacetCount>> facets) {

    public CkanHits {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        facets = Map.copyOf(Objects.requireNonNull(facets, "facets"));
    }
}
