package fr.dataterritoires.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.Checks;

/** {@link PlausibleDate} on a request record answers what {@link Checks#date} and {@link Checks#instant} answer. */
class PlausibleDateTest {

    record Body(@PlausibleDate LocalDate endDate, @PlausibleDate Instant closesAt) {
    }

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void datesWithinTheBoundsPassAndNullIsNotItsBusiness() {
        LocalDate today = Checks.today();
        assertThat(validator.validate(new Body(today, Instant.now()))).isEmpty();
        assertThat(validator.validate(new Body(Checks.EARLIEST_DATE, null))).isEmpty();
        assertThat(validator.validate(new Body(today.plusYears(29), null))).isEmpty();
    }

    @Test
    void aFarFutureOrFarPastDateIsAViolationOfItsFieldSayingTheBounds() {
        LocalDate today = Checks.today();
        Set<ConstraintViolation<Body>> violations = validator.validate(new Body(LocalDate.of(9999, 12, 31),
                LocalDate.of(1999, 12, 31).atStartOfDay(Checks.PARIS).toInstant()));
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("endDate", "closesAt");
        assertThat(violations).allSatisfy(v -> assertThat(v.getMessage()).contains("01/01/2000")
                .contains(Checks.latestDate(today).getYear() + ""));
        assertThat(validator.validate(new Body(today.plusYears(31), Instant.MAX)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("endDate", "closesAt");
    }
}
