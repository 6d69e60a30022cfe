package fr.dataterritoires.replication.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import fr.dataterritoires.territory.Siren;

/** Input checks shared by the domain's constructors; each failure names the field. */
public final class Checks {

    /** Largest amount in euros (numeric(14,2)). */
    public static final BigDecimal MAX_EUROS = new BigDecimal("999999999999.99");

    private Checks() {
    }

    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ReplicationRuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
        }
        return maxLength(value.strip(), field, max);
    }

    public static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(value.strip(), field, max);
    }

    public static String maxLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ReplicationRuleViolation.invalid(field,
                    "Le champ « " + field + " » dépasse " + max + " caractères (" + value.length() + ").");
        }
        return value;
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw ReplicationRuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
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
            throw ReplicationRuleViolation.invalid(field, "Le montant « " + field + " » ne peut pas être négatif.");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ReplicationRuleViolation.invalid(field,
                    "Le montant « " + field + " » s'exprime en euros et centimes (deux décimales au plus).");
        }
        if (value.compareTo(MAX_EUROS) > 0) {
            throw ReplicationRuleViolation.invalid(field, "Le montant « " + field + " » est trop élevé.");
        }
        return value.setScale(2);
    }

    public static BigDecimal optionalEuros(BigDecimal value, String field) {
        return value == null ? null : euros(value, field);
    }

    /** A SIREN: 9 digits with a valid Luhn key. */
    public static String siren(String value, String field) {
        required(value, field, 20);
        try {
            return Siren.parse(value).value();
        } catch (IllegalArgumentException e) {
            throw ReplicationRuleViolation.invalid(field,
                    "« " + value.strip() + " » n'est pas un SIREN valide (9 chiffres, clé de Luhn).");
        }
    }

    public static <T> List<T> list(Collection<T> values, String field, int max) {
        List<T> copy = values == null ? List.of() : List.copyOf(values.stream().filter(Objects::nonNull).toList());
        if (copy.size() > max) {
            throw ReplicationRuleViolation.invalid(field, "Le champ « " + field + " » compte plus de " + max
                    + " éléments.");
        }
        return copy;
    }

    /** Strings, each non-blank and at most {@code maxLength} long, no duplicates. */
    public static List<String> strings(Collection<String> values, String field, int max, int maxLength) {
        List<String> raw = list(values, field, max);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = required(raw.get(i), field + "[" + i + "]", maxLength);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** An http(s) address, at most 500 characters. */
    public static String url(String value, String field) {
        String url = optional(value, field, 500);
        if (url != null && !url.matches("(?i)https?://[^\\s]+")) {
            throw ReplicationRuleViolation.invalid(field, "Le champ « " + field + " » doit être une adresse http ou https.");
        }
        return url;
    }
}
