package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A page of results as dataset-search's {@code GET /api/datasets} returns it (the fields the pages show). */
public record SearchPage(long total, int page, int size, List<Result> datasets, Map<String, List<FacetValue>> facets) {

    public SearchPage {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    public List<FacetValue> facet(String name) {
        return facets.getOrDefault(name, List.of());
    }

    public record Result(String id, String title, String excerpt, Producer producer, Coded accessLevel,
                         Coverage coverage, List<String> formats, List<String> themes, String licence,
                         double qualityScore, List<String> qualityCriteria, Instant modified) {
    }

    public record Producer(String name, String siren, Coded type) {
    }

    public record Coded(String code, String label) {
    }

    public record Coverage(List<Territory> territories, Coded granularity) {
    }

    public record Territory(String key, String level, String code, String name) {
    }

    public record FacetValue(String value, String label, long count) {
    }
}
