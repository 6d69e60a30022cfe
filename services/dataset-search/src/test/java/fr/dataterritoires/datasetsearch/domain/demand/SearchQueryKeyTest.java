package fr.dataterritoires.datasetsearch.domain.demand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryKeyTest {

    @Test
    void foldsCaseAccentsAndSpaces() {
        assertThat(SearchQueryKey.normalise("  Îlots de CHALEUR   urbains\t")).isEqualTo("ilots de chaleur urbains");
        assertThat(SearchQueryKey.normalise("Qualité de l'œuvre")).isEqualTo("qualite de l oeuvre");
        assertThat(SearchQueryKey.normalise(null)).isEmpty();
    }

    @Test
    void masksEmailsAndPhoneNumbers() {
        assertThat(SearchQueryKey.normalise("contact jean.dupont@mairie.fr bornes"))
                .isEqualTo("contact courriel bornes").doesNotContain("dupont");
        assertThat(SearchQueryKey.normalise("appeler 06 12 34 56 78 ou +33 1 23 45 67 89"))
                .isEqualTo("appeler telephone ou telephone");
        // codes are not phone numbers
        assertThat(SearchQueryKey.normalise("siren 213800006 commune 69123")).isEqualTo("siren 213800006 commune 69123");
    }

    @Test
    void capsTheLengthOnAWordBoundary() {
        String key = SearchQueryKey.normalise("données ".repeat(100));
        assertThat(key.length()).isLessThanOrEqualTo(SearchQueryKey.MAX_LENGTH);
        assertThat(key).endsWith("donnees").doesNotEndWith(" ");
    }
}
