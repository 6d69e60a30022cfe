package fr.dataterritoires.datasetsearch.persistence.index;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import fr.dataterritoires.datasetsearch.application.search.Facets;
import fr.dataterritoires.datasetsearch.application.search.SearchQuery;
import fr.dataterritoires.datasetsearch.application.search.TerritoryScope;
import fr.dataterritoires.datasetsearch.application.search.UseProfile;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/**
 * Elasticsearch queries for a {@link SearchQuery}, built with the client's typed builders only (no JSON text).
 * User text goes only into {@code multi_match}, {@code match_phrase} and {@code match} queries, which analyse it as
 * words: it can never become query syntax, field names or scripts.
 *
 * <p>Matching: words are looked for across all text fields together (a place in the producer, a subject in the
 * title); up to three words must all be found, longer queries need 80 % of their words.
 *
 * <p>Ranking: the text relevance (BM25 over title, keywords, themes, producer, description), plus a large additive
 * boost when the whole title equals the text (ignoring case and accents) and a smaller one for the text as a phrase
 * in the title; then the result is multiplied by {@code 1 + 0.1 × quality + 0.03 × log10(1 + popularity)}, capped
 * at {@value #MAX_BOOST}: quality and popularity can lift a result by 30 % at most, never past a clearly more
 * relevant one.
 */
final class SearchQueries {

    static final float EXACT_TITLE_BOOST = 25f;
    static final float TITLE_PHRASE_BOOST = 4f;
    static final double QUALITY_WEIGHT = 0.1;
    static final double POPULARITY_WEIGHT = 0.03;
    static final float MAX_BOOST = 1.3f;
    static final String MINIMUM_SHOULD_MATCH = "3<80%";

    static final List<String> TEXT_FIELDS = List.of("title^4", "keywords^2", "themes.text^1.5", "producerName^1.5",
            "description");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    private SearchQueries() {
    }

    static Query query(SearchQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.hasText()) {
            String text = q.text();
            // Every word counts up to three words; beyond, 80 % of them, so that a long query is not all-or-nothing.
            bool.must(m -> m.multiMatch(mm -> mm.query(text).fields(TEXT_FIELDS).type(TextQueryType.CrossFields)
                    .operator(Operator.Or).minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
            bool.should(s -> s.constantScore(c -> c.filter(f -> f.match(m -> m.field("title.exact").query(text)))
                    .boost(EXACT_TITLE_BOOST)));
            bool.should(s -> s.matchPhrase(m -> m.field("title").query(text).slop(1).boost(TITLE_PHRASE_BOOST)));
        } else {
            bool.must(m -> m.matchAll(a -> a));
        }
        filters(q).forEach(bool::filter);
        if (q.use() != null) {
            useBoosts(q.use()).forEach(bool::should);
        }
        Query base = Query.of(b -> b.bool(bool.build()));
        return Query.of(b -> b.functionScore(fs -> fs.query(base)
                .functions(f -> f.weight(1.0))
                .functions(f -> f.fieldValueFactor(v -> v.field("quality").modifier(FieldValueFactorModifier.None)
                        .factor(1.0).missing(0.0)).weight(QUALITY_WEIGHT))
                .functions(f -> f.fieldValueFactor(v -> v.field("popularity").modifier(FieldValueFactorModifier.Log1p)
                        .factor(1.0).missing(0.0)).weight(POPULARITY_WEIGHT))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)
                .maxBoost((double) MAX_BOOST)));
    }

    /**
     * Filters that narrow the result set and every facet: territory, update date, intended use. The filters bound to
     * a facet are apart ({@link #facetFilters}).
     */
    static List<Query> filters(SearchQuery q) {
        List<Query> filters = new ArrayList<>();
        if (q.territory() != null) {
            filters.add(territory(q.territory()));
        }
        if (q.updatedSince() != null) {
            String since = q.updatedSince().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            filters.add(Query.of(b -> b.range(r -> r.date(d -> d.field("modified").gte(since)))));
        }
        if (q.use() != null) {
            filters.add(Query.of(b -> b.bool(u -> u.should(useBoosts(q.use())).minimumShouldMatch("1"))));
        }
        return filters;
    }

    /**
     * The filters chosen in a facet, by facet name ({@code Facets}). They narrow the results (as the search's post
     * filter) and the other facets' counts, but not their own facet's: the facets are multi-select, so a user who
     * ticked "CSV" still sees how many results "GeoJSON" would add.
     */
    static Map<String, Query> facetFilters(SearchQuery q) {
        Map<String, Query> filters = new LinkedHashMap<>();
        facet(filters, Facets.THEMES, "themes.exact", q.themes());
        facet(filters, Facets.PRODUCER_TYPES, "producerType", q.producerTypes().stream().map(Enum::name).toList());
        if (!q.organisations().isEmpty()) {
            List<String> sirens = q.organisations().stream().filter(o -> SIREN.matcher(o).matches()).toList();
            List<String> names = q.organisations().stream().filter(o -> !SIREN.matcher(o).matches()).toList();
            filters.put(Facets.ORGANISATIONS, Query.of(b -> b.bool(o -> {
                if (!sirens.isEmpty()) {
                    o.should(termsQuery("producerSiren", sirens));
                }
                if (!names.isEmpty()) {
                    o.should(termsQuery("producerName.exact", names));
                }
                return o.minimumShouldMatch("1");
            })));
        }
        facet(filters, Facets.ACCESS_LEVELS, "accessLevel", q.accessLevels().stream().map(Enum::name).toList());
        facet(filters, Facets.SCHEMAS, "schemaId", q.schemas());
        facet(filters, Facets.FORMATS, "formats", q.formats());
        facet(filters, Facets.LICENCES, "licenceKey",
                q.licences().stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList());
        return filters;
    }

    /** All of these filters at once (null when there is none). */
    static Query allOf(Collection<Query> filters) {
        return filters.isEmpty() ? null : Query.of(b -> b.bool(a -> a.filter(List.copyOf(filters))));
    }

    private static void facet(Map<String, Query> filters, String facet, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            filters.put(facet, termsQuery(field, values));
        }
    }

    /** Built territory filters by scope: {@code TerritoryExpansion} hands out the same scope for the same filter. */
    private static final Map<TerritoryScope, Query> TERRITORY_QUERIES = new IdentityHashMap<>();
    private static final int TERRITORY_QUERIES_SIZE = 1024;

    /**
     * The territory itself, its parents and children, its finer units, and national data fine enough. Built once per
     * scope (a région's filter holds thousands of terms); queries are immutable, so they can be shared.
     */
    static Query territory(TerritoryScope scope) {
        synchronized (TERRITORY_QUERIES) {
            Query known = TERRITORY_QUERIES.get(scope);
            if (known != null) {
                return known;
            }
        }
        Query built = buildTerritory(scope);
        synchronized (TERRITORY_QUERIES) {
            if (TERRITORY_QUERIES.size() >= TERRITORY_QUERIES_SIZE) {
                TERRITORY_QUERIES.clear();
            }
            TERRITORY_QUERIES.put(scope, built);
        }
        return built;
    }

    private static Query buildTerritory(TerritoryScope scope) {
        return Query.of(b -> b.bool(t -> {
            t.should(termsQuery("coverage", scope.coverageKeys()));
            for (String prefix : scope.coveragePrefixes()) {
                t.should(s -> s.prefix(p -> p.field("coverage").value(prefix)));
            }
            if (!scope.nationalGranularities().isEmpty()) {
                t.should(s -> s.bool(n -> n
                        .filter(f -> f.term(term -> term.field("coverage").value(TerritoryRef.NATIONAL.key())))
                        .filter(termsQuery("granularity",
                                scope.nationalGranularities().stream().map(Enum::name).toList()))));
            }
            return t.minimumShouldMatch("1");
        }));
    }

    /** What a use profile looks for; as filter (any of them) and as boosts (the more the better). */
    static List<Query> useBoosts(UseProfile use) {
        List<Query> clauses = new ArrayList<>();
        if (!use.themes().isEmpty()) {
            clauses.add(Query.of(b -> b.terms(t -> t.field("themes.exact")
                    .terms(v -> v.value(fieldValues(use.themes()))).boost(2f))));
        }
        if (!use.schemas().isEmpty()) {
            clauses.add(Query.of(b -> b.terms(t -> t.field("schemaId")
                    .terms(v -> v.value(fieldValues(use.schemas()))).boost(3f))));
        }
        for (String keyword : use.keywords()) {
            clauses.add(Query.of(b -> b.multiMatch(m -> m.query(keyword).type(TextQueryType.Phrase)
                    .fields("title^2", "keywords^2", "description").boost(1f))));
        }
        return clauses;
    }

    static List<SortOptions> sort(fr.dataterritoires.datasetsearch.application.search.SortOrder order) {
        List<SortOptions> sort = new ArrayList<>();
        switch (order) {
            case RELEVANCE -> sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
            case RECENCY -> sort.add(SortOptions.of(s -> s.field(f -> f.field("modified").order(SortOrder.Desc)
                    .missing("_last"))));
            case POPULARITY -> sort.add(SortOptions.of(s -> s.field(f -> f.field("popularity").order(SortOrder.Desc)
                    .missing("_last"))));
        }
        // The id breaks ties, so that pages and cursors never skip nor repeat a dataset.
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }

    static Query termsQuery(String field, Collection<String> values) {
        return Query.of(b -> b.terms(t -> t.field(field).terms(v -> v.value(fieldValues(values)))));
    }

    static List<FieldValue> fieldValues(Collection<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }
}
