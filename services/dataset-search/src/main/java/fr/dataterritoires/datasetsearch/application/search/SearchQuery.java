package fr.dataterritoires.datasetsearch.application.search;

import java.time.LocalDate;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ProducerType;

/**
 * A checked search: every value known to be acceptable. Values within a filter are alternatives (OR); filters
 * combine (AND).
 *
 * @param text          free text, null when searching by filters only
 * @param territory     territory filter, or null
 * @param themes        exact theme labels
 * @param producerTypes producer kinds
 * @param organisations producer SIRENs (9 digits) or names (compared ignoring case and accents)
 * @param accessLevels  access levels
 * @param schemas       schema ids
 * @param formats       normalised formats (upper case)
 * @param licences      licence ids as published
 * @param updatedSince  modified on or after this day, or null
 * @param use           intended-use profile, or null
 * @param sort          order
 * @param page          1-based page (1 with a cursor)
 * @param size          page size
 * @param cursor        where to start (search_after), or null
 */
public record SearchQuery(
        String text,
        TerritoryScope territory,
        Set<String> themes,
        Set<ProducerType> producerTypes,
        Set<String> organisations,
        Set<AccessLevel> accessLevels,
        Set<String> schemas,
        Set<String> formats,
        Set<String> licences,
        LocalDate updatedSince,
        UseProfile use,
        SortOrder sort,
        int page,
        int size,
        SearchCursor cursor) {

    public SearchQuery {
        themes = Set.copyOf(themes);
        producerTypes = Set.copyOf(producerTypes);
        organisations = Set.copyOf(organisations);
        accessLevels = Set.copyOf(accessLevels);
        schemas = Set.copyOf(schemas);
        formats = Set.copyOf(formats);
        licences = Set.copyOf(licences);
    }

    public boolean hasText() {
        return text != null;
    }

    /** Offset of the first result (0 when following a cursor). */
    public int from() {
        return cursor == null ? (page - 1) * size : 0;
    }
}
