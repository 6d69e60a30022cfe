package fr.dataterritoires.datasetsearch.application.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;

/**
 * A dataset as the index holds it: what a result, a suggestion or a directory look-up shows.
 *
 * @param excerpt         a short extract of the description (with the matched words for a search), may be null
 * @param coverage        territory keys ({@code commune:38185})
 * @param qualityCriteria names of the quality criteria met
 * @param modified        last change at the source, may be null
 */
public record DatasetCard(
        String id,
        String title,
        String description,
        String excerpt,
        String producerName,
        String producerSiren,
        ProducerType producerType,
        AccessLevel accessLevel,
        List<String> coverage,
        Granularity granularity,
        List<String> formats,
        List<String> themes,
        List<String> keywords,
        String licence,
        double quality,
        List<String> qualityCriteria,
        Instant modified,
        String sourceUri,
        String landingPage,
        String schemaId,
        String schemaVersion,
        long popularity) {

    public DatasetCard {
        Objects.requireNonNull(id, "id");
        coverage = List.copyOf(Objects.requireNonNullElse(coverage, List.of()));
        formats = List.copyOf(Objects.requireNonNullElse(formats, List.of()));
        themes = List.copyOf(Objects.requireNonNullElse(themes, List.of()));
        keywords = List.copyOf(Objects.requireNonNullElse(keywords, List.of()));
        qualityCriteria = List.copyOf(Objects.requireNonNullElse(qualityCriteria, List.of()));
        producerType = Objects.requireNonNullElse(producerType, ProducerType.UNKNOWN);
        granularity = Objects.requireNonNullElse(granularity, Granularity.UNKNOWN);
    }
}
