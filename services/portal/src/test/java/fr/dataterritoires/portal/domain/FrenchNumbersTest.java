package fr.dataterritoires.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchNumbersTest {

    @Test
    void amountsAreEurosWithADecimalCommaAndGroupedThousands() {
        assertThat(FrenchNumbers.euros("80000").replaceAll("\\h", " ")).isEqualTo("80 000,00 €");
        assertThat(FrenchNumbers.euros("1234567.5").replaceAll("\\h", " ")).isEqualTo("1 234 567,50 €");
        // exact: no binary floating point on the way
        assertThat(FrenchNumbers.euros("0.10").replaceAll("\\h", " ")).isEqualTo("0,10 €");
    }

    @Test
    void otherNumbersKeepTheirDigitsWithADecimalComma() {
        assertThat(FrenchNumbers.plain("2.5")).isEqualTo("2,5");
        assertThat(FrenchNumbers.plain(" 2027 ")).isEqualTo("2027");
        assertThat(FrenchNumbers.plain("82.500")).isEqualTo("82,5");
        assertThat(FrenchNumbers.plain("100.00")).isEqualTo("100");
    }

    @Test
    void textThatIsNotANumberIsNotFormatted() {
        assertThat(FrenchNumbers.euros("quatre-vingt mille")).isNull();
        assertThat(FrenchNumbers.plain("")).isNull();
        assertThat(FrenchNumbers.plain(null)).isNull();
    }
}
