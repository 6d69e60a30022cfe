package fr.dataterritoires.platform.errors.rules;

import java.util.Objects;

/**
 * A rule of a domain refused a command: the one exception domain code throws for a refusal. {@code rule} is a
 * stable code clients may key on, {@code field} the input at fault (null for a rule about the whole command), the
 * message a French sentence for the user.
 *
 * <p>Plain Java (this package depends on nothing but the JDK, see ArchitectureRules) so that every service's
 * {@code domain} may throw it; the platform maps it once, to a problem+json and to a gRPC status:
 * <ul>
 * <li>{@link #invalid} (a value wrong whatever the state): 400 {@code validation} naming the field;</li>
 * <li>{@link StateConflict} (the command does not fit the current state): 409 {@code conflit} with {@code rule};</li>
 * <li>{@link NotFound} (something the command names is not there): 404 {@code introuvable};</li>
 * <li>any other rule: 422 {@code regle-metier} with {@code rule} (and the field in {@code errors} when known).</li>
 * </ul>
 */
public class RuleViolation extends RuntimeException {

    /** The rule of {@link #invalid}: a value wrong whatever the state. */
    public static final String INVALID_FIELD = "champ-invalide";
    /** The rule of {@link NotFound}. */
    public static final String NOT_FOUND = "introuvable";

    private final String rule;
    private final String field;
    private final boolean invalidInput;

    public RuleViolation(String rule, String field, String message) {
        this(rule, field, message, false);
    }

    protected RuleViolation(String rule, String field, String message, boolean invalidInput) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
        this.invalidInput = invalidInput;
    }

    /**
     * A value that is wrong whatever the state (bad INSEE code, bad SIREN, negative amount...): a 400 naming it;
     * {@code message} says why.
     */
    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(INVALID_FIELD, Objects.requireNonNull(field, "field"), message, true);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    /** Whether this is an {@link #invalid} value (400) rather than a rule about the state or the command. */
    public boolean isInvalidInput() {
        return invalidInput;
    }

    /** The command does not fit the current state (editing a published roadmap, submitting twice...): a 409. */
    public static final class StateConflict extends RuleViolation {
        public StateConflict(String rule, String message) {
            super(rule, null, message, false);
        }
    }

    /** Something the command names is not there (an item of the roadmap, a call...): a 404. */
    public static final class NotFound extends RuleViolation {
        public NotFound(String message) {
            super(NOT_FOUND, null, message, false);
        }
    }
}
