package fr.dataterritoires.datasetsearch.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How often the producer says the data is updated (the EU frequency vocabulary, as data.gouv.fr uses it). The expected
 * interval drives the "update frequency kept" quality criterion.
 */
public enum UpdateFrequency {
    CONTINUOUS(Duration.ofDays(1)),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7)),
    MONTHLY(Duration.ofDays(31)),
    QUARTERLY(Duration.ofDays(92)),
    SEMIANNUAL(Duration.ofDays(183)),
    ANNUAL(Duration.ofDays(366)),
    BIENNIAL(Duration.ofDays(731)),
    IRREGULAR(null),
    PUNCTUAL(null),
    UNKNOWN(null);

    private final Duration interval;

    UpdateFrequency(Duration interval) {
        this.interval = interval;
    }

    /** The longest expected time between two updates, when the frequency is a regular one. */
    public Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }

    public boolean isDeclared() {
        return this != UNKNOWN;
    }
}
