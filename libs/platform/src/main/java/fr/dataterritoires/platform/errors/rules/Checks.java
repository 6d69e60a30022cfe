package fr.dataterritoires.platform.errors.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    /**
     * The earliest date a request may carry: the platform's data (roadmaps, calls, exchanges, initiatives) starts with
     * the 2000s, like its years ({@link #year}). Earlier is a typo (0202 for 2020) or a probe.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    /**
     * How far ahead of today a request's date may be: 30 years, beyond the longest plans the platform holds (a
     * roadmap's horizon, a grant's last tranche, a support period). Further is a typo (2205) or a probe (9999).
     */
    public static final int MAX_YEARS_AHEAD = 30;

    /** Dates are civil dates in metropolitan France. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    /** Today in metropolitan France: the reference of {@link #date} and {@link #instant}. */
    public static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** The last date accepted when it is {@code today}: {@link #MAX_YEARS_AHEAD} years later. */
    public static LocalDate latestDate(LocalDate today) {
        return today.plusYears(MAX_YEARS_AHEAD);
    }

    /** {@link #date(LocalDate, String, LocalDate)} against {@link #today()}. */
    public static LocalDate date(LocalDate value, String field) {
        return date(value, field, today());
    }

    /**
     * A date from {@link #EARLIEST_DATE} to {@link #MAX_YEARS_AHEAD} years after {@code today}, both included; null
     * passes (whether a date is required is another check).
     */
    public static LocalDate date(LocalDate value, String field, LocalDate today) {
        String error = dateError(value, today);
        if (error != null) {
            throw RuleViolation.invalid(field, "La date « " + field + " » est " + error + ".");
        }
        return value;
    }

    /** {@link #date} for an instant, taken as its date in metropolitan France; against {@link #today()}. */
    public static Instant instant(Instant value, String field) {
        return instant(value, field, today());
    }

    /** {@link #date(LocalDate, String, LocalDate)} for an instant, taken as its date in metropolitan France. */
    public static Instant instant(Instant value, String field, LocalDate today) {
        String error = instantError(value, today);
        if (error != null) {
            throw RuleViolation.invalid(field, "La date « " + field + " » est " + error + ".");
        }
        return value;
    }

    /** Why {@code value} is out of the bounds of {@link #date} (French, e.g. "hors des bornes…"); null when not. */
    public static String dateError(LocalDate value, LocalDate today) {
        if (value == null || !value.isBefore(EARLIEST_DATE) && !value.isAfter(latestDate(today))) {
            return null;
        }
        return bounds(today);
    }

    /** {@link #dateError} for an instant; compared as instants, so that even {@link Instant#MAX} gets an answer. */
    public static String instantError(Instant value, LocalDate today) {
        if (value == null) {
            return null;
        }
        Instant earliest = EARLIEST_DATE.atStartOfDay(PARIS).toInstant();
        Instant afterLatest = latestDate(today).plusDays(1).atStartOfDay(PARIS).toInstant();
        return value.isBefore(earliest) || !value.isBefore(afterLatest) ? bounds(today) : null;
    }

    private static String bounds(LocalDate today) {
        return "hors des bornes acceptées : du 01/01/2000 au " + FRENCH_DATE.format(latestDate(today)) + " ("
                + MAX_YEARS_AHEAD + " ans d'ici)";
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
