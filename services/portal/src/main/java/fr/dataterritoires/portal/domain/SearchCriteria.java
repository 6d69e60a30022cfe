package fr.dataterritoires.portal.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a visitor asked the search page for, as plain values: text, one territory (its key, e.g. {@code commune:69123}),
 * the checked values of each facet, the sort and the page. The portal passes them on to dataset-search unchanged
 * (dataset-search checks them and says which parameter is wrong); here only the shape is kept sane so that a page
 * link can always be rebuilt from them.
 */
public record SearchCriteria(String text, String territory, Map<SearchFacet, Set<String>> selected, String sort,
                             int page) {

    /** Results per page: the DSFR pagination then stays short. */
    public static final int PAGE_SIZE = 10;
    /** The sort orders dataset-search accepts, with their French labels, in the order the page lists them. */
    public static final Map<String, String> SORTS = orderedSorts();
    /** Longest text kept; dataset-search refuses longer ones anyway. */
    static final int MAX_TEXT = 500;
    /** Values kept per facet: a hand-made URL cannot make the portal send an unbounded query. */
    static final int MAX_VALUES = 50;

    public SearchCriteria {
        text = clean(text, MAX_TEXT);
        territory = clean(territory, 100);
        EnumMap<SearchFacet, Set<String>> copy = new EnumMap<>(SearchFacet.class);
        if (selected != null) {
            selected.forEach((facet, values) -> {
                Set<String> kept = new LinkedHashSet<>();
                if (values != null) {
                    values.stream().map(v -> clean(v, 200)).filter(Objects::nonNull).limit(MAX_VALUES)
                            .forEach(kept::add);
                }
                if (!kept.isEmpty()) {
                    copy.put(facet, Set.copyOf(kept));
                }
            });
        }
        selected = Map.copyOf(copy);
        sort = sort == null || !SORTS.containsKey(sort) ? "relevance" : sort;
        page = Math.max(1, page);
    }

    public static SearchCriteria empty() {
        return new SearchCriteria(null, null, Map.of(), null, 1);
    }

    public boolean isChecked(SearchFacet facet, String value) {
        return selected.getOrDefault(facet, Set.of()).contains(value);
    }

    public boolean hasFilters() {
        return territory != null || !selected.isEmpty();
    }

    public SearchCriteria atPage(int number) {
        return new SearchCriteria(text, territory, selected, sort, number);
    }

    /** The query parameters, in a stable order: the same list serves dataset-search and the portal's own links. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (text != null) {
            out.add(Map.entry("q", text));
        }
        if (territory != null) {
            out.add(Map.entry("territory", territory));
        }
        for (SearchFacet facet : SearchFacet.values()) {
            selected.getOrDefault(facet, Set.of()).stream().sorted()
                    .forEach(v -> out.add(Map.entry(facet.parameter(), v)));
        }
        if (!"relevance".equals(sort)) {
            out.add(Map.entry("sort", sort));
        }
        return out;
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    private static Map<String, String> orderedSorts() {
        java.util.LinkedHashMap<String, String> sorts = new java.util.LinkedHashMap<>();
        sorts.put("relevance", "Pertinence");
        sorts.put("recency", "Mise à jour la plus récente");
        sorts.put("popularity", "Les plus utilisés");
        return java.util.Collections.unmodifiableMap(sorts);
    }
}
