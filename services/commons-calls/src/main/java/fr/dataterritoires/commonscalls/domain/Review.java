package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An evaluator's review: a score and a comment for every criterion of the call's grid. Its total is the weighted mean
 * of the scores, each brought to a scale of 100: {@code Σ weight × score / maxScore / Σ weight × 100}, three decimals,
 * HALF_EVEN.
 */
public record Review(Map<String, Score> scores, BigDecimal total) {

    public record Score(int value, String comment) {
    }

    public static Review of(List<Criterion> grid, Map<String, Score> scores) {
        if (scores == null) {
            throw RuleViolation.invalid("scores", "une note par critère de la grille");
        }
        for (String code : scores.keySet()) {
            if (grid.stream().noneMatch(c -> c.code().equals(code))) {
                throw RuleViolation.invalid("scores." + code, "critère inconnu de la grille de l'appel");
            }
        }
        Map<String, Score> ordered = new LinkedHashMap<>();
        BigDecimal weighted = BigDecimal.ZERO;
        int weights = 0;
        for (Criterion c : grid) {
            Score s = scores.get(c.code());
            if (s == null) {
                throw RuleViolation.invalid("scores." + c.code(), "le critère « " + c.label() + " » n'est pas noté");
            }
            if (s.value() < 0 || s.value() > c.maxScore()) {
                throw RuleViolation.invalid("scores." + c.code(), "note entre 0 et " + c.maxScore() + " attendue");
            }
            if (s.comment() == null || s.comment().isBlank() || s.comment().length() > 4000) {
                throw RuleViolation.invalid("scores." + c.code() + ".comment",
                        "chaque note est commentée (4000 caractères au plus)");
            }
            ordered.put(c.code(), s);
            weighted = weighted.add(BigDecimal.valueOf((long) c.weight() * s.value() * 100)
                    .divide(BigDecimal.valueOf(c.maxScore()), 10, RoundingMode.HALF_EVEN));
            weights += c.weight();
        }
        BigDecimal total = weighted.divide(BigDecimal.valueOf(weights), 3, RoundingMode.HALF_EVEN);
        return new Review(Map.copyOf(ordered), total);
    }

    /** The consensus of several reviews: the mean of their totals (three decimals, HALF_EVEN). */
    public static BigDecimal consensus(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("no review");
        }
        return totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 3, RoundingMode.HALF_EVEN);
    }
}
