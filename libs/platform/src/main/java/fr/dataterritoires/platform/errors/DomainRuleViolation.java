package fr.dataterritoires.platform.errors;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A {@link RuleViolation} about the whole command (no field): 422 with its {@code rule}. Kept for code outside a
 * domain that already throws it; new code, and domain code always (it may not use this package), throws
 * {@link RuleViolation} itself, which is mapped once for both.
 */
public class DomainRuleViolation extends RuleViolation {

    public DomainRuleViolation(String rule, String detail) {
        super(rule, null, detail);
    }
}
