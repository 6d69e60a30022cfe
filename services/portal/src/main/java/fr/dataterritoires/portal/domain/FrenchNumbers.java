package fr.dataterritoires.portal.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the pages show them, exactly (no floating point): "150000.00" → "150 000,00 €", "2.5" → "2,5". */
public final class FrenchNumbers {

    private FrenchNumbers() {
    }

    /** An amount in euros; {@code null} for text that is not a number. */
    public static String euros(String amount) {
        BigDecimal value = parse(amount);
        return value == null ? null : NumberFormat.getCurrencyInstance(Locale.FRANCE).format(value);
    }

    /**
     * A decimal comma, no trailing zeros, no grouping (a year stays 2027): "82.500" → "82,5"; {@code null} for text
     * that is not a number.
     */
    public static String plain(String number) {
        BigDecimal value = parse(number);
        return value == null ? null : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * A number as typed in a form, for a service: {@code 15 000,50} → 15000.50; blank → {@code null} (absent);
     * anything else stays the text typed, for the service to refuse next to its field.
     */
    public static Object typed(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String compact = typed.strip().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return new BigDecimal(compact);
        } catch (NumberFormatException notANumber) {
            return typed.strip();
        }
    }

    private static BigDecimal parse(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(number.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
