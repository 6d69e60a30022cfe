package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.dataterritoires.platform.errors.ProblemTypes;

/**
 * Paths Tomcat refuses before any servlet (found by the e2e fuzzer, issue 11 §2): a 400 problem like every other
 * refusal, not Tomcat's HTML page.
 */
class TomcatRefusalsTest extends AbstractWebTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/test/a%00b", "/api/test/..%2F..%2Fetc", "/api/test/%C3%28", "/api/test/a%5Cb",
            "/api/test/%ED%A0%80"})
    void aPathTomcatCannotReadIsA400Problem(String path) {
        Http.Response response = http.get(path, null);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.type()).isEqualTo(ProblemTypes.REQUETE_INVALIDE);
        assertThat(response.json().path("detail").asString()).contains("mal formée");
        assertThat(response.body()).doesNotContain("<html");
    }
}
