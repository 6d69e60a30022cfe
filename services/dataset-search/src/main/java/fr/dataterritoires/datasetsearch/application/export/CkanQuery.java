package fr.dataterritoires.datasetsearch.application.export;

import java.util.List;
import java.util.Objects;

/**
 * A CKAN {@code package_search} translated into the catalogue's terms. Filter values are plain values (never query
 * syntax): the search side matches them exactly.
 *
 * @param text          free text ({@code q}), empty for "everything"
 * @param organizations organisation names (CKAN slugs of producer names) the dataset must belong to (any of them)
 * @param tags          keywords the dataset must all carry
 * @param formats       distribution formats, normalised upper case (any of them)
 * @param licenceIds    CKAN licence ids (any of them)
 * @param start         offset of the first result
 * @param rows          number of results wanted, 0 to count only
 * @param sort          the order asked for
 */
public record CkanQuery(String text, List<String> organizations, List<String> tags, List<String> formats,
                        List<String> licenceIds, int start, int rows, Sort sort) {

    /** Most CKAN instances cap {@code rows} at 1000 ({@code ckan.search.rows_max}). */
    public static final int MAX_ROWS = 1000;

    public enum Sort { SCORE, METADATA_MODIFIED_DESC, METADATA_MODIFIED_ASC, TITLE_ASC, TITLE_DESC }

    public CkanQuery {
        text = text == null ? "" : text.strip();
        organizations = List.copyOf(Objects.requireNonNullElse(organizations, List.of()));
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
        formats = List.copyOf(Objects.requireNonNullElse(formats, List.of()));
        licenceIds = List.copyOf(Objects.requireNonNullElse(licenceIds, List.of()));
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative");
        }
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be between 0 and " + MAX_ROWS);
        }
        Objects.requireNonNull(sort, "sort");
    }
}
