package fr.dataterritoires.territory;

import java.util.Objects;
import java.util.Optional;

/**
 * A SIRET number (14 digits: the SIREN then the 5-digit NIC) identifying an establishment.
 *
 * <p>The key is Luhn over the 14 digits, except for La Poste (SIREN 356000000), whose many establishments
 * outgrew the key space: INSEE numbers them so that the sum of the 14 digits is a multiple of 5. Both rules are
 * accepted for La Poste, since some of its SIRETs (the head office's 35600000000048) are plain Luhn.
 *
 * @param value the 14 digits, without spaces
 */
public record Siret(String value) implements Comparable<Siret> {

    public static final int LENGTH = 14;
    static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        String error = errorOf(Objects.requireNonNull(value, "value"));
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    /**
     * Parses user input: spaces (also non-breaking) are ignored, anything else must be exactly 14 digits with a
     * valid key.
     *
     * @throws IllegalArgumentException with a French message saying why the input is not a SIRET
     */
    public static Siret parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("Le SIRET est obligatoire.");
        }
        return new Siret(Luhn.stripSpaces(raw));
    }

    /** Whether {@link #parse} would accept {@code raw}. */
    public static boolean isValid(String raw) {
        return raw != null && errorOf(Luhn.stripSpaces(raw)) == null;
    }

    /** Why {@code raw} is not a valid SIRET, in French; empty when it is. */
    public static Optional<String> validationError(String raw) {
        if (raw == null) {
            return Optional.of("Le SIRET est obligatoire.");
        }
        return Optional.ofNullable(errorOf(Luhn.stripSpaces(raw)));
    }

    private static String errorOf(String value) {
        String error = Luhn.formatError("SIRET", value, LENGTH);
        if (error != null) {
            return error;
        }
        // A real SIRET starts with a real SIREN; checking it too catches more typos than the 14-digit key alone.
        if (!Luhn.isValid(value.substring(0, Siren.LENGTH))) {
            return "Le SIRET « " + value + " » est invalide : le SIREN qui le compose ("
                    + value.substring(0, Siren.LENGTH) + ") a une clé de contrôle fausse.";
        }
        if (Luhn.isValid(value)) {
            return null;
        }
        if (value.startsWith(LA_POSTE_SIREN)) {
            return Luhn.digitSum(value) % 5 == 0 ? null
                    : "Le SIRET « " + value + " » est invalide : pour La Poste, la somme des chiffres doit être"
                            + " un multiple de 5.";
        }
        return "Le SIRET « " + value + " » est invalide : sa clé de contrôle (formule de Luhn) est fausse.";
    }

    /** The legal unit this establishment belongs to. */
    public Siren siren() {
        return new Siren(value.substring(0, Siren.LENGTH));
    }

    /** The establishment's internal classification number (the last 5 digits). */
    public String nic() {
        return value.substring(Siren.LENGTH);
    }

    /** The usual display form, "130 005 481 00010". */
    public String formatted() {
        return siren().formatted() + ' ' + nic();
    }

    @Override
    public int compareTo(Siret other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
