package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemDetailsTest extends AbstractWebTest {

    private static final String VALID_ITEM = """
            {"label":"Observatoire foncier","status":"DRAFT","quantity":3,"siren":"130005481"}""";

    @Autowired
    JsonMapper sharedJsonMapper;

    private String applicant() {
        return token(Role.APPLICANT);
    }

    @Test
    void validBodyIsAccepted() {
        Http.Response response = http.postJson("/api/items", applicant(), VALID_ITEM);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("label").asString()).isEqualTo("Observatoire foncier");
    }

    @Test
    void malformedJsonIs400RequeteIllisibleWithoutParserInternals() {
        Http.Response response = http.postJson("/api/items", applicant(), "{\"label\": \"x\", ");
        assertProblem(response, 400, ProblemTypes.REQUETE_ILLISIBLE, "/api/items");
        assertThat(response.body()).doesNotContain("tools.jackson", "Exception", "Unexpected end-of-input");
    }

    @Test
    void unknownEnumValueIs400NamingTheFieldAndAcceptedValues() {
        Http.Response response = http.postJson("/api/items", applicant(),
                VALID_ITEM.replace("\"DRAFT\"", "\"ARCHIVED\""));
        assertProblem(response, 400, ProblemTypes.VALEUR_INCONNUE, "/api/items");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("status");
        assertThat(error.path("rejectedValue").asString()).isEqualTo("ARCHIVED");
        assertThat(response.json().path("detail").asString()).contains("status", "DRAFT, SUBMITTED, PUBLISHED");
        assertThat(response.json().path("acceptedValues").size()).isEqualTo(3);
    }

    @Test
    void enumOrdinalIsRefusedToo() {
        Http.Response response = http.postJson("/api/items", applicant(), VALID_ITEM.replace("\"DRAFT\"", "1"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void unknownPropertyIs400OnHttpButSharedMapperStaysTolerant() {
        Http.Response response = http.postJson("/api/items", applicant(),
                VALID_ITEM.replace("{", "{\"isAdmin\":true,"));
        assertProblem(response, 400, ProblemTypes.PROPRIETE_INCONNUE, "/api/items");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("isAdmin");
        // Event consumers read with the shared mapper: it must keep ignoring unknown properties.
        assertThat(sharedJsonMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        Http.Response response = http.postJson("/api/items", applicant(),
                VALID_ITEM.replace("\"quantity\":3", "\"quantity\":\"beaucoup\""));
        assertProblem(response, 400, ProblemTypes.VALIDATION, "/api/items");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("quantity");
    }

    @Test
    void beanValidationErrorsListEveryFieldInFrench() {
        Http.Response response = http.postJson("/api/items", applicant(),
                "{\"label\":\"\",\"status\":null,\"quantity\":0,\"siren\":\"12\"}");
        assertProblem(response, 400, ProblemTypes.VALIDATION, "/api/items");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("label", "quantity", "siren", "status");
        JsonNode label = response.json().path("errors").get(0);
        assertThat(label.path("message").asString()).isEqualTo("ne doit pas être vide");
        JsonNode siren = response.json().path("errors").get(2);
        assertThat(siren.path("message").asString()).isEqualTo("doit comporter 9 chiffres");
        assertThat(siren.path("rejectedValue").asString()).isEqualTo("12");
    }

    @Test
    void messagesStayFrenchWhateverAcceptLanguage() {
        Http.Response response = http.send(http.request("/api/items", applicant())
                .header("Content-Type", "application/json").header("Accept-Language", "en-US")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_ITEM.replace("Observatoire foncier", ""))).build());
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("ne doit pas être vide");
    }

    @Test
    void invalidQueryParameterValuesAre400WithParameterName() {
        Http.Response range = http.get("/api/items?page=-1&size=500", applicant());
        assertProblem(range, 400, ProblemTypes.VALIDATION, "/api/items");
        List<String> fields = new ArrayList<>();
        range.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("page", "size");

        Http.Response type = http.get("/api/items?page=abc", applicant());
        assertProblem(type, 400, ProblemTypes.PARAMETRE_INVALIDE, "/api/items");
        assertThat(type.json().path("errors").get(0).path("field").asString()).isEqualTo("page");

        Http.Response enumParam = http.get("/api/items?status=ARCHIVED", applicant());
        assertProblem(enumParam, 400, ProblemTypes.VALEUR_INCONNUE, "/api/items");
        assertThat(enumParam.json().path("detail").asString()).contains("status", "PUBLISHED");
    }

    @Test
    void aFieldRefusedByTheApplicationIsAValidationProblemLikeBeanValidation() {
        Http.Response response = http.get("/api/sources?url=ftp%3A%2F%2Fexemple.fr", applicant());
        assertProblem(response, 400, ProblemTypes.VALIDATION, "/api/sources");
        assertThat(response.json().path("detail").asString())
                .isEqualTo("Le champ « url » est invalide : adresse http ou https attendue");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(response.json().path("errors").size()).isEqualTo(1);
        assertThat(error.path("field").asString()).isEqualTo("url");
        assertThat(error.path("message").asString()).isEqualTo("adresse http ou https attendue");
        assertThat(error.path("rejectedValue").asString()).isEqualTo("ftp://exemple.fr");
    }

    @Test
    void aRefusedParameterOrUnknownValueHasTheTypeSpringWouldGiveIt() {
        Http.Response parameter = http.get("/api/sources?size=0", applicant());
        assertProblem(parameter, 400, ProblemTypes.PARAMETRE_INVALIDE, "/api/sources");
        assertThat(parameter.json().path("detail").asString())
                .isEqualTo("Le paramètre « size » doit être compris entre 1 et 100.");
        assertThat(parameter.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
        assertThat(parameter.json().path("errors").get(0).path("rejectedValue").asString()).isEqualTo("0");

        Http.Response unknown = http.get("/api/sources?format=XLS", applicant());
        assertProblem(unknown, 400, ProblemTypes.VALEUR_INCONNUE, "/api/sources");
        assertThat(unknown.json().path("detail").asString()).contains("« format »", "XLS", "CSV, JSON");
        assertThat(unknown.json().path("acceptedValues").toString()).isEqualTo("[\"CSV\",\"JSON\"]");
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
        assertThat(unknown.json().path("errors").get(0).path("rejectedValue").asString()).isEqualTo("XLS");
    }

    @Test
    void goneIs410WithTheServicesTypeTitleAndMembers() {
        Http.Response response = http.get("/api/datasets/abc", applicant());
        assertProblem(response, 410, ProblemTypes.BASE + "jeu-de-donnees-retire", "/api/datasets/abc");
        assertThat(response.json().path("title").asString()).isEqualTo("Jeu de données retiré");
        assertThat(response.json().path("datasetId").asString()).isEqualTo("abc");
        assertThat(response.json().path("withdrawnAt").asString()).isEqualTo("2026-01-02T03:04:05Z");

        Http.Response plain = http.get("/api/datasets/plain", applicant());
        assertProblem(plain, 410, ProblemTypes.RESSOURCE_RETIREE, "/api/datasets/plain");
        assertThat(plain.json().path("title").asString()).isEqualTo("Ressource retirée");
    }

    @Test
    void aReadPastItsTimeBudgetIs504AndAnUnreachableDependency503WithoutInternals() {
        Http.Response late = http.get("/api/searches/slow", applicant());
        assertProblem(late, 504, ProblemTypes.DELAI_DEPASSE, "/api/searches/slow");
        assertThat(late.json().path("type").asString())
                .isEqualTo("https://data-territoires.gouv.fr/problemes/delai-de-recherche-depasse");
        assertThat(late.json().path("title").asString()).isEqualTo("Délai de recherche dépassé");

        Http.Response down = http.get("/api/searches/down", applicant());
        assertProblem(down, 503, ProblemTypes.SERVICE_INDISPONIBLE, "/api/searches/down");
        assertThat(down.json().path("detail").asString()).isEqualTo("La recherche est momentanément indisponible.");
        assertThat(down.body()).doesNotContain("10.0.0.12", "Exception");
        assertThat(down.json().has("dependency")).isFalse();
        assertThat(down.raw().headers().firstValue("Retry-After").orElse(null)).isNull();

        // a named dependency and a known delay: the caller learns which one, and when to try again
        Http.Response catalogue = http.get("/api/catalogue/down", applicant());
        assertProblem(catalogue, 503, ProblemTypes.SERVICE_INDISPONIBLE, "/api/catalogue/down");
        assertThat(catalogue.json().path("dependency").asString()).isEqualTo("dataset-search");
        assertThat(catalogue.raw().headers().firstValue("Retry-After").orElse(null)).isEqualTo("30");
    }

    @Test
    void wrongPathVariableTypeIs400() {
        Http.Response response = http.get("/api/items/abc", applicant());
        assertProblem(response, 400, ProblemTypes.PARAMETRE_INVALIDE, "/api/items/abc");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void domainNotFoundIs404() {
        Http.Response response = http.get("/api/items/42", applicant());
        assertProblem(response, 404, ProblemTypes.INTROUVABLE, "/api/items/42");
        assertThat(response.json().path("detail").asString()).contains("élément", "42");
    }

    @Test
    void unknownRouteIs404() {
        assertProblem(http.get("/api/nowhere", applicant()), 404, ProblemTypes.INTROUVABLE, "/api/nowhere");
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        Http.Response response = http.send(http.request("/api/funders/calls", token(Role.FUNDER))
                .DELETE().build());
        assertProblem(response, 405, ProblemTypes.METHODE_NON_AUTORISEE, "/api/funders/calls");
        assertThat(response.raw().headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        Http.Response response = http.send(http.request("/api/items", applicant())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("a;b")).build());
        assertProblem(response, 415, ProblemTypes.TYPE_MEDIA_NON_SUPPORTE, "/api/items");
    }

    /**
     * A multipart body Tomcat cannot parse (no boundary, cut short) fails before any handler is chosen, whatever the
     * endpoint reads (found by the e2e fuzzer): a 400 problem, not a 500.
     */
    @Test
    void aMalformedMultipartBodyIs400NotA500() {
        String boundary = "dtfuzz-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\na;b\r\n1;2\r\n--" + boundary + "--\r\n";
        String cut = form.substring(0, form.length() - boundary.length() - 8);
        for (String[] c : List.of(new String[] {"multipart/form-data", form},
                new String[] {"multipart/form-data; boundary=" + boundary, cut})) {
            for (String path : List.of("/api/texts", "/api/items")) {
                Http.Response response = http.send(http.request(path, applicant()).header("Content-Type", c[0])
                        .POST(HttpRequest.BodyPublishers.ofString(c[1])).build());
                assertProblem(response, 400, ProblemTypes.REQUETE_ILLISIBLE, path);
                assertThat(response.body()).doesNotContain("Exception", "FileUpload", "java.");
            }
        }
        Http.Response noBoundary = http.send(http.request("/api/texts", applicant())
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(noBoundary.json().path("detail").asString()).contains("multipart/form-data", "mal formé");
        // a well-formed form to an endpoint that does not read forms stays a 415
        Http.Response whole = http.send(http.request("/api/items", applicant())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertProblem(whole, 415, ProblemTypes.TYPE_MEDIA_NON_SUPPORTE, "/api/items");
    }

    @Test
    void optimisticLockingIs409WithoutInternals() {
        Http.Response response = http.send(http.request("/api/items/5", applicant())
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(response, 409, ProblemTypes.CONFLIT, "/api/items/5");
        assertThat(response.body()).doesNotContain("Row was updated", "transaction");
    }

    @Test
    void domainConflictIs409WithItsMessage() {
        Http.Response response = http.send(http.request("/api/items/5/duplicate", applicant())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(response, 409, ProblemTypes.CONFLIT, "/api/items/5/duplicate");
        assertThat(response.json().path("detail").asString()).isEqualTo("Un élément portant ce libellé existe déjà.");
    }

    @Test
    void domainRuleViolationIs422WithRuleCode() {
        Http.Response response = http.send(http.request("/api/items/5/publish", applicant())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(response, 422, ProblemTypes.REGLE_METIER, "/api/items/5/publish");
        assertThat(response.json().path("rule").asString()).isEqualTo("item.already-published");
    }

    @Test
    void aDomainsRuleViolationIsMappedByItsKind() {
        Http.Response conflict = refusal("conflict");
        assertProblem(conflict, 409, ProblemTypes.CONFLIT, "/api/items/5/refusals/conflict");
        assertThat(conflict.json().path("rule").asString()).isEqualTo("item.publie");
        assertThat(conflict.json().path("detail").asString())
                .isEqualTo("Cet élément est publié : il ne peut plus être modifié.");

        Http.Response missing = refusal("missing");
        assertProblem(missing, 404, ProblemTypes.INTROUVABLE, "/api/items/5/refusals/missing");
        assertThat(missing.json().has("rule")).isFalse();

        Http.Response invalid = refusal("invalid");
        assertProblem(invalid, 400, ProblemTypes.VALIDATION, "/api/items/5/refusals/invalid");
        assertThat(invalid.json().path("detail").asString())
                .isEqualTo("Le champ « quantity » est invalide : doit être positive");
        assertThat(invalid.json().path("errors").size()).isEqualTo(1);
        assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("quantity");
        assertThat(invalid.json().path("errors").get(0).path("message").asString()).isEqualTo("doit être positive");

        Http.Response onField = refusal("rule-on-field");
        assertProblem(onField, 422, ProblemTypes.REGLE_METIER, "/api/items/5/refusals/rule-on-field");
        assertThat(onField.json().path("rule").asString()).isEqualTo("item.plafond");
        assertThat(onField.json().path("errors").get(0).path("field").asString()).isEqualTo("quantity");

        Http.Response whole = refusal("rule");
        assertProblem(whole, 422, ProblemTypes.REGLE_METIER, "/api/items/5/refusals/rule");
        assertThat(whole.json().path("rule").asString()).isEqualTo("item.regle");
        assertThat(whole.json().has("errors")).isFalse();
    }

    private Http.Response refusal(String kind) {
        return http.send(http.request("/api/items/5/refusals/" + kind, applicant())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aStatementCancelledByTheDatabasesTimeBudgetIs504() {
        long start = System.nanoTime();
        Http.Response response = http.get("/api/searches/slow-sql", applicant());
        assertProblem(response, 504, ProblemTypes.DELAI_DEPASSE, "/api/searches/slow-sql");
        assertThat(response.body()).doesNotContain("pg_sleep", "57014", "Exception");
        // cancelled by PostgreSQL after 100 ms, not after the 5 s of the query
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
    }

    @Test
    void unexpectedExceptionIs500WithErrorIdAndNoInternals() {
        for (String path : List.of("/api/boom", "/api/boom-sql")) {
            Http.Response response = http.get(path, applicant());
            assertProblem(response, 500, ProblemTypes.ERREUR_INTERNE, path);
            assertThat(response.json().path("errorId").asString()).hasSize(36);
            assertThat(response.body()).doesNotContain("SELECT", "secret_table", "Exception", "java.", "at fr.",
                    "trace");
        }
    }

    @Test
    void declaredOversizedBodyIs413() {
        String big = VALID_ITEM.replace("Observatoire foncier", "x".repeat(6000));
        Http.Response response = http.postJson("/api/items", applicant(), big);
        assertProblem(response, 413, ProblemTypes.CHARGE_TROP_GRANDE, "/api/items");
        assertThat(response.json().path("maxBytes").asLong()).isEqualTo(4096);
    }

    @Test
    void declaredOversizedBodyIs413EvenBeforeAuthentication() {
        String big = "x".repeat(6000);
        assertProblem(http.postJson("/api/items", null, big), 413, ProblemTypes.CHARGE_TROP_GRANDE, "/api/items");
    }

    @Test
    void chunkedOversizedBodyIs413() {
        byte[] json = VALID_ITEM.replace("Observatoire foncier", "x".repeat(6000)).getBytes(StandardCharsets.UTF_8);
        Http.Response response = http.postChunked("/api/items", applicant(), "application/json", json);
        assertProblem(response, 413, ProblemTypes.CHARGE_TROP_GRANDE, "/api/items");

        byte[] text = "y".repeat(6000).getBytes(StandardCharsets.UTF_8);
        assertProblem(http.postChunked("/api/texts", applicant(), "text/plain", text), 413,
                ProblemTypes.CHARGE_TROP_GRANDE, "/api/texts");
    }

    @Test
    void chunkedBodyUnderTheLimitIsAccepted() {
        byte[] json = VALID_ITEM.getBytes(StandardCharsets.UTF_8);
        assertThat(http.postChunked("/api/items", applicant(), "application/json", json).status()).isEqualTo(201);
    }

    @Test
    void requestRejectedByTheFirewallIsAProblemToo() {
        Http.Response response = http.get("/api/me;jsessionid=1", applicant());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.type()).isEqualTo(ProblemTypes.REQUETE_INVALIDE);
    }

    @Test
    void problemIsWrittenWhateverTheAcceptHeader() {
        Http.Response response = http.send(http.request("/api/items/42", applicant())
                .header("Accept", "application/json").GET().build());
        assertProblem(response, 404, ProblemTypes.INTROUVABLE, "/api/items/42");
    }
}
