package fr.dataterritoires.replication.domain.programme;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** A published selection criterion: a code, its label and its weight (1 to 10) in the weighted score. */
public record Criterion(String code, String label, int weight) {

    public Criterion {
        code = Checks.required(code, "criteria.code", 40);
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw RuleViolation.invalid("criteria.code", "Le code d'un critère s'écrit en majuscules "
                    + "(lettres, chiffres, _), par exemple SCALABILITY.");
        }
        label = Checks.required(label, "criteria.label", 300);
        if (weight < 1 || weight > 10) {
            throw RuleViolation.invalid("criteria.weight", "Le poids d'un critère est compris entre 1 et 10.");
        }
    }
}
