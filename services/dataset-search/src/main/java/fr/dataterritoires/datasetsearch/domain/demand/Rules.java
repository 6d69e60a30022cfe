package fr.dataterritoires.datasetsearch.domain.demand;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** Small input rules shared by the demand value objects; messages in French, naming the field. */
final class Rules {

    private Rules() {
    }

    static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("champ-obligatoire", field, message);
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void maxLength(String value, int max, String field, String what) {
        if (value != null && value.length() > max) {
            throw new RuleViolation("champ-trop-long", field,
                    what + " dépasse " + max + " caractères (" + value.length() + ").");
        }
    }
}
