package fr.dataterritoires.datasetsearch.application.export;

/**
 * What the CKAN-compatible {@code package_search} needs from the search engine: the ids of the published datasets
 * matching a query, in ranking order, and how many match. Implemented over the catalogue's search use case, so
 * CKAN clients get the same French analysis and ranking as the catalogue's own search.
 */
public interface CkanSearch {

    CkanHits search(CkanQuery query);

    /**
     * The organisations that produce published datasets, by name ({@link Slugs#slug} of the producer's name), each
     * with its number of datasets: a terms aggregation on the search engine, not a scan of the catalogue.
     */
    java.util.List<CkanOrganization> organizations();
}
