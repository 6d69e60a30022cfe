package fr.dataterritoires.datasetsearch.web.catalogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;

/** A Quartz cron expression (seconds first, e.g. {@code 0 0 3 * * ?}); null or blank means "on demand only". */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = QuartzCron.Validator.class)
public @interface QuartzCron {

    String message() default "expression cron Quartz invalide (six ou sept champs, secondes en premier, "
            + "par exemple « 0 0 3 * * ? »)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<QuartzCron, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return HarvestSources.isValidSchedule(value);
        }
    }
}
