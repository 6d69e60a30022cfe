package fr.dataterritoires.datasetsearch.persistence.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.transport.TransportException;

import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.application.search.DatasetSearchEngine;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.Labels;
import fr.dataterritoires.datasetsearch.application.search.Facets;
import fr.dataterritoires.datasetsearch.application.search.SearchCursor;
import fr.dataterritoires.datasetsearch.application.search.SearchQuery;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.application.search.SearchTimeoutException;
import fr.dataterritoires.datasetsearch.application.search.SearchUnavailableException;
import fr.dataterritoires.datasetsearch.application.search.Suggestions;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * Searches the alias. Every request carries the remaining time budget twice: as Elasticsearch's own {@code timeout}
 * (the shards stop collecting) and as a client-side wait on the asynchronous call (a slow network or a busy node
 * cannot hold the caller). Past either, {@link SearchTimeoutException}.
 */
public class ElasticsearchDatasetSearch implements DatasetSearchEngine {

    private static final int FACET_SIZE = 20;
    /**
     * The document fields a result shows ({@link DatasetDocuments#card}); the others (keywords, references, sources,
     * demand, dates of indexing...) are left in the index rather than sent, parsed and dropped on every search.
     */
    static final List<String> CARD_FIELDS = List.of("id", "title", "description", "producerName", "producerSiren",
            "producerType", "accessLevel", "coverage", "granularity", "formats", "themes", "licence", "quality",
            "qualityCriteria", "modified", "sourceUri", "landingPage", "schemaId", "schemaVersion", "popularity");

    private final ElasticsearchAsyncClient client;
    private final IndexNames names;

    public ElasticsearchDatasetSearch(ElasticsearchClient client, IndexNames names) {
        this.client = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.names = names;
    }

    @Override
    public SearchResults search(SearchQuery q, Instant deadline) {
        Map<String, Query> chosen = SearchQueries.facetFilters(q);
        SearchRequest request = SearchRequest.of(s -> {
            if (!chosen.isEmpty()) {
                s.postFilter(SearchQueries.allOf(chosen.values()));
            }
            s.index(names.alias())
                    .query(SearchQueries.query(q))
                    .sort(SearchQueries.sort(q.sort()))
                    .size(q.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(CARD_FIELDS)))
                    .timeout(remaining(deadline).toMillis() + "ms")
                    .aggregations(chosen.isEmpty() ? AGGREGATIONS : aggregations(chosen));
            if (q.cursor() != null) {
                s.searchAfter(q.cursor().after().stream().map(FieldValue::of).toList());
            } else {
                s.from(q.from());
            }
            if (q.hasText()) {
                s.highlight(h -> h.fields(NamedValue.of("description", HighlightField.of(f -> f.fragmentSize(200)
                        .numberOfFragments(1).preTags("").postTags("").noMatchSize(0)))));
            }
            return s;
        });
        SearchResponse<Map> response;
        try {
            response = await(client.search(request, Map.class), deadline);
        } catch (ElasticsearchException e) {
            if (q.cursor() != null && e.status() == 400) {
                // Sort values that do not fit this sort: a cursor tampered with or from another version.
                throw InvalidFieldException.parameter("cursor", "Le curseur de pagination ne correspond pas à cette "
                        + "recherche : reprenez « nextCursor » de la réponse précédente.", null);
            }
            throw e;
        }
        List<DatasetCard> cards = new ArrayList<>();
        List<Hit<Map>> hits = response.hits().hits();
        for (Hit<Map> hit : hits) {
            List<String> fragments = hit.highlight().get("description");
            cards.add(DatasetDocuments.card(hit.source(),
                    fragments == null || fragments.isEmpty() ? null : fragments.getFirst().strip()));
        }
        long total = response.hits().total() == null ? cards.size() : response.hits().total().value();
        String next = null;
        if (!hits.isEmpty() && hits.size() == q.size() && q.from() + q.size() < total) {
            next = cursor(q, hits.getLast());
        } else if (!hits.isEmpty() && q.cursor() != null && hits.size() == q.size()) {
            next = cursor(q, hits.getLast());
        }
        return new SearchResults(total, cards, facets(response.aggregations()), next, q.page(), q.size());
    }

    private static String cursor(SearchQuery q, Hit<Map> last) {
        List<Object> values = new ArrayList<>();
        for (FieldValue value : last.sort()) {
            if (value.isLong()) {
                values.add(value.longValue());
            } else if (value.isDouble()) {
                values.add(value.doubleValue());
            } else if (value.isString()) {
                values.add(value.stringValue());
            } else {
                return null;
            }
        }
        return new SearchCursor(q.sort(), values).encode();
    }

    /** Name of a facet's counts inside the filter of the other facets' choices. */
    private static final String CHOSEN_BY_OTHERS = "values";

    /** The facets' aggregations when no facet value is chosen (built once: they are immutable). */
    private static final Map<String, Aggregation> AGGREGATIONS = java.util.Collections.unmodifiableMap(aggregations());

    private static Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(Facets.THEMES, terms("themes"));
        aggs.put(Facets.PRODUCER_TYPES, terms("producerType"));
        aggs.put(Facets.ORGANISATIONS, terms("producerName.raw"));
        aggs.put(Facets.ACCESS_LEVELS, terms("accessLevel"));
        aggs.put(Facets.FORMATS, terms("formats"));
        aggs.put(Facets.LICENCES, terms("licence"));
        aggs.put(Facets.SCHEMAS, terms("schemaId"));
        aggs.put(Facets.GRANULARITY, terms("granularity"));
        aggs.put(Facets.UPDATED, Aggregation.of(a -> a.dateRange(d -> d.field("modified")
                .ranges(r -> r.key(Facets.UPDATED_MONTH).from(f -> f.expr("now-1M/d")))
                .ranges(r -> r.key(Facets.UPDATED_YEAR).from(f -> f.expr("now-1y/d")))
                .ranges(r -> r.key(Facets.UPDATED_OLDER).to(f -> f.expr("now-1y/d"))))));
        return aggs;
    }

    /**
     * Multi-select facets: each facet counts what the other facets' choices leave (its own choice would hide the
     * alternatives); the results themselves take every choice, as the post filter.
     */
    private static Map<String, Aggregation> aggregations(Map<String, Query> chosen) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        AGGREGATIONS.forEach((facet, counting) -> {
            Map<String, Query> others = new LinkedHashMap<>(chosen);
            others.remove(facet);
            aggs.put(facet, others.isEmpty() ? counting : Aggregation.of(a -> a
                    .filter(SearchQueries.allOf(others.values()))
                    .aggregations(CHOSEN_BY_OTHERS, counting)));
        });
        return aggs;
    }

    private static Aggregation terms(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
    }

    private static Map<String, List<FacetCount>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String name : Facets.ALL) {
            Aggregate aggregate = aggregations.get(name);
            if (aggregate != null && aggregate.isFilter()) {
                aggregate = aggregate.filter().aggregations().get(CHOSEN_BY_OTHERS);
            }
            List<FacetCount> values = new ArrayList<>();
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    String value = bucket.key().stringValue();
                    values.add(new FacetCount(value, label(name, value), bucket.docCount()));
                }
            } else if (aggregate != null && aggregate.isDateRange()) {
                for (RangeBucket bucket : aggregate.dateRange().buckets().array()) {
                    values.add(new FacetCount(bucket.key(), label(name, bucket.key()), bucket.docCount()));
                }
            }
            facets.put(name, values);
        }
        return facets;
    }

    /** French label of a coded facet value; null when the value speaks for itself. */
    static String label(String facet, String value) {
        try {
            return switch (facet) {
                case Facets.PRODUCER_TYPES -> ProducerType.valueOf(value).label();
                case Facets.ACCESS_LEVELS -> AccessLevel.valueOf(value).label();
                case Facets.GRANULARITY -> Labels.granularity(Granularity.valueOf(value));
                case Facets.UPDATED -> switch (value) {
                    case Facets.UPDATED_MONTH -> "mis à jour depuis moins d'un mois";
                    case Facets.UPDATED_YEAR -> "mis à jour depuis moins d'un an";
                    case Facets.UPDATED_OLDER -> "mis à jour il y a plus d'un an";
                    default -> null;
                };
                default -> null;
            };
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }


    @Override
    public List<Suggestions.DatasetSuggestion> suggestDatasets(String prefix, int limit, Instant deadline) {
        SearchRequest request = SearchRequest.of(s -> s.index(names.alias())
                .query(q -> q.matchBoolPrefix(m -> m.field("title.suggest").query(prefix).operator(Operator.And)))
                .size(limit)
                .source(src -> src.filter(f -> f.includes("id", "title", "producerName")))
                .timeout(remaining(deadline).toMillis() + "ms"));
        SearchResponse<Map> response = await(client.search(request, Map.class), deadline);
        return response.hits().hits().stream().map(Hit::source)
                .map(source -> new Suggestions.DatasetSuggestion((String) source.get("id"),
                        (String) source.get("title"), (String) source.get("producerName")))
                .toList();
    }

    @Override
    public List<Suggestions.OrganisationSuggestion> suggestOrganisations(String prefix, int limit, Instant deadline) {
        SearchRequest request = SearchRequest.of(s -> s.index(names.alias())
                .query(q -> q.matchBoolPrefix(m -> m.field("producerName.suggest").query(prefix)
                        .operator(Operator.And)))
                .size(0)
                .timeout(remaining(deadline).toMillis() + "ms")
                .aggregations("organisations", a -> a.terms(t -> t.field("producerName.raw").size(limit))
                        .aggregations("siren", sub -> sub.terms(t -> t.field("producerSiren").size(1)))));
        SearchResponse<Map> response = await(client.search(request, Map.class), deadline);
        Aggregate organisations = response.aggregations().get("organisations");
        if (organisations == null || !organisations.isSterms()) {
            return List.of();
        }
        List<Suggestions.OrganisationSuggestion> suggestions = new ArrayList<>();
        for (StringTermsBucket bucket : organisations.sterms().buckets().array()) {
            Aggregate siren = bucket.aggregations().get("siren");
            String code = siren != null && siren.isSterms() && !siren.sterms().buckets().array().isEmpty()
                    ? siren.sterms().buckets().array().getFirst().key().stringValue() : null;
            suggestions.add(new Suggestions.OrganisationSuggestion(bucket.key().stringValue(), code,
                    bucket.docCount()));
        }
        return suggestions;
    }

    @Override
    public Map<String, DatasetCard> findByIds(Collection<String> ids, Instant deadline) {
        return lookUp("id", ids, deadline);
    }

    @Override
    public Map<String, DatasetCard> resolve(Collection<String> references, Instant deadline) {
        Map<String, DatasetCard> byReference = new LinkedHashMap<>();
        List<String> lowerIds = references.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        SearchRequest request = SearchRequest.of(s -> s.index(names.alias())
                .query(q -> q.bool(b -> b.should(SearchQueries.termsQuery("id", lowerIds))
                        .should(SearchQueries.termsQuery("references", references)).minimumShouldMatch("1")))
                .size(Math.min(10_000, references.size() * 4))
                .timeout(remaining(deadline).toMillis() + "ms"));
        SearchResponse<Map> response = await(client.search(request, Map.class), deadline);
        for (Hit<Map> hit : response.hits().hits()) {
            DatasetCard card = DatasetDocuments.card(hit.source(), null);
            List<?> refs = hit.source().get("references") instanceof List<?> l ? l : List.of();
            for (String reference : references) {
                if (reference.equalsIgnoreCase(card.id()) || refs.contains(reference)) {
                    byReference.putIfAbsent(reference, card);
                }
            }
        }
        return byReference;
    }

    private Map<String, DatasetCard> lookUp(String field, Collection<String> values, Instant deadline) {
        SearchRequest request = SearchRequest.of(s -> s.index(names.alias())
                .query(q -> q.terms(t -> t.field(field).terms(v -> v.value(SearchQueries.fieldValues(values)))))
                .size(values.size())
                .timeout(remaining(deadline).toMillis() + "ms"));
        SearchResponse<Map> response = await(client.search(request, Map.class), deadline);
        Map<String, DatasetCard> found = new LinkedHashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            DatasetCard card = DatasetDocuments.card(hit.source(), null);
            found.put(card.id(), card);
        }
        return found;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Waits for the answer until the deadline; a timed-out answer (partial results) is no answer. */
    private static <T> SearchResponse<T> await(CompletableFuture<SearchResponse<T>> call, Instant deadline) {
        Duration budget = Duration.between(Instant.now(), deadline);
        try {
            SearchResponse<T> response = call.get(Math.max(0, budget.toNanos()), TimeUnit.NANOSECONDS);
            if (response.timedOut()) {
                throw new SearchTimeoutException(null);
            }
            return response;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new SearchTimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new SearchTimeoutException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ElasticsearchException es && es.status() == 404) {
                throw new SearchUnavailableException(es); // the alias is missing: no index yet
            }
            if (cause instanceof RuntimeException runtime && !(cause instanceof TransportException)) {
                throw runtime;
            }
            throw new SearchUnavailableException(cause);
        }
    }
}
