package fr.dataterritoires.e2e.security.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.e2e.security.fuzz.CaseGenerator.FuzzCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator on a small document of springdoc's shape: what it reads, what it sends, and that it replays. */
class CaseGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/roadmaps/{id}/items":{"post":{
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},
                              {"name":"dryRun","in":"query","schema":{"type":"boolean"}}],
                "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}},
              "/roadmaps":{"get":{"parameters":[{"name":"region","in":"query","schema":{"type":"string"}},
                                                {"name":"limit","in":"query","schema":{"type":"integer","maximum":500}}]}}},
             "components":{"schemas":{
               "Item":{"type":"object","required":["title","regionCode","amount"],"properties":{
                 "title":{"type":"string","maxLength":200},
                 "regionCode":{"type":"string","pattern":"^\\\\d{2}$"},
                 "amount":{"type":"number"},
                 "kind":{"type":"string","enum":["USE_CASE","DATASET"]},
                 "funderSiren":{"anyOf":[{"type":"null"},{"type":"string"}]},
                 "tags":{"type":"array","items":{"type":"string"}},
                 "period":{"allOf":[{"$ref":"#/components/schemas/Period"}]}}},
               "Period":{"type":"object","properties":{"startDate":{"type":"string","format":"date"}}}}}}
            """;

    private final List<ApiOperation> operations = new OpenApiDocument(JSON.readTree(DOCUMENT)).operations("roadmaps");
    private final CaseGenerator generator = new CaseGenerator(42, (service, collection) ->
            collection.equals("/roadmaps") ? Optional.of("6f1c2d3e-0000-4000-8000-000000000001") : Optional.empty(),
            "242010056");

    private ApiOperation post() {
        return operations.stream().filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
    }

    @Test
    void readsOperationsWithResolvedSchemas() {
        assertThat(operations).extracting(ApiOperation::key)
                .containsExactlyInAnyOrder("POST /api/roadmaps/roadmaps/{id}/items", "GET /api/roadmaps/roadmaps");
        ApiOperation post = post();
        assertThat(post.hasJsonBody()).isTrue();
        assertThat(post.bodySchema().path("properties").path("period").path("properties").path("startDate")
                .path("format").asString()).isEqualTo("date");
        assertThat(post.bodySchema().path("properties").path("funderSiren").path("type").asString()).isEqualTo("string");
    }

    @Test
    void theNominalRequestLooksValid() {
        FuzzCase nominal = generator.nominal(post());
        assertThat(nominal.path()).isEqualTo("/api/roadmaps/roadmaps/6f1c2d3e-0000-4000-8000-000000000001/items");
        JsonNode body = JSON.readTree(nominal.body());
        assertThat(body.path("regionCode").asString()).isEqualTo(CaseGenerator.REGION);
        assertThat(body.path("funderSiren").asString()).isEqualTo(CaseGenerator.SIREN);
        assertThat(body.path("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(body.path("kind").asString()).isEqualTo("USE_CASE");
        assertThat(body.path("period").path("startDate").asString()).isEqualTo("2031-03-15");
    }

    @Test
    void casesCoverEveryFamilyAndReplayFromTheSeed() {
        List<FuzzCase> all = generator.cases(post(), 0);
        List<String> descriptions = all.stream().map(FuzzCase::description).toList();
        assertThat(descriptions).contains("path id = not a UUID", "body.title = NUL", "body.title = lone high surrogate",
                "body.regionCode = région 2A (a département)", "body.funderSiren = SIREN bad check digit",
                "body.amount = over-precise 10.005", "body.period.startDate = 30 February",
                "body.title (required) removed", "body.kind = unknown enum value", "body: nesting 5 000 deep",
                "body.tags = 10 000 items", "body.title = SQL quote", "body: invalid UTF-8 bytes",
                "query dryRun = ES query syntax");
        // a short run still sees every family, in the same order each time
        List<FuzzCase> first = generator.cases(post(), 12);
        assertThat(first).hasSize(12);
        assertThat(first.stream().map(FuzzCase::description).map(CaseGeneratorTest::family).distinct()).hasSizeGreaterThan(6);
        assertThat(generator.cases(post(), 12).stream().map(FuzzCase::description).toList())
                .isEqualTo(first.stream().map(FuzzCase::description).toList());
        assertThat(new CaseGenerator(43, (s, c) -> Optional.empty(), "242010056").cases(post(), 12).stream()
                .map(FuzzCase::description).toList()).isNotEqualTo(first.stream().map(FuzzCase::description).toList());
    }

    @Test
    void hostileStringsAreSentAsTheyAre() {
        FuzzCase nul = generator.cases(post(), 0).stream().filter(c -> c.description().equals("body.title = NUL"))
                .findFirst().orElseThrow();
        String text = new String(nul.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"title\":\"a\\u0000b\"");
        assertThat(JSON.readTree(nul.body()).path("title").asString()).isEqualTo("a\u0000b");
        FuzzCase surrogate = generator.cases(post(), 0).stream()
                .filter(c -> c.description().equals("body.title = lone high surrogate")).findFirst().orElseThrow();
        assertThat(new String(surrogate.body(), StandardCharsets.UTF_8)).contains("x\\ud800y");
        FuzzCase overflow = generator.cases(post(), 0).stream()
                .filter(c -> c.description().equals("body.amount = long overflow")).findFirst().orElseThrow();
        assertThat(new String(overflow.body(), StandardCharsets.UTF_8)).contains("\"amount\":9223372036854775808");
    }

    private static String family(String description) {
        return description.startsWith("body.") ? description.substring(description.indexOf('=') + 1)
                : description.split(" ")[0];
    }
}
