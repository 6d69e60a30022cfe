package fr.dataterritoires.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    @Test
    void parametersAreStableWhateverTheOrderValuesWereChecked() {
        SearchCriteria a = new SearchCriteria(" énergie ", "commune:69123",
                Map.of(SearchFacet.THEMES, new LinkedHashSet<>(List.of("Transports", "Énergie")),
                        SearchFacet.ACCESS_LEVELS, Set.of("OPEN")), "recency", 2);
        SearchCriteria b = new SearchCriteria("énergie", "commune:69123",
                Map.of(SearchFacet.ACCESS_LEVELS, Set.of("OPEN"),
                        SearchFacet.THEMES, new LinkedHashSet<>(List.of("Énergie", "Transports"))), "recency", 2);
        assertThat(a.parameters()).isEqualTo(b.parameters()).containsExactly(
                Map.entry("q", "énergie"), Map.entry("territory", "commune:69123"),
                Map.entry("accessLevel", "OPEN"), Map.entry("theme", "Transports"), Map.entry("theme", "Énergie"),
                Map.entry("sort", "recency"));
    }

    @Test
    void blankValuesUnknownSortsAndPagesBelowOneFallBackToDefaults() {
        SearchCriteria c = new SearchCriteria("  ", "", Map.of(SearchFacet.FORMATS, Set.of(" ", "")), "n'importe",
                -4);
        assertThat(c.text()).isNull();
        assertThat(c.territory()).isNull();
        assertThat(c.selected()).isEmpty();
        assertThat(c.sort()).isEqualTo("relevance");
        assertThat(c.page()).isEqualTo(1);
        assertThat(c.parameters()).isEmpty();
        assertThat(c.hasFilters()).isFalse();
    }

    @Test
    void aHandMadeUrlCannotMakeAnUnboundedQuery() {
        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 500; i++) {
            many.add("format-" + i);
        }
        SearchCriteria c = new SearchCriteria("x".repeat(5_000), null, Map.of(SearchFacet.FORMATS, many), null, 1);
        assertThat(c.text()).hasSize(SearchCriteria.MAX_TEXT);
        assertThat(c.selected().get(SearchFacet.FORMATS)).hasSize(SearchCriteria.MAX_VALUES);
    }

    @Test
    void facetsAreFoundByTheirQueryParameter() {
        for (SearchFacet facet : SearchFacet.values()) {
            assertThat(SearchFacet.byParameter(facet.parameter())).contains(facet);
        }
        assertThat(SearchFacet.byParameter("q")).isEmpty();
    }
}
