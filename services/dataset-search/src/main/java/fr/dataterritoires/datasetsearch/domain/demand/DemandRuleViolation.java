package fr.dataterritoires.datasetsearch.domain.demand;

import java.util.Objects;

/**
 * A demand rule refused a command. {@code rule} is a stable code clients may key on, {@code field} the input at
 * fault (null for a rule about the whole request), the message a French sentence naming that field.
 */
public class DemandRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public DemandRuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    /** The command does not fit the current state of the request (e.g. answering a withdrawn request). */
    public static final class StateConflict extends DemandRuleViolation {
        public StateConflict(String rule, String message) {
            super(rule, "etat", message);
        }
    }
}
