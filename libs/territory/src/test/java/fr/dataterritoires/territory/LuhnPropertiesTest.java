package fr.dataterritoires.territory;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class LuhnPropertiesTest {

    @Provide
    Arbitrary<String> validSirens() {
        return Arbitraries.strings().numeric().ofLength(8).map(p -> p + Luhn.checkDigit(p));
    }

    @Provide
    Arbitrary<String> validSirets() {
        return validSirens().flatMap(siren -> Arbitraries.strings().numeric().ofLength(4)
                .map(nic -> siren + nic)
                .map(p -> p + Luhn.checkDigit(p)))
                .filter(s -> !s.startsWith(Siret.LA_POSTE_SIREN));
    }

    @Property
    void generatedSirensAreValid(@ForAll("validSirens") String siren) {
        assertThat(Siren.isValid(siren)).isTrue();
        assertThat(Siren.parse(siren).value()).isEqualTo(siren);
        assertThat(Siren.withCheckDigit(siren.substring(0, 8)).value()).isEqualTo(siren);
    }

    @Property
    void changingOneDigitOfAValidSirenMakesItInvalid(@ForAll("validSirens") String siren,
            @ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = siren.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String altered = new String(digits);
        assertThat(Siren.isValid(altered)).as(altered).isFalse();
        assertThat(Siren.validationError(altered)).get().asString().contains("clé de contrôle");
    }

    @Property
    void generatedSiretsAreValidAndChangingOneDigitBreaksThem(@ForAll("validSirets") String siret,
            @ForAll @IntRange(min = 0, max = 13) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        assertThat(Siret.isValid(siret)).isTrue();
        char[] digits = siret.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String altered = new String(digits);
        Assume.that(!altered.startsWith(Siret.LA_POSTE_SIREN));
        assertThat(Siret.isValid(altered)).as(altered).isFalse();
    }

    @Property
    void nonDigitInputIsNeverValid(@ForAll @StringLength(9) String any) {
        Assume.that(!any.chars().allMatch(c -> c >= '0' && c <= '9'));
        Assume.that(!Luhn.stripSpaces(any).chars().allMatch(c -> c >= '0' && c <= '9'));
        assertThat(Siren.isValid(any)).isFalse();
    }

    @Property
    void exactlyOneCheckDigitCompletesAPayload(@ForAll @NumericChars @StringLength(8) String payload) {
        Assume.that(payload.chars().allMatch(Character::isDigit));
        long valid = "0123456789".chars().filter(d -> Luhn.isValid(payload + (char) d)).count();
        assertThat(valid).isEqualTo(1);
    }

    @Property
    void nameNormalisationIsIdempotent(@ForAll String name) {
        String once = NameNormalizer.normalize(name);
        assertThat(NameNormalizer.normalize(once)).isEqualTo(once);
        assertThat(once).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    }
}
