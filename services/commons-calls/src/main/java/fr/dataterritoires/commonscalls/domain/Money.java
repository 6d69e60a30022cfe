package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Exact money in euros: {@link BigDecimal} with two decimals, written as decimal strings ("150000.00"). Amounts are
 * never rounded silently: an input with more than two decimals is refused. The one rounding of the service is the
 * préciput levy ({@link #levy}), documented in ADR 0010.
 */
public final class Money {

    /** numeric(14,2): up to 999 999 999 999.99 euros. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** Parses a decimal string with at most two decimals, greater than or equal to zero. */
    public static BigDecimal parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "montant obligatoire, en euros avec au plus deux décimales (ex. 150000.00)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid(field, "« " + shorten(raw) + " » n'est pas un montant en euros (ex. 150000.00)");
        }
        return check(field, value);
    }

    /** Checks scale and bounds of an amount; returns it with scale 2. */
    public static BigDecimal check(String field, BigDecimal value) {
        if (value == null) {
            throw RuleViolation.invalid(field, "montant obligatoire");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid(field, "au plus deux décimales (centimes) sont admises");
        }
        if (value.signum() < 0) {
            throw RuleViolation.invalid(field, "le montant ne peut pas être négatif");
        }
        if (value.compareTo(MAX) > 0) {
            throw RuleViolation.invalid(field, "le montant dépasse le maximum admis (" + MAX.toPlainString() + ")");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A strictly positive amount. */
    public static BigDecimal positive(String field, BigDecimal value) {
        BigDecimal amount = check(field, value);
        if (amount.signum() == 0) {
            throw RuleViolation.invalid(field, "le montant doit être supérieur à zéro");
        }
        return amount;
    }

    /**
     * The préciput levied on a project's funding: {@code funding × rate}, rounded to the cent with
     * {@link RoundingMode#HALF_EVEN} (banker's rounding: half-cents go to the even cent, so that over many levies the
     * roundings cancel out instead of always favouring the fund). Exact otherwise: the rate has at most 4 decimals.
     */
    public static BigDecimal levy(BigDecimal funding, BigDecimal rate) {
        return funding.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A préciput rate: a fraction between 0 and 1 with at most 4 decimals (0.05 = 5 %). */
    public static BigDecimal rate(String field, BigDecimal rate) {
        if (rate == null) {
            throw RuleViolation.invalid(field, "taux obligatoire (fraction entre 0 et 1, ex. 0.05 pour 5 %)");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw RuleViolation.invalid(field, "le taux doit être compris entre 0 et 1 (ex. 0.05 pour 5 %)");
        }
        if (rate.stripTrailingZeros().scale() > 4) {
            throw RuleViolation.invalid(field, "au plus quatre décimales sont admises pour un taux");
        }
        return rate.setScale(4, RoundingMode.UNNECESSARY);
    }

    /** "150000.00". */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String shorten(String raw) {
        return raw.length() > 30 ? raw.substring(0, 30) + "…" : raw;
    }
}
