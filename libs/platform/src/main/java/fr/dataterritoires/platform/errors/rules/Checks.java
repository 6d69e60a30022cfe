package fr.dataterritoires.platform.errors.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Input checks for domain constructors: each failure is a {@link RuleViolation#invalid} naming the field (a 400),
 * with a French message. Plain Java, like {@link RuleViolation}.
 */
public final class Checks {

    /** Largest amount in euros (numeric(14,2)). */
    public static final BigDecimal MAX_EUROS = new BigDecimal("999999999999.99");

    private static final BigDecimal MAX_FTE = new BigDecimal("99999.99");

    private Checks() {
    }

    /** A non-blank text, stripped, at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
        }
        return maxLength(value.strip(), field, max);
    }

    /** A text, stripped, at most {@code max} characters; blank is null. */
    public static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(value.strip(), field, max);
    }

    public static String maxLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw RuleViolation.invalid(field,
                    "Le champ « " + field + " » dépasse " + max + " caractères (" + value.length() + ").");
        }
        return value;
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw RuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
        }
        return value;
    }

    /**
     * Euros: not negative, at most two decimals (cents, never rounded: a third decimal is refused), at most
     * {@link #MAX_EUROS}. Returned with scale 2.
     */
    public static BigDecimal euros(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw RuleViolation.invalid(field, "Le montant « " + field + " » ne peut pas être négatif.");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid(field,
                    "Le montant « " + field + " » s'exprime en euros et centimes (deux décimales au plus).");
        }
        if (value.compareTo(MAX_EUROS) > 0) {
            throw RuleViolation.invalid(field, "Le montant « " + field + " » est trop élevé.");
        }
        return value.setScale(2);
    }

    /** {@link #euros} when given, null otherwise. */
    public static BigDecimal optionalEuros(BigDecimal value, String field) {
        return value == null ? null : euros(value, field);
    }

    /** Full-time equivalents: not negative, two decimals at most, below 100 000. Returned with scale 2. */
    public static BigDecimal fte(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw RuleViolation.invalid(field, "Le nombre d'ETP « " + field + " » ne peut pas être négatif.");
        }
        if (value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_FTE) > 0) {
            throw RuleViolation.invalid(field,
                    "Le nombre d'ETP « " + field + " » a deux décimales au plus et reste sous 100 000.");
        }
        return value.setScale(2);
    }

    /** An immutable copy without nulls (null is empty), at most {@code max} elements. */
    public static <T> List<T> list(Collection<T> values, String field, int max) {
        List<T> copy = values == null ? List.of() : List.copyOf(values.stream().filter(Objects::nonNull).toList());
        if (copy.size() > max) {
            throw RuleViolation.invalid(field, "Le champ « " + field + " » compte plus de " + max + " éléments.");
        }
        return copy;
    }

    /** Strings, each non-blank and at most {@code maxLength} long, no duplicates (the first one kept). */
    public static List<String> strings(Collection<String> values, String field, int max, int maxLength) {
        List<String> raw = list(values, field, max);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = required(raw.get(i), field + "[" + i + "]", maxLength);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** A year between 2000 and 2100. */
    public static int year(int year, String field) {
        if (year < 2000 || year > 2100) {
            throw RuleViolation.invalid(field, "L'année « " + field + " » doit être comprise entre 2000 et 2100.");
        }
        return year;
    }

    /** An optional http(s) address, at most 500 characters. */
    public static String url(String value, String field) {
        String url = optional(value, field, 500);
        if (url != null && !url.matches("(?i)https?://[^\\s]+")) {
            throw RuleViolation.invalid(field, "Le champ « " + field + " » doit être une adresse http ou https.");
        }
        return url;
    }
}
