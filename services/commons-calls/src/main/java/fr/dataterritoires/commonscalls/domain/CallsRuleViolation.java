package fr.dataterritoires.commonscalls.domain;

import java.util.Objects;

/**
 * A rule of the commons-calls domain refused a command. {@code rule} is a stable code clients may key on, {@code field}
 * the input at fault (null for a rule about the whole command), the message a French sentence. The web layer answers
 * 400 for an invalid input, 409 for a {@link StateConflict}, 404 for a {@link NotFound}, 422 for any other rule.
 */
public class CallsRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalidInput;

    public CallsRuleViolation(String rule, String field, String message) {
        this(rule, field, message, false);
    }

    protected CallsRuleViolation(String rule, String field, String message, boolean invalidInput) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
        this.invalidInput = invalidInput;
    }

    /** A value wrong whatever the state (bad SIREN, negative amount...): a 400 naming it. */
    public static CallsRuleViolation invalid(String field, String message) {
        return new CallsRuleViolation("champ-invalide", Objects.requireNonNull(field, "field"), message, true);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public boolean isInvalidInput() {
        return invalidInput;
    }

    /** The command does not fit the current state (submitting twice, editing an open call...): a 409. */
    public static final class StateConflict extends CallsRuleViolation {
        public StateConflict(String rule, String message) {
            super(rule, null, message, false);
        }
    }

    /** Something the command names is not there: a 404. */
    public static final class NotFound extends CallsRuleViolation {
        public NotFound(String message) {
            super("introuvable", null, message, false);
        }
    }
}
