package fr.dataterritoires.exchanges.domain;

import java.util.Objects;

/**
 * A rule of the exchanges domain refused a command. {@code rule} is a stable code clients may key on, {@code field}
 * the input at fault (null for a rule about the whole command), the message a French sentence for the user. The web
 * layer answers 400 for {@link #invalid invalid input}, 409 for a {@link StateConflict}, 422 for any other rule.
 */
public class ExchangeRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalidInput;

    public ExchangeRuleViolation(String rule, String field, String message) {
        this(rule, field, message, false);
    }

    protected ExchangeRuleViolation(String rule, String field, String message, boolean invalidInput) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
        this.invalidInput = invalidInput;
    }

    /** A value wrong whatever the state: a 400 naming the field; {@code message} is the short reason. */
    public static ExchangeRuleViolation invalid(String field, String message) {
        return new ExchangeRuleViolation("champ-invalide", Objects.requireNonNull(field, "field"), message, true);
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

    /** The command does not fit the current state (accepting twice, a full offer...): a 409. */
    public static final class StateConflict extends ExchangeRuleViolation {
        public StateConflict(String rule, String message) {
            super(rule, null, message, false);
        }
    }
}
