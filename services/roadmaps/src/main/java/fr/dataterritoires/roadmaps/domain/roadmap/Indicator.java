package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.dataterritoires.platform.errors.rules.Checks;

/** A measure of a use case: its value at the start (baseline), the value aimed at (target), in a unit, by a date. */
public record Indicator(String name, BigDecimal baseline, BigDecimal target, String unit, LocalDate dueDate) {

    public static final int MAX = 20;

    public Indicator {
        name = Checks.required(name, "indicators.name", 300);
        Checks.notNull(baseline, "indicators.baseline");
        Checks.notNull(target, "indicators.target");
        unit = Checks.required(unit, "indicators.unit", 50);
        Checks.notNull(dueDate, "indicators.dueDate");
    }
}
