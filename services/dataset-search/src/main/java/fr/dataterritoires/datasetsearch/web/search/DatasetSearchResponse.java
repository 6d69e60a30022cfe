package fr.dataterritoires.datasetsearch.web.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of search results as the API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSearchResponse(long total, int page, int size, String nextCursor, List<Result> datasets,
                                    Map<String, List<FacetValue>> facets, AppliedUse use) {

    /** One dataset in a result list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, String title, String excerpt, ProducerView producer, Coded accessLevel,
                         CoverageView coverage, List<String> formats, List<String> themes, String licence,
                         double qualityScore, List<String> qualityCriteria, Instant modified, String schema,
                         Links links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProducerView(String name, String siren, Coded type) {
    }

    /** A code and its French label. */
    public record Coded(String code, String label) {
    }

    public record CoverageView(List<TerritoryView> territories, Coded granularity) {
    }

    /** @param name official name, null for codes not in the packaged geography (IRIS, QPV) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TerritoryView(String key, String level, String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String self, String landingPage, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(String value, String label, long count) {
    }

    /** The intended-use profile applied, with the version of the curation. */
    public record AppliedUse(String id, String label, String version) {
    }
}
