package fr.dataterritoires.commonscalls.web;

import java.math.BigDecimal;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/** Parsing of the string inputs (money, rates, SIRENs, ids) into values, each refusal naming its field. */
final class Inputs {

    private Inputs() {
    }

    static BigDecimal money(String field, String raw) {
        return Money.parse(field, raw);
    }

    static BigDecimal moneyOrNull(String field, String raw) {
        return raw == null ? null : Money.parse(field, raw);
    }

    static BigDecimal decimal(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "valeur décimale obligatoire (ex. 0.05)");
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid(field, "valeur décimale attendue (ex. 0.05)");
        }
    }

    static Siren siren(String field, String raw) {
        try {
            return Siren.parse(raw);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, e.getMessage());
        }
    }

    static UUID uuid(String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "identifiant (UUID) attendu");
        }
    }
}
