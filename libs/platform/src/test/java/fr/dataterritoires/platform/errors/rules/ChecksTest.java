package fr.dataterritoires.platform.errors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check either returns the normalised value or refuses it as an invalid input naming the field. */
class ChecksTest {

    @Test
    void textsAreStrippedAndBoundedAndBlankIsMissing() {
        assertThat(Checks.required("  Observatoire ", "title", 20)).isEqualTo("Observatoire");
        assertThat(Checks.optional("   ", "summary", 20)).isNull();
        assertInvalid(() -> Checks.required(" ", "title", 20), "title", "est obligatoire");
        assertInvalid(() -> Checks.required("x".repeat(21), "title", 20), "title", "dépasse 20 caractères (21)");
        assertInvalid(() -> Checks.notNull(null, "period"), "period", "est obligatoire");
    }

    @Test
    void eurosAreCentsNeverRoundedNorNegativeNorAboveTheColumn() {
        assertThat(Checks.euros(new BigDecimal("150000"), "amount")).isEqualByComparingTo("150000.00")
                .satisfies(v -> assertThat(v.scale()).isEqualTo(2));
        assertThat(Checks.euros(Checks.MAX_EUROS, "amount")).isEqualTo(Checks.MAX_EUROS);
        assertThat(Checks.optionalEuros(null, "amount")).isNull();
        assertInvalid(() -> Checks.euros(new BigDecimal("10.005"), "amount"), "amount", "deux décimales");
        assertInvalid(() -> Checks.euros(new BigDecimal("-0.01"), "amount"), "amount", "négatif");
        assertInvalid(() -> Checks.euros(Checks.MAX_EUROS.add(new BigDecimal("0.01")), "amount"), "amount",
                "trop élevé");
        assertInvalid(() -> Checks.fte(new BigDecimal("100000"), "fte"), "fte", "sous 100 000");
    }

    @Test
    void listsDropNullsAndStringsDropDuplicatesNamingTheBadElement() {
        assertThat(Checks.list(Arrays.asList("a", null, "b"), "tags", 2)).containsExactly("a", "b");
        assertThat(Checks.list(null, "tags", 2)).isEmpty();
        assertInvalid(() -> Checks.list(List.of(1, 2, 3), "tags", 2), "tags", "plus de 2 éléments");
        assertThat(Checks.strings(List.of(" a", "a", "b"), "labels", 5, 10)).containsExactly("a", "b");
        assertInvalid(() -> Checks.strings(List.of("a", " "), "labels", 5, 10), "labels[1]", "est obligatoire");
    }

    @Test
    void yearsAndAddressesHaveTheirShape() {
        assertThat(Checks.year(2026, "year")).isEqualTo(2026);
        assertInvalid(() -> Checks.year(1999, "year"), "year", "entre 2000 et 2100");
        assertThat(Checks.url(" https://exemple.fr/kit ", "url")).isEqualTo("https://exemple.fr/kit");
        assertThat(Checks.url(null, "url")).isNull();
        assertInvalid(() -> Checks.url("ftp://exemple.fr", "url"), "url", "adresse http ou https");
    }

    private static void assertInvalid(Runnable check, String field, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.isInvalidInput()).isTrue();
            assertThat(e.rule()).isEqualTo(RuleViolation.INVALID_FIELD);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
