package fr.dataterritoires.datasetsearch.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source says about a dataset: the metadata harvested as it is, normalised but not judged. The catalogue's own
 * judgements (quality, freshness lag) are derived from it.
 *
 * @param sourceUri       the dataset's identifier at its source (RDF subject, dct:identifier, API URI); never blank
 * @param landingPage     page for people, may be null
 * @param title           never blank
 * @param description     may be null
 * @param keywords        free keywords
 * @param themes          theme labels or URIs (EU data themes, data.gouv.fr topics)
 * @param producer        may be null when the source names none
 * @param contactPoint    may be null
 * @param licence         licence id or URI as published (e.g. "etalab-2.0", "ODbL"), may be null
 * @param distributions   files, APIs and services
 * @param accessLevel     open, shared or restricted
 * @param accessProcedure how to ask for access when not open (URL or text), may be null
 * @param coverage        territories and granularity
 * @param temporal        period the data describes, may be null
 * @param frequency       declared update frequency
 * @param issued          first publication, may be null
 * @param modified        last modification at the source, may be null
 * @param schema          declared data standard, may be null
 * @param usage           usage counts gathered from the source
 */
public record DatasetDescription(
        String sourceUri,
        String landingPage,
        String title,
        String description,
        List<String> keywords,
        List<String> themes,
        Producer producer,
        ContactPoint contactPoint,
        String licence,
        List<Distribution> distributions,
        AccessLevel accessLevel,
        String accessProcedure,
        TerritorialCoverage coverage,
        TemporalCoverage temporal,
        UpdateFrequency frequency,
        Instant issued,
        Instant modified,
        SchemaDeclaration schema,
        UsageCounts usage) {

    public DatasetDescription {
        sourceUri = Text.requireNonBlank(sourceUri, "source URI");
        landingPage = Text.blankToNull(landingPage);
        title = Text.requireNonBlank(title, "title");
        description = Text.blankToNull(description);
        keywords = Text.cleanList(keywords);
        themes = Text.cleanList(themes);
        licence = Text.blankToNull(licence);
        distributions = List.copyOf(Objects.requireNonNullElse(distributions, List.of()));
        Objects.requireNonNull(accessLevel, "access level");
        accessProcedure = Text.blankToNull(accessProcedure);
        coverage = Objects.requireNonNullElse(coverage, TerritorialCoverage.UNKNOWN);
        frequency = Objects.requireNonNullElse(frequency, UpdateFrequency.UNKNOWN);
        usage = Objects.requireNonNullElse(usage, UsageCounts.NONE);
    }

    /** Formats of the distributions, de-duplicated. */
    public List<String> formats() {
        return distributions.stream().map(Distribution::format).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Freshness lag: how far the end of the period the data describes lags behind its last publication. A 2021
     * census published in 2024 lags three years. Empty when either date is unknown.
     */
    public Optional<Duration> freshnessLag() {
        Instant published = modified != null ? modified : issued;
        if (temporal == null || temporal.end() == null || published == null) {
            return Optional.empty();
        }
        Instant periodEnd = temporal.end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Duration lag = Duration.between(periodEnd, published);
        return Optional.of(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Convenience for sorting and filters: the last modification, else the first publication. */
    public Optional<Instant> lastChange() {
        return Optional.ofNullable(modified != null ? modified : issued);
    }

    /** Day the period described ends, when known. */
    public Optional<LocalDate> periodEnd() {
        return temporal == null ? Optional.empty() : Optional.ofNullable(temporal.end());
    }
}
