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
