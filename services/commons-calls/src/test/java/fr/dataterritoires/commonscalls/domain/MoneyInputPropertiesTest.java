package fr.dataterritoires.commonscalls.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Money as it comes in (issue 11 §2): any text is either an exact amount of scale 2 within [0, MAX] that reads back
 * as the same number, or a {@link RuleViolation} naming the field; rates likewise within [0, 1] with 4 decimals.
 */
class MoneyInputPropertiesTest {

    @Provide
    Arbitrary<String> amountsAsTyped() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789.-+eE, ").ofMaxLength(25),
                Arbitraries.of("1e999999", "1e-999999", "-0.00", "0.001", "999999999999.99", "999999999999.995",
                        "1000000000000", "NaN", "Infinity", "12 345,67", "１２３", "\u0000", "1_000", "0x10", ""));
    }

    @Property(tries = 1000)
    void anyTextIsAnExactAmountOrARuleViolation(@ForAll("amountsAsTyped") String raw) {
        Throwable refused = catchThrowable(() -> {
            BigDecimal amount = Money.parse("montant", raw);
            assertThat(amount.scale()).isEqualTo(2);
            assertThat(amount.compareTo(new BigDecimal(raw.trim()))).isZero();
            assertThat(amount.signum()).isNotNegative();
            assertThat(amount).isLessThanOrEqualTo(Money.MAX);
            assertThat(Money.parse("montant", Money.format(amount))).isEqualTo(amount);
        });
        if (refused != null) {
            assertThat(refused).as(raw).isInstanceOf(RuleViolation.class);
            assertThat(((RuleViolation) refused).field()).isEqualTo("montant");
        }
    }

    @Property(tries = 500)
    void everyAmountInCentsRoundTripsThroughItsText(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        assertThat(Money.parse("montant", Money.format(amount))).isEqualTo(amount);
        assertThat(Money.parse("montant", " " + amount.toPlainString() + " ")).isEqualTo(amount);
    }

    @Provide
    Arbitrary<BigDecimal> anyRate() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-2"), new BigDecimal("2")).ofScale(6)
                .flatMap(d -> Arbitraries.integers().between(0, 6).map(s -> d.setScale(s, java.math.RoundingMode.DOWN)));
    }

    @Property(tries = 500)
    void aRateIsAFractionWithFourDecimalsOrARuleViolation(@ForAll("anyRate") BigDecimal rate) {
        Throwable refused = catchThrowable(() -> {
            BigDecimal r = Money.rate("taux", rate);
            assertThat(r.scale()).isEqualTo(4);
            assertThat(r.compareTo(rate)).isZero();
        });
        boolean valid = rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0 && rate.stripTrailingZeros().scale() <= 4;
        assertThat(refused == null).as(rate.toPlainString()).isEqualTo(valid);
        if (refused != null) {
            assertThat(refused).isInstanceOf(RuleViolation.class);
        }
    }
}
