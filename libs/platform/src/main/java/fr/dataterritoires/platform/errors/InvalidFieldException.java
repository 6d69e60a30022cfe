package fr.dataterritoires.platform.errors;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One field or parameter refused by a rule that an annotation cannot express (a domain rule, a value outside a
 * curated list, a cursor that does not fit the query...). The platform answers it exactly like a Bean Validation
 * failure: REST 400 problem+json with one {@code errors[]} entry naming the field ({@link FieldViolation}), gRPC
 * INVALID_ARGUMENT whose description names the field. Plain Java (no web type): throw it from web, application or
 * domain code.
 *
 * <p>Three shapes, the same the platform gives to the same faults found by Spring:
 * <ul>
 * <li>{@link #InvalidFieldException(String, String, Object)}: a value breaking a rule, type
 * {@link ProblemTypes#VALIDATION}; {@code message} is the short reason, as a Bean Validation message
 * ("adresse http ou https attendue"), the detail reads "Le champ « url » est invalide : …";</li>
 * <li>{@link #parameter}: a request parameter malformed or out of bounds, type {@link ProblemTypes#PARAMETRE_INVALIDE};
 * {@code detail} is a whole French sentence naming the parameter;</li>
 * <li>{@link #unknownValue}: a value outside a closed list, type {@link ProblemTypes#VALEUR_INCONNUE} with the
 * {@code acceptedValues} member.</li>
 * </ul>
 * An {@link IllegalArgumentException}, so that code handling refused arguments in general handles this one too.
 */
public class InvalidFieldException extends IllegalArgumentException implements UserFacingMessage {

    private final String field;
    private final String reason;
    private final transient Object rejectedValue;
    private final List<String> acceptedValues;
    private final String problemType;

    /**
     * @param field path of the field in the body ({@code items[0].label}) or the parameter name
     * @param message French reason, as a Bean Validation message ("doit comporter 9 chiffres")
     * @param rejectedValue the refused value (echoed only when it is a short scalar), or null
     */
    public InvalidFieldException(String field, String message, Object rejectedValue) {
        this(ProblemTypes.VALIDATION, field, "Le champ « " + field + " » est invalide : " + message, message,
                rejectedValue, List.of());
    }

    private InvalidFieldException(String problemType, String field, String detail, String reason,
                                  Object rejectedValue, List<String> acceptedValues) {
        super(detail);
        this.problemType = problemType;
        this.field = Objects.requireNonNull(field, "field");
        this.reason = reason;
        this.rejectedValue = rejectedValue;
        this.acceptedValues = List.copyOf(acceptedValues);
    }

    /**
     * A request parameter malformed or out of bounds.
     *
     * @param detail French sentence naming the parameter ("Le paramètre « size » doit être compris entre 1 et 100.")
     */
    public static InvalidFieldException parameter(String field, String detail, Object rejectedValue) {
        return new InvalidFieldException(ProblemTypes.PARAMETRE_INVALIDE, field, detail, detail, rejectedValue,
                List.of());
    }

    /** A value that is none of {@code accepted}: the detail and the {@code acceptedValues} member list them. */
    public static InvalidFieldException unknownValue(String field, Object value, Collection<String> accepted) {
        String list = String.join(", ", accepted);
        Object shown = FieldViolation.safeValue(value);
        return new InvalidFieldException(ProblemTypes.VALEUR_INCONNUE, field,
                "La valeur « " + (shown == null ? "" : shown) + " » du champ « " + field
                        + " » est inconnue. Valeurs acceptées : " + list + ".",
                "valeur inconnue ; valeurs acceptées : " + list, value, List.copyOf(accepted));
    }

    /** The field or parameter, as {@code errors[].field}. */
    public String field() {
        return field;
    }

    /** Why, as {@code errors[].message} (the detail, {@link #getMessage()}, is a whole sentence). */
    public String reason() {
        return reason;
    }

    public Object rejectedValue() {
        return rejectedValue;
    }

    /** The closed list a value had to come from; empty for other refusals. */
    public List<String> acceptedValues() {
        return acceptedValues;
    }

    /** {@link ProblemTypes#VALIDATION}, {@link ProblemTypes#PARAMETRE_INVALIDE} or {@link ProblemTypes#VALEUR_INCONNUE}. */
    public String problemType() {
        return problemType;
    }
}
