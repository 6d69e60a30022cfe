package fr.dataterritoires.datasetsearch.domain;

import java.time.LocalDate;

/** The period the data describes; either bound may be open (null), not both. */
public record TemporalCoverage(LocalDate start, LocalDate end) {

    public TemporalCoverage {
        if (start == null && end == null) {
            throw new IllegalArgumentException("A temporal coverage needs a start or an end");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("A temporal coverage cannot end before it starts");
        }
    }
}
