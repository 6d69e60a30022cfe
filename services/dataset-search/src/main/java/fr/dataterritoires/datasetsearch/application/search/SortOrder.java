package fr.dataterritoires.datasetsearch.application.search;

import java.util.Locale;
import java.util.Optional;

/** How results are ordered; every order ends with the dataset id so that pages and cursors are stable. */
public enum SortOrder {
    /** Text relevance, exact title matches first, quality and popularity as bounded boosts. */
    RELEVANCE,
    /** Most recently modified first. */
    RECENCY,
    /** Most used first. */
    POPULARITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SortOrder> fromCode(String code) {
        for (SortOrder order : values()) {
            if (order.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
