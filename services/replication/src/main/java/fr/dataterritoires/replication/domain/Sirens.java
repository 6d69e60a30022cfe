package fr.dataterritoires.replication.domain;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/**
 * The SIREN check of the replication domain (organisations are kept as their 9 digits). Not in the platform's
 * {@link Checks}, which depends on the JDK alone: the SIREN rules live in libs/territory.
 */
public final class Sirens {

    private Sirens() {
    }

    /** A required SIREN: 9 digits with a valid Luhn key (spaces ignored), returned as its 9 digits. */
    public static String required(String value, String field) {
        Checks.required(value, field, 20);
        try {
            return Siren.parse(value).value();
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field,
                    "« " + value.strip() + " » n'est pas un SIREN valide (9 chiffres, clé de Luhn).");
        }
    }
}
