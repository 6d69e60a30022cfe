package fr.dataterritoires.datasetsearch.application.search;

import java.util.List;

import fr.dataterritoires.platform.errors.UserFacingMessage;

/**
 * A search parameter was refused: which one, why (in French, for people) and, for enumerated values, what is
 * accepted. An {@link IllegalArgumentException}, so that gRPC answers INVALID_ARGUMENT with this message.
 */
public class InvalidSearchQueryException extends IllegalArgumentException implements UserFacingMessage {

    /** Whether the value is outside a closed list (unknown value) or malformed / out of bounds. */
    public enum Kind { UNKNOWN_VALUE, INVALID_VALUE }

    private final String field;
    private final transient Object rejectedValue;
    private final List<String> acceptedValues;
    private final Kind kind;

    public InvalidSearchQueryException(String field, String message, Object rejectedValue) {
        this(field, message, rejectedValue, List.of(), Kind.INVALID_VALUE);
    }

    public InvalidSearchQueryException(String field, String message, Object rejectedValue,
                                       List<String> acceptedValues, Kind kind) {
        super(message);
        this.field = field;
        this.rejectedValue = rejectedValue;
        this.acceptedValues = List.copyOf(acceptedValues);
        this.kind = kind;
    }

    static InvalidSearchQueryException unknownValue(String field, String value, List<String> accepted) {
        return new InvalidSearchQueryException(field, "La valeur « " + shorten(value) + " » du paramètre « " + field
                + " » est inconnue. Valeurs acceptées : " + String.join(", ", accepted) + ".", value, accepted,
                Kind.UNKNOWN_VALUE);
    }

    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    public String field() {
        return field;
    }

    public Object rejectedValue() {
        return rejectedValue;
    }

    public List<String> acceptedValues() {
        return acceptedValues;
    }

    public Kind kind() {
        return kind;
    }
}
