package fr.dataterritoires.datasetsearch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metadata quality as the share of {@link QualityCriterion criteria} met, each criterion visible. The score is in
 * [0, 1] with two decimals; ranking may use it only as a bounded boost.
 */
public record QualityScore(Map<QualityCriterion, Boolean> criteria) {

    /** Shorter descriptions rarely tell what the data is, how it was made, or its limits. */
    static final int MINIMUM_DESCRIPTION_LENGTH = 100;

    public QualityScore {
        var copy = new EnumMap<QualityCriterion, Boolean>(QualityCriterion.class);
        for (QualityCriterion criterion : QualityCriterion.values()) {
            copy.put(criterion, Boolean.TRUE.equals(Objects.requireNonNull(criteria, "criteria").get(criterion)));
        }
        criteria = Collections.unmodifiableMap(copy);
    }

    /** Assesses a description at {@code now} (the "update frequency kept" criterion depends on time). */
    public static QualityScore assess(DatasetDescription d, Instant now) {
        var met = new EnumMap<QualityCriterion, Boolean>(QualityCriterion.class);
        met.put(QualityCriterion.DESCRIPTION,
                d.description() != null && d.description().length() >= MINIMUM_DESCRIPTION_LENGTH);
        met.put(QualityCriterion.LICENCE, d.licence() != null);
        met.put(QualityCriterion.OPEN_FORMAT, d.distributions().stream().anyMatch(Distribution::isOpenFormat));
        met.put(QualityCriterion.SPATIAL_COVERAGE, d.coverage().isDeclared());
        met.put(QualityCriterion.TEMPORAL_COVERAGE, d.temporal() != null);
        met.put(QualityCriterion.UPDATE_FREQUENCY_KEPT, frequencyKept(d, now));
        met.put(QualityCriterion.RESOURCES_AVAILABLE, !d.distributions().isEmpty());
        return new QualityScore(met);
    }

    private static boolean frequencyKept(DatasetDescription d, Instant now) {
        if (!d.frequency().isDeclared()) {
            return false;
        }
        var interval = d.frequency().interval();
        if (interval.isEmpty()) {
            // Irregular or one-off data keeps its promise by being what it says.
            return true;
        }
        return d.lastChange()
                .map(changed -> !changed.plus(interval.get()).plus(Duration.ofDays(1)).isBefore(now))
                .orElse(false);
    }

    /** Share of criteria met, in [0, 1], rounded to two decimals. */
    public double value() {
        long met = criteria.values().stream().filter(Boolean::booleanValue).count();
        return Math.round(100.0 * met / criteria.size()) / 100.0;
    }

    public boolean meets(QualityCriterion criterion) {
        return criteria.get(criterion);
    }
}
