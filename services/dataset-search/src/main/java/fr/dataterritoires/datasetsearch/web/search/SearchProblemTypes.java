package fr.dataterritoires.datasetsearch.web.search;

import fr.dataterritoires.datasetsearch.application.search.SearchTimeoutException;

/** Problem types of the search API beyond the platform's, under the same URI scheme. Never rename, only add. */
public final class SearchProblemTypes {

    /** 504: the search ran past its time budget ({@code dataterritoires.search.timeout}). */
    public static final String DELAI_DEPASSE = SearchTimeoutException.PROBLEM_TYPE;
    public static final String DELAI_DEPASSE_TITLE = "Délai de recherche dépassé";

    private SearchProblemTypes() {
    }
}
