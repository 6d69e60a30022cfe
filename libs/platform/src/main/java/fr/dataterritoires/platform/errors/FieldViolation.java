package fr.dataterritoires.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} array: which field and why.
 *
 * @param field path of the field in the body (e.g. {@code items[0].label}) or the parameter name
 * @param message French reason
 * @param rejectedValue the refused value, only when it is a short scalar
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String message, Object rejectedValue) {

    private static final int MAX_ECHO = 200;

    /** Keeps only short scalars, so that a problem never echoes a whole document or an object's toString. */
    public static Object safeValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof CharSequence s) {
            return s.length() > MAX_ECHO ? s.subSequence(0, MAX_ECHO) + "…" : s.toString();
        }
        return null;
    }

    public static FieldViolation of(String field, String message, Object rejectedValue) {
        return new FieldViolation(field, message, safeValue(rejectedValue));
    }
}
