package fr.dataterritoires.platform.errors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import fr.dataterritoires.platform.errors.rules.Checks;

/**
 * A date of a request within the platform's bounds (issue 11 §2): from 1 January 2000 to 30 years after today
 * ({@link Checks#date}, {@link Checks#instant}; instants are taken in metropolitan France). Put on the date fields of
 * the web request records: beyond the bounds, the usual 400 problem naming the field, before anything is written.
 * Null passes ({@code @NotNull} says whether a date is required).
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Validator.class)
public @interface PlausibleDate {

    String message() default "date hors des bornes acceptées : du 01/01/2000 à 30 ans d'ici";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link LocalDate}, {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime} values. */
    class Validator implements ConstraintValidator<PlausibleDate, Temporal> {

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            LocalDate today = Checks.today();
            String error = switch (value) {
                case null -> null;
                case LocalDate date -> Checks.dateError(date, today);
                case Instant instant -> Checks.instantError(instant, today);
                case OffsetDateTime time -> Checks.instantError(time.toInstant(), today);
                case ZonedDateTime time -> Checks.instantError(time.toInstant(), today);
                default -> throw new IllegalStateException("@PlausibleDate on " + value.getClass().getSimpleName());
            };
            if (error == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the bounds in the message (today's latest date); no expression language in it
            context.buildConstraintViolationWithTemplate(error.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
