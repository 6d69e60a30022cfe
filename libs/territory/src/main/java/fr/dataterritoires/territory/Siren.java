package fr.dataterritoires.territory;

import java.util.Objects;
import java.util.Optional;

/**
 * A SIREN number (9 digits, Luhn check digit) identifying a legal unit in INSEE's SIRENE register:
 * companies, associations, local authorities and EPCI alike.
 *
 * @param value the 9 digits, without spaces
 */
public record Siren(String value) implements Comparable<Siren> {

    public static final int LENGTH = 9;

    public Siren {
        String error = errorOf(Objects.requireNonNull(value, "value"));
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    /**
     * Parses user input: spaces (also non-breaking) are ignored, anything else must be exactly 9 digits
     * with a valid Luhn key.
     *
     * @throws IllegalArgumentException with a French message saying why the input is not a SIREN
     */
    public static Siren parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("Le SIREN est obligatoire.");
        }
        return new Siren(Luhn.stripSpaces(raw));
    }

    /** Whether {@link #parse} would accept {@code raw}. */
    public static boolean isValid(String raw) {
        return raw != null && errorOf(Luhn.stripSpaces(raw)) == null;
    }

    /** Why {@code raw} is not a valid SIREN, in French; empty when it is. */
    public static Optional<String> validationError(String raw) {
        if (raw == null) {
            return Optional.of("Le SIREN est obligatoire.");
        }
        return Optional.ofNullable(errorOf(Luhn.stripSpaces(raw)));
    }

    /** Completes 8 digits with their Luhn key; handy to build test data and fixtures. */
    public static Siren withCheckDigit(String eightDigits) {
        String error = Luhn.formatError("début de SIREN", Objects.requireNonNull(eightDigits), LENGTH - 1);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        return new Siren(eightDigits + Luhn.checkDigit(eightDigits));
    }

    private static String errorOf(String value) {
        String error = Luhn.formatError("SIREN", value, LENGTH);
        if (error != null) {
            return error;
        }
        if (!Luhn.isValid(value)) {
            return "Le SIREN « " + value + " » est invalide : sa clé de contrôle (formule de Luhn) est fausse.";
        }
        return null;
    }

    /** The usual display form, "130 005 481". */
    public String formatted() {
        return value.substring(0, 3) + ' ' + value.substring(3, 6) + ' ' + value.substring(6);
    }

    @Override
    public int compareTo(Siren other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
