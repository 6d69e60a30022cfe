package fr.dataterritoires.platform.errors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The shared input checks (issue 11 §2): money is exact (never rounded), of scale 2, within [0, MAX_EUROS]; years stay
 * in 2000..2100; texts are stripped and bounded. Anything else is a {@link RuleViolation} naming the field — never
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
