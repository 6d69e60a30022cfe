package fr.dataterritoires.datasetsearch.application.search;

import java.util.List;

/** Names of the facets computed with every search, in display order. */
public final class Facets {

    public static final String THEMES = "themes";
    public static final String PRODUCER_TYPES = "producerTypes";
    public static final String ORGANISATIONS = "organisations";
    public static final String ACCESS_LEVELS = "accessLevels";
    public static final String FORMATS = "formats";
    public static final String LICENCES = "licences";
    public static final String SCHEMAS = "schemas";
    public static final String GRANULARITY = "granularity";
    /** Buckets of the last modification: {@link #UPDATED_MONTH}, {@link #UPDATED_YEAR}, {@link #UPDATED_OLDER}. */
    public static final String UPDATED = "updated";

    public static final String UPDATED_MONTH = "last-month";
    public static final String UPDATED_YEAR = "last-year";
    public static final String UPDATED_OLDER = "older";

    public static final List<String> ALL = List.of(THEMES, PRODUCER_TYPES, ORGANISATIONS, ACCESS_LEVELS, FORMATS,
            LICENCES, SCHEMAS, GRANULARITY, UPDATED);

    private Facets() {
    }
}
