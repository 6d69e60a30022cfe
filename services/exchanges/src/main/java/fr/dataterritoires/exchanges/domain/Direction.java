package fr.dataterritoires.exchanges.domain;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** Which way an exchange crosses the sides (the event schema's values). */
public enum Direction {
    STATE_TO_TERRITORIAL,
    TERRITORIAL_TO_STATE;

    /**
     * The direction of an agent of {@code employerSide} hosted on {@code hostSide}; an exchange that does not cross
     * sides is refused with the reason the agent reads.
     */
    public static Direction of(Side employerSide, Side hostSide) {
        if (employerSide == hostSide) {
            throw new RuleViolation("echange-meme-versant", null, employerSide == Side.STATE
                    ? "Un échange doit croiser les versants : un agent de l'État ne peut être accueilli que par une "
                    + "collectivité territoriale, or cette offre est proposée par un service de l'État."
                    : "Un échange doit croiser les versants : un agent territorial ne peut être accueilli que par un "
                    + "service de l'État, un ministère ou un opérateur, or cette offre est proposée par une "
                    + "collectivité territoriale.");
        }
        return employerSide == Side.STATE ? STATE_TO_TERRITORIAL : TERRITORIAL_TO_STATE;
    }
}
