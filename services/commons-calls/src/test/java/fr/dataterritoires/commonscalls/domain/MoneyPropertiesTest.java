package fr.dataterritoires.commonscalls.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** The préciput's rounding rule (ADR 0010): funding × rate, HALF_EVEN to the cent. */
class MoneyPropertiesTest {

    @Property(tries = 500)
    void theLevyIsTheExactProductRoundedHalfEvenToTheCent(@ForAll @LongRange(min = 0, max = 99_999_999_999L) long cents,
                                                         @ForAll @LongRange(min = 0, max = 10_000) long basisPoints) {
        BigDecimal funding = BigDecimal.valueOf(cents, 2);
        BigDecimal rate = BigDecimal.valueOf(basisPoints, 4);
        BigDecimal levy = Money.levy(funding, rate);
        BigDecimal exact = funding.multiply(rate);

        assertThat(levy.scale()).isEqualTo(2);
        assertThat(levy.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        assertThat(levy).isLessThanOrEqualTo(funding);
        assertThat(levy.signum()).isGreaterThanOrEqualTo(0);
        assertThat(levy).isEqualTo(exact.setScale(2, RoundingMode.HALF_EVEN));
    }

    @Test
    void halfCentsGoToTheEvenCent() {
        // 12 345.50 × 0.0500 = 617.275 → 617.28 (8 is even); 12 345.30 × 0.0500 = 617.265 → 617.26
        assertThat(Money.levy(new BigDecimal("12345.50"), new BigDecimal("0.0500"))).isEqualTo(new BigDecimal("617.28"));
        assertThat(Money.levy(new BigDecimal("12345.30"), new BigDecimal("0.0500"))).isEqualTo(new BigDecimal("617.26"));
        assertThat(Money.levy(new BigDecimal("0.10"), new BigDecimal("0.05"))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void amountsAreNeverRoundedSilently() {
        assertThatThrownBy(() -> Money.parse("amount", "10.005")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("deux décimales");
        assertThatThrownBy(() -> Money.parse("amount", "-1.00")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Money.parse("amount", "1e3x")).isInstanceOf(RuleViolation.class);
        assertThat(Money.parse("amount", "150000")).isEqualTo(new BigDecimal("150000.00"));
        assertThatThrownBy(() -> Money.rate("rate", new BigDecimal("0.05001"))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Money.rate("rate", new BigDecimal("1.01"))).isInstanceOf(RuleViolation.class);
    }
}
