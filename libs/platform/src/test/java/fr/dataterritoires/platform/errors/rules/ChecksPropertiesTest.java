package fr.dataterritoires.platform.errors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The shared input checks (issue 11 §2): money is exact (never rounded), of scale 2, within [0, MAX_EUROS]; years stay
 * in 2000..2100; dates from 1 January 2000 to 30 years after today; texts are stripped and bounded. Anything else is a {@link RuleViolation} naming the field — never
 * another exception, which would become a 500.
 */
class ChecksPropertiesTest {

    private static final long MAX_CENTS = 99_999_999_999_999L;

    @Property(tries = 500)
    void everyAmountInCentsUpToTheMaximumIsKeptExactlyWithScaleTwo(
            @ForAll @LongRange(min = 0, max = MAX_CENTS) long cents, @ForAll @IntRange(min = 0, max = 2) int scale) {
        // the same amount written with 0, 1 or 2 decimals when it can be (1500 = 1500.0 = 1500.00)
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        BigDecimal written = amount.stripTrailingZeros().scale() <= scale ? amount.setScale(scale) : amount;
        BigDecimal checked = Checks.euros(written, "montant");
        assertThat(checked.scale()).isEqualTo(2);
        assertThat(checked).isEqualTo(amount);
    }

    @Property(tries = 500)
    void aThirdDecimalIsRefusedNeverRounded(@ForAll @LongRange(min = 0, max = MAX_CENTS / 10) long cents,
                                            @ForAll @IntRange(min = 1, max = 9) int tenthOfCent) {
        BigDecimal overPrecise = BigDecimal.valueOf(cents * 10 + tenthOfCent, 3);
        assertThatThrownBy(() -> Checks.euros(overPrecise, "montant")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("deux décimales")
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("montant"));
    }

    @Property(tries = 300)
    void negativeAndAboveMaximumAreRefused(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long cents) {
        assertThatThrownBy(() -> Checks.euros(BigDecimal.valueOf(-cents, 2), "montant"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("négatif");
        assertThatThrownBy(() -> Checks.euros(Checks.MAX_EUROS.add(BigDecimal.valueOf(cents, 2)), "montant"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("trop élevé");
    }

    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        // what a JSON number can hold: any unscaled value, any exponent (1e999999, 1e-999999 included)
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                .flatMap(unscaled -> Arbitraries.integers().between(-1_000_000, 1_000_000)
                        .map(scale -> new BigDecimal(unscaled, scale)));
    }

    @Property(tries = 1000)
    void anyDecimalIsEitherAnExactAmountOrARuleViolation(@ForAll("anyDecimal") BigDecimal value) {
        Throwable refused = catchThrowable(() -> {
            BigDecimal checked = Checks.euros(value, "montant");
            assertThat(checked.compareTo(value)).isZero();
            assertThat(checked.scale()).isEqualTo(2);
            assertThat(checked.signum()).isNotNegative();
            assertThat(checked).isLessThanOrEqualTo(Checks.MAX_EUROS);
        });
        if (refused != null) {
            assertThat(refused).isInstanceOf(RuleViolation.class);
            assertThat(((RuleViolation) refused).isInvalidInput()).isTrue();
        }
        Throwable fte = catchThrowable(() -> Checks.fte(value, "etp"));
        assertThat(fte == null || fte instanceof RuleViolation).as(String.valueOf(fte)).isTrue();
    }

    @Property(tries = 500)
    void yearsOutside2000To2100AreRefused(@ForAll int year) {
        Throwable refused = catchThrowable(() -> Checks.year(year, "annee"));
        if (year >= 2000 && year <= 2100) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused).isInstanceOf(RuleViolation.class).hasMessageContaining("2000 et 2100");
        }
    }

    @Provide
    Arbitrary<LocalDate> anyDate() {
        // the whole range java.time holds (-999999999-01-01 to +999999999-12-31), and as often the years around the
        // bounds, where most accepted dates are
        return Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()),
                Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2140, 12, 31).toEpochDay()))
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalDate> nearBounds() {
        // dates a day or so either side of each bound, where an off-by-one would hide
        return Arbitraries.integers().between(2000, 2070).flatMap(year -> Arbitraries.integers().between(-3, 3)
                .map(days -> (year % 2 == 0 ? Checks.EARLIEST_DATE : Checks.latestDate(LocalDate.of(year, 2, 28)))
                        .plusDays(days)));
    }

    @Provide
    Arbitrary<LocalDate> todays() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property(tries = 1000)
    void aDateIsAcceptedExactlyFrom2000ToThirtyYearsAheadAndOtherwiseRefusedNamingTheField(
            @ForAll("anyDate") LocalDate date, @ForAll("todays") LocalDate today) {
        assertDateBounds(date, today);
    }

    @Property(tries = 500)
    void theBoundsThemselvesAreAcceptedAndADayBeyondIsNot(@ForAll("nearBounds") LocalDate date) {
        LocalDate today = LocalDate.of(date.getYear() - Checks.MAX_YEARS_AHEAD, 2, 28);
        assertDateBounds(date, today.getYear() >= 2000 ? today : LocalDate.of(2026, 2, 28));
    }

    private static void assertDateBounds(LocalDate date, LocalDate today) {
        boolean inBounds = !date.isBefore(LocalDate.of(2000, 1, 1)) && !date.isAfter(today.plusYears(30));
        Throwable refused = catchThrowable(() -> assertThat(Checks.date(date, "dateDeFin", today)).isEqualTo(date));
        if (inBounds) {
            assertThat(refused).as(date + " on " + today).isNull();
            assertThat(Checks.dateError(date, today)).isNull();
        } else {
            assertThat(refused).as(date + " on " + today).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("dateDeFin").hasMessageContaining("01/01/2000");
            assertThat(((RuleViolation) refused).field()).isEqualTo("dateDeFin");
            assertThat(((RuleViolation) refused).isInvalidInput()).isTrue();
        }
        if (date.getYear() < -100_000 || date.getYear() > 100_000) {
            return; // the next day of LocalDate.MAX does not exist: the instants are checked on nearer dates
        }
        // an instant is judged by its date in metropolitan France, at any time of that day
        for (Instant instant : new Instant[] {date.atStartOfDay(Checks.PARIS).toInstant(),
                date.plusDays(1).atStartOfDay(Checks.PARIS).toInstant().minusNanos(1)}) {
            Throwable instantRefused = catchThrowable(() -> Checks.instant(instant, "ouverture", today));
            assertThat(instantRefused == null).as(instant + " on " + today).isEqualTo(inBounds);
        }
    }

    @Property(tries = 300)
    void anyInstantIsEitherInBoundsOrARuleViolation(@ForAll long seconds, @ForAll("todays") LocalDate today) {
        Instant instant = Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(),
                Math.min(Instant.MAX.getEpochSecond(), seconds)));
        Throwable refused = catchThrowable(() -> Checks.instant(instant, "ouverture", today));
        assertThat(refused == null || refused instanceof RuleViolation).as(String.valueOf(refused)).isTrue();
        for (Instant extreme : new Instant[] {Instant.MIN, Instant.MAX}) {
            assertThat(catchThrowable(() -> Checks.instant(extreme, "ouverture", today)))
                    .isInstanceOf(RuleViolation.class);
        }
    }

    @Property(tries = 10)
    void aMissingDateIsNotThisChecksBusiness(@ForAll("todays") LocalDate today) {
        assertThat(Checks.date(null, "date", today)).isNull();
        assertThat(Checks.instant(null, "date", today)).isNull();
    }

    @Property(tries = 500)
    void requiredTextIsStrippedAndBoundedOrRefused(@ForAll String text, @ForAll @IntRange(min = 1, max = 50) int max) {
        Throwable refused = catchThrowable(() -> {
            String kept = Checks.required(text, "titre", max);
            assertThat(kept).isEqualTo(text.strip());
            assertThat(kept).isNotBlank();
            assertThat(kept.length()).isLessThanOrEqualTo(max);
        });
        if (refused != null) {
            assertThat(refused).isInstanceOf(RuleViolation.class);
            assertThat(text.isBlank() || text.strip().length() > max).as(text).isTrue();
        }
    }
}
