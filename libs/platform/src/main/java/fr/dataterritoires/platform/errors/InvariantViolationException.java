package fr.dataterritoires.platform.errors;

/** Same as {@link DomainRuleViolation} (422), for code that prefers the "invariant" vocabulary. */
public class InvariantViolationException extends DomainRuleViolation {

    public InvariantViolationException(String rule, String detail) {
        super(rule, detail);
    }
}
