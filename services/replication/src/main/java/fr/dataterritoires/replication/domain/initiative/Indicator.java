package fr.dataterritoires.replication.domain.initiative;

import java.math.BigDecimal;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An indicator of success: its value before the experiment (baseline) and after, with the evaluation behind them.
 * Also the outcome indicators of a replication. Values are decimals (no unit conversion is made).
 */
public record Indicator(String name, String unit, BigDecimal before, BigDecimal after, Evaluation evaluation) {

    public Indicator {
        name = Checks.required(name, "indicator.name", 300);
        unit = Checks.required(unit, "indicator.unit", 50);
        if (before != null && before.abs().compareTo(new BigDecimal("1E15")) >= 0
                || after != null && after.abs().compareTo(new BigDecimal("1E15")) >= 0) {
            throw RuleViolation.invalid("indicator.after", "La valeur de l'indicateur est trop grande.");
        }
    }

    /**
     * Evidence of success: a baseline and a result that differ, measured by a recorded evaluation. Whether the
     * change is an improvement depends on the indicator; the evaluation says so, the registry only refuses "no
     * change" and "no measure".
     */
    public boolean isEvidence() {
        return before != null && after != null && evaluation != null && before.compareTo(after) != 0;
    }

    /** {@code after - before}, null without both values. */
    public BigDecimal change() {
        return before == null || after == null ? null : after.subtract(before);
    }
}
