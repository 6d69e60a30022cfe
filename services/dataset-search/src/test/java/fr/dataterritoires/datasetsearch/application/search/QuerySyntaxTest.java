package fr.dataterritoires.datasetsearch.application.search;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/** Query language is refused early; what people really type (French punctuation, URLs, acronyms) is not. */
class QuerySyntaxTest {

    @Test
    void whatPeopleTypePasses() {
        for (String text : List.of("l'eau potable", "PLU(i) de Grenoble", "Budget primitif : 2023",
                "https://www.data.gouv.fr/fr/datasets/base-irve/", "bornes IRVE ~ Isère", "C++ et données",
                "a AND NOT b", "écoles, collèges et lycées", "zones 1 = 2 ? non", "qualité de l’air – PM2.5",
                "'; DROP TABLE dataset; --", ")(")) {
            assertThatCode(() -> QuerySyntax.refuse(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void queryLanguageIsRefusedNamingTheParameter() {
        for (String text : List.of("{\"query\":{\"match_all\":{}}}", "[1,2]", "*:*", "title:x", "eau title:x",
                "_exists_:title", "eau^10", "eau~2", "x OR 1=1", "x\" or \"a\"=\"a", "(title:eau)")) {
            assertThatThrownBy(() -> QuerySyntax.refuse(text)).as(text)
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("syntaxe");
        }
    }
}
