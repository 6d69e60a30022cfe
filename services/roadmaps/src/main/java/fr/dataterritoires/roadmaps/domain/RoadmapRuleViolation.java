package fr.dataterritoires.roadmaps.domain;

import java.util.Objects;

/**
 * A rule of the roadmaps domain refused a command. {@code rule} is a stable code clients may key on, {@code field}
 * the input at fault (null for a rule about the whole command), the message a French sentence naming that field.
 * The web layer answers 400 when a field is named and the rule is about the input ({@link #isInvalidInput()}),
 * 422 for another rule, and 409 for a {@link StateConflict}.
 */
public class RoadmapRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalidInput;

    public RoadmapRuleViolation(String rule, String field, String message) {
        this(rule, field, message, false);
    }

    protected RoadmapRuleViolation(String rule, String field, String message, boolean invalidInput) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
        this.invalidInput = invalidInput;
    }

    /** A value that is wrong whatever the state (bad INSEE code, bad SIREN, negative amount...): a 400 naming it. */
    public static RoadmapRuleViolation invalid(String field, String message) {
        return new RoadmapRuleViolation("champ-invalide", Objects.requireNonNull(field, "field"), message, true);
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

    /** The command does not fit the current state (editing a published roadmap, submitting twice...): a 409. */
    public static final class StateConflict extends RoadmapRuleViolation {
        public StateConflict(String rule, String message) {
            super(rule, null, message, false);
        }
    }

    /** Something the command names is not there (an item of the roadmap...): a 404. */
    public static final class NotFound extends RoadmapRuleViolation {
        public NotFound(String message) {
            super("introuvable", null, message, false);
        }
    }
}
