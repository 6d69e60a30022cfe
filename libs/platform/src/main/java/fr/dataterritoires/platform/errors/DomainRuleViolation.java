package fr.dataterritoires.platform.errors;

import java.util.Objects;

/**
 * A domain invariant refused a command (e.g. a roadmap already arbitrated cannot be edited): 422.
 * Plain Java so that domain code can throw it. {@code rule} is a stable code clients may key on,
 * the message a French sentence shown to the user.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String rule;

    public DomainRuleViolation(String rule, String detail) {
        super(detail);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String rule() {
        return rule;
    }
}
