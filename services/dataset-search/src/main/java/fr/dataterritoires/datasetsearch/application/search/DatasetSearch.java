package fr.dataterritoires.datasetsearch.application.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearches;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * Search use cases, read-only and anonymous (published data): full-text search with filters and facets,
 * suggestions, look-ups by id and by reference. Searches with text that find nothing are reported as demand.
 */
@Service
public class DatasetSearch {

    /** Most ids or references accepted in one batch look-up. */
    public static final int MAX_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(DatasetSearch.class);

    private final DatasetSearchEngine engine;
    private final SearchQueryParser parser;
    private final SearchProperties limits;
    private final UseProfiles useProfiles;
    private final ObjectProvider<UnansweredSearches> unanswered;
    private final Clock clock;
    private final Territories territories = Territories.get();

    public DatasetSearch(DatasetSearchEngine engine, SearchQueryParser parser, SearchProperties limits,
                         UseProfiles useProfiles, ObjectProvider<UnansweredSearches> unanswered,
                         ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.parser = parser;
        this.limits = limits;
        this.useProfiles = useProfiles;
        this.unanswered = unanswered;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public SearchResults search(SearchParameters parameters) {
        SearchQuery query = parser.parse(parameters);
        QuerySyntax.refuse(query.text());
        Instant started = clock.instant();
        SearchResults results = engine.search(query, deadline(started));
        if (results.total() == 0 && query.hasText() && query.cursor() == null) {
            reportUnanswered(query, started);
        }
        return results;
    }

    private void reportUnanswered(SearchQuery query, Instant at) {
        String territory = query.territory() == null ? null : query.territory().target().key();
        unanswered.orderedStream().forEach(demand -> {
            try {
                demand.record(query.text(), territory, at);
            } catch (RuntimeException e) {
                // Counting demand must never fail the search people are waiting for.
                log.warn("Could not record an unanswered search: {}", e.toString());
            }
        });
    }

    public Suggestions suggest(String text) {
        String prefix = parser.text(text);
        if (prefix == null) {
            throw InvalidFieldException.parameter("q", "Le paramètre « q » est obligatoire pour les suggestions.",
                    null);
        }
        Instant deadline = deadline(clock.instant());
        int limit = limits.suggestions();
        List<Suggestions.TerritorySuggestion> places = new ArrayList<>();
        for (Territory t : territories.search(prefix, limit)) {
            TerritoryRef ref = new TerritoryRef(t.level(), t.code());
            places.add(new Suggestions.TerritorySuggestion(ref.key(), t.level().name().toLowerCase(Locale.ROOT),
                    t.code(), t.name()));
        }
        codeSuggestion(prefix).ifPresent(code -> {
            if (places.stream().noneMatch(p -> p.key().equals(code.key()))) {
                places.addFirst(code);
            }
        });
        return new Suggestions(engine.suggestDatasets(prefix, limit, deadline),
                engine.suggestOrganisations(prefix, limit, deadline), places.stream().limit(limit).toList());
    }

    /** Someone typing a code ("38185", "2A") gets the territory it names. */
    private Optional<Suggestions.TerritorySuggestion> codeSuggestion(String text) {
        var levels = territories.levels(text);
        if (levels.size() != 1) {
            return Optional.empty();
        }
        return territories.find(levels.iterator().next(), text).map(t -> new Suggestions.TerritorySuggestion(
                new TerritoryRef(t.level(), t.code()).key(), t.level().name().toLowerCase(Locale.ROOT), t.code(),
                t.name()));
    }

    public UseProfiles useProfiles() {
        return useProfiles;
    }

    /** One dataset by catalogue id, from the index; empty when unknown or not a catalogue id. */
    public Optional<DatasetCard> get(String id) {
        Optional<String> normalised = normaliseId(id);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(engine.findByIds(List.of(normalised.get()), deadline(clock.instant()))
                .get(normalised.get()));
    }

    /**
     * Several datasets by catalogue id, in the order asked: the found ones by requested id (ids that are no
     * catalogue id or that the index does not hold are absent).
     */
    public Map<String, DatasetCard> getAll(List<String> ids) {
        checkBatch("dataset_ids", ids.size());
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String id : ids) {
            normaliseId(id).ifPresent(n -> normalised.put(id, n));
        }
        Map<String, DatasetCard> found = normalised.isEmpty() ? Map.of()
                : engine.findByIds(normalised.values(), deadline(clock.instant()));
        Map<String, DatasetCard> answer = new LinkedHashMap<>();
        for (String id : ids) {
            String n = normalised.get(id);
            if (n != null && found.containsKey(n)) {
                answer.put(id, found.get(n));
            }
        }
        return answer;
    }

    /** References (catalogue id, source URI, landing page) to datasets; unknown ones are absent. */
    public Map<String, DatasetCard> resolve(List<String> references) {
        checkBatch("references", references.size());
        List<String> cleaned = references.stream().filter(r -> r != null && !r.isBlank()).map(String::strip)
                .distinct().toList();
        if (cleaned.isEmpty()) {
            return Map.of();
        }
        Map<String, DatasetCard> byReference = engine.resolve(cleaned, deadline(clock.instant()));
        Map<String, DatasetCard> answer = new LinkedHashMap<>();
        for (String reference : references) {
            DatasetCard card = reference == null ? null : byReference.get(reference.strip());
            if (card != null) {
                answer.put(reference, card);
            }
        }
        return answer;
    }

    private static void checkBatch(String field, int size) {
        if (size > MAX_BATCH) {
            throw InvalidFieldException.parameter(field, "Au plus " + MAX_BATCH + " identifiants par appel ("
                    + size + " reçus).", size);
        }
    }

    private static Optional<String> normaliseId(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatasetId.parse(id).toString());
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Deadlines are wall-clock instants (the adapter measures what is left), whatever the injected clock. */
    private Instant deadline(Instant ignoredStart) {
        return Instant.now().plus(limits.timeout());
    }
}
