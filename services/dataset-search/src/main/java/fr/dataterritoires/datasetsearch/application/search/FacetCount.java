package fr.dataterritoires.datasetsearch.application.search;

/** One value of a facet: the value to filter on, a French label when the value is a code, and the count. */
public record FacetCount(String value, String label, long count) {
}
