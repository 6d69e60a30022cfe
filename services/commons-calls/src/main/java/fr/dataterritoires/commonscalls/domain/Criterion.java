package fr.dataterritoires.commonscalls.domain;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A criterion of a call's evaluation grid: scored from 0 to {@code maxScore}, weighing {@code weight} in the total.
 *
 * @param code stable key of the criterion in the grid (scores name it)
 */
public record Criterion(String code, String label, int weight, int maxScore) {

    public Criterion {
        if (code == null || !code.matches("[a-z0-9-]{1,50}")) {
            throw RuleViolation.invalid("criteria.code", "code de critère attendu : minuscules, chiffres et tirets (50 au plus)");
        }
        if (label == null || label.isBlank() || label.length() > 300) {
            throw RuleViolation.invalid("criteria.label", "libellé obligatoire (300 caractères au plus)");
        }
        if (weight < 1 || weight > 100) {
            throw RuleViolation.invalid("criteria.weight", "la pondération doit être comprise entre 1 et 100");
        }
        if (maxScore < 1 || maxScore > 100) {
            throw RuleViolation.invalid("criteria.maxScore", "la note maximale doit être comprise entre 1 et 100");
        }
    }
}
