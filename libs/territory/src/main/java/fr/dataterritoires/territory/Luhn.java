package fr.dataterritoires.territory;

/** Luhn (mod 10) checksum used by INSEE for SIREN and SIRET numbers. Inputs are digit strings. */
final class Luhn {

    private Luhn() {
    }

    static boolean isValid(CharSequence digits) {
        return sum(digits, false) % 10 == 0;
    }

    /** The digit that, appended to {@code payload}, makes it Luhn-valid. */
    static char checkDigit(CharSequence payload) {
        int sum = sum(payload, true);
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Doubles every second digit from the right; when a check digit is still to come, the rightmost one is doubled. */
    private static int sum(CharSequence digits, boolean checkDigitMissing) {
        int sum = 0;
        boolean doubled = checkDigitMissing;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    static int digitSum(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    /** Removes the spaces people type or paste in identifiers ("130 005 481", non-breaking spaces included). */
    static String stripSpaces(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Null when {@code value} is {@code length} ASCII digits, else the French reason it is not. */
    static String formatError(String label, String value, int length) {
        if (value.isEmpty()) {
            return "Le " + label + " est vide.";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "Le " + label + " ne doit contenir que des chiffres : « " + value + " » contient « " + c + " ».";
            }
        }
        if (value.length() != length) {
            return "Le " + label + " doit comporter " + length + " chiffres : « " + value + " » en comporte "
                    + value.length() + ".";
        }
        return null;
    }
}
