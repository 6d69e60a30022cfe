package fr.dataterritoires.exchanges.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** Days from {@code start} to {@code end}, both included. */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** A range from user input: refused (naming the field) when the end comes before the start. */
    public static DateRange of(LocalDate start, LocalDate end, String field) {
        if (start == null || end == null) {
            throw RuleViolation.invalid(field, "les dates de début et de fin sont obligatoires");
        }
        if (end.isBefore(start)) {
            throw RuleViolation.invalid(field, "la date de fin précède la date de début");
        }
        return new DateRange(start, end);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean overlaps(DateRange other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    public boolean contains(DateRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
