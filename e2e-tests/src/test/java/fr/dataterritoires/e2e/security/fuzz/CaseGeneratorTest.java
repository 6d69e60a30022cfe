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

    private static final String UPLOADS = """
            {"openapi":"3.1.0","paths":{
              "/roadmaps/{id}/items/import":{"post":{
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},
                              {"name":"version","in":"query","schema":{"type":"integer"}},
                              {"name":"dryRun","in":"query","schema":{"type":"boolean","default":false}}],
                "requestBody":{"required":true,"content":{
                  "text/csv":{"schema":{"type":"string","format":"byte"}},
                  "application/json":{"schema":{"type":"string","format":"byte"}}}}}},
              "/attachments":{"post":{
                "requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object","properties":{
                  "comment":{"type":"string"},"document":{"type":"string","format":"binary"}}}}}}}}}}
            """;

    private final List<ApiOperation> uploads = new OpenApiDocument(JSON.readTree(UPLOADS)).operations("roadmaps");

    private ApiOperation upload(String path) {
        return uploads.stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aFileUploadIsSentAValidCsvAndFilesChangedInOneThing() {
        ApiOperation op = upload("/roadmaps/{id}/items/import");
        assertThat(op.isUpload()).isTrue();
        assertThat(op.isMultipart()).isFalse();
        assertThat(op.hasJsonBody()).as("a file's cases are files, not JSON fields").isFalse();
        FuzzCase nominal = generator.nominal(op);
        assertThat(nominal.path()).endsWith("/items/import?dryRun=true");
        assertThat(nominal.contentType()).isEqualTo("text/csv");
        assertThat(new String(nominal.body(), StandardCharsets.UTF_8))
                .startsWith("kind;title;financialLine.amount").contains("FINANCIAL_LINE;");

        List<FuzzCase> all = generator.cases(op, 0);
        FuzzCase big = find(all, "file: a bit over the 4 MB limit");
        assertThat(big.body().length).isBetween(Uploads.LIMIT + 1, Uploads.LIMIT + 200 * 1024);
        assertThat(big.expected()).isEqualTo(413);
        FuzzCase zip = find(all, "file: XLSX workbook (ZIP)");
        assertThat(zip.contentType()).isEqualTo("text/csv");
        assertThat(zip.body()).startsWith(0x50, 0x4B, 0x03, 0x04);
        assertThat(zip.expected()).isEqualTo(415);
        assertThat(find(all, "file: NUL bytes in a cell").body()).contains(0);
        assertThat(new String(find(all, "file cell = formula =cmd|").body(), StandardCharsets.UTF_8))
                .contains(";=cmd|' /C calc'!A0;10;");
        assertThat(new String(find(all, "file cell = cell of 100 000 chars").body(), StandardCharsets.UTF_8))
                .contains("x".repeat(100_000));
        assertThat(find(all, "file: empty").body()).isEmpty();
        assertThat(find(all, "file declared as application/pdf").expected()).isEqualTo(415);
        FuzzCase form = find(all, "file in a multipart form, part file");
        assertThat(form.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(form.expected()).as("a raw-body endpoint does not read forms").isEqualTo(415);
        // a short run still sees every file family, after the path and query ones
        List<String> families = generator.cases(op, 6).stream().map(FuzzCase::description)
                .map(d -> d.startsWith("file") ? d.split("[ :=]")[0] + " " + fileFamily(all, d) : d.split(" ")[0])
                .distinct().toList();
        assertThat(families).hasSize(6);
    }

    @Test
    void aMultipartFormIsSentTheFileInItsDocumentedPart() {
        ApiOperation op = upload("/attachments");
        assertThat(op.isMultipart()).isTrue();
        assertThat(op.filePart()).isEqualTo("document");
        FuzzCase nominal = generator.nominal(op);
        assertThat(nominal.contentType()).isEqualTo("multipart/form-data; boundary=" + Uploads.BOUNDARY);
        String body = new String(nominal.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"document\"; filename=\"fuzz.csv\"", "Content-Type: text/csv")
                .endsWith("--" + Uploads.BOUNDARY + "--\r\n");
        List<FuzzCase> all = generator.cases(op, 0);
        assertThat(new String(find(all, "form without the file part").body(), StandardCharsets.UTF_8))
                .doesNotContain("name=\"document\"");
        assertThat(new String(find(all, "file in part 'autre' instead of 'document'").body(), StandardCharsets.UTF_8))
                .contains("name=\"autre\"");
        assertThat(find(all, "multipart without boundary").contentType()).isEqualTo("multipart/form-data");
        assertThat(new String(find(all, "multipart cut short").body(), StandardCharsets.UTF_8))
                .doesNotEndWith("--\r\n");
        // the file mutations travel in the part
        assertThat(new String(find(all, "file: PDF").body(), StandardCharsets.UTF_8))
                .contains("name=\"document\"", "%PDF-1.7");
    }

    private static FuzzCase find(List<FuzzCase> cases, String description) {
        return cases.stream().filter(c -> c.description().equals(description)).findFirst().orElseThrow(
                () -> new AssertionError("no case " + description));
    }

    private static String fileFamily(List<FuzzCase> all, String description) {
        return description.contains("multipart") || description.contains("form") ? "multipart"
                : description.startsWith("file cell") ? "cell"
                : description.startsWith("file declared") || find(all, description).expected() == 415 ? "format"
                : "content";
    }

    private static String family(String description) {
        return description.startsWith("body.") ? description.substring(description.indexOf('=') + 1)
                : description.split(" ")[0];
    }
}
