package fr.dataterritoires.datasetsearch.application.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The search side of the index (port). Every call gets a deadline: past it the adapter gives up and throws
 * {@link SearchTimeoutException}.
 */
public interface DatasetSearchEngine {

    SearchResults search(SearchQuery query, Instant deadline);

    /** Datasets whose title has words starting like {@code prefix}'s words. */
    List<Suggestions.DatasetSuggestion> suggestDatasets(String prefix, int limit, Instant deadline);

    /** Producers whose name has words starting like {@code prefix}'s words, with their dataset counts. */
    List<Suggestions.OrganisationSuggestion> suggestOrganisations(String prefix, int limit, Instant deadline);

    /** The indexed datasets among {@code ids}, by id. */
    Map<String, DatasetCard> findByIds(Collection<String> ids, Instant deadline);

    /**
     * Datasets designated by references (catalogue id, source URI of any of their sources, landing page), by
     * reference; unknown references are absent.
     */
    Map<String, DatasetCard> resolve(Collection<String> references, Instant deadline);
}
