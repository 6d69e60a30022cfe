package fr.dataterritoires.replication.domain.initiative;

import java.time.LocalDate;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The evaluation behind an indicator's values: how it was measured, by whom, when, and where the report is. An
 * independent evaluation (not by the team running the experiment) weighs more, and is shown as such.
 */
public record Evaluation(String method, String evaluator, LocalDate evaluatedOn, String reportUrl, boolean independent) {

    public Evaluation {
        method = Checks.required(method, "evaluation.method", 1000);
        evaluator = Checks.required(evaluator, "evaluation.evaluator", 300);
        Checks.notNull(evaluatedOn, "evaluation.evaluatedOn");
        reportUrl = Checks.url(reportUrl, "evaluation.reportUrl");
    }

    /** Dated today or before: an evaluation announced for later is no evidence yet. */
    public boolean isDoneBy(LocalDate today) {
        return !evaluatedOn.isAfter(today);
    }

    static void requireDone(Evaluation evaluation, LocalDate today, String field) {
        if (evaluation != null && !evaluation.isDoneBy(today)) {
            throw RuleViolation.invalid(field, "L'évaluation ne peut pas être datée dans le futur.");
        }
    }
}
