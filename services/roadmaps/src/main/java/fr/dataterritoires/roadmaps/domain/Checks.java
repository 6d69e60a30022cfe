package fr.dataterritoires.roadmaps.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Input checks shared by the domain's constructors; each failure names the field. */
public final class Checks {

    private Checks() {
    }

    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw RoadmapRuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
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
            throw RoadmapRuleViolation.invalid(field,
                    "Le champ « " + field + " » dépasse " + max + " caractères (" + value.length() + ").");
        }
        return value;
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw RoadmapRuleViolation.invalid(field, "Le champ « " + field + " » est obligatoire.");
        }
        return value;
    }

    /** Euros: not negative, at most two decimals (cents), below a thousand billion. Returned with scale 2. */
    public static BigDecimal euros(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw RoadmapRuleViolation.invalid(field, "Le montant « " + field + " » ne peut pas être négatif.");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw RoadmapRuleViolation.invalid(field,
                    "Le montant « " + field + " » s'exprime en euros et centimes (deux décimales au plus).");
        }
        if (value.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw RoadmapRuleViolation.invalid(field, "Le montant « " + field + " » est trop élevé.");
        }
        return value.setScale(2);
    }

    /** Full-time equivalents: not negative, two decimals at most, below 100 000. */
    public static BigDecimal fte(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw RoadmapRuleViolation.invalid(field, "Le nombre d'ETP « " + field + " » ne peut pas être négatif.");
        }
        if (value.stripTrailingZeros().scale() > 2 || value.compareTo(new BigDecimal("99999.99")) > 0) {
            throw RoadmapRuleViolation.invalid(field,
                    "Le nombre d'ETP « " + field + " » a deux décimales au plus et reste sous 100 000.");
        }
        return value.setScale(2);
    }

    public static <T> List<T> list(Collection<T> values, String field, int max) {
        List<T> copy = values == null ? List.of() : List.copyOf(values.stream().filter(Objects::nonNull).toList());
        if (copy.size() > max) {
            throw RoadmapRuleViolation.invalid(field, "Le champ « " + field + " » compte plus de " + max + " éléments.");
        }
        return copy;
    }

    public static int year(int year, String field) {
        if (year < 2000 || year > 2100) {
            throw RoadmapRuleViolation.invalid(field, "L'année « " + field + " » doit être comprise entre 2000 et 2100.");
        }
        return year;
    }
}
