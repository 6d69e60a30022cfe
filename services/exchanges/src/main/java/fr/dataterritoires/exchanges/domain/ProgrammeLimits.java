package fr.dataterritoires.exchanges.domain;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The programme's bounds on an exchange's duration in days (a day to three months by default; configurable). An
 * offer's own bounds must fit inside them, and an application's dates inside the offer's.
 */
public record ProgrammeLimits(int minDays, int maxDays) {

    public ProgrammeLimits {
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("programme limits need 1 <= minDays <= maxDays: " + minDays + ", "
                    + maxDays);
        }
    }

    void checkOfferBounds(int offerMin, int offerMax) {
        if (offerMin < minDays || offerMin > maxDays) {
            throw RuleViolation.invalid("minDays", "la durée minimale doit être comprise entre " + minDays
                    + " et " + maxDays + " jours (limites du programme)");
        }
        if (offerMax < offerMin || offerMax > maxDays) {
            throw RuleViolation.invalid("maxDays", "la durée maximale doit être comprise entre la durée "
                    + "minimale et " + maxDays + " jours (limites du programme)");
        }
    }
}
