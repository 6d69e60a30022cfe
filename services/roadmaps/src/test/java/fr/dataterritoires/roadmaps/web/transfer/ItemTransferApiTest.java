package fr.dataterritoires.roadmaps.web.transfer;

import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_11;
import static fr.dataterritoires.roadmaps.support.Api.COMMITTEE_84;
import static fr.dataterritoires.roadmaps.support.Api.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.roadmaps.support.Api;
import fr.dataterritoires.roadmaps.support.RealDatasetSearch;
import fr.dataterritoires.roadmaps.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * Import and export of roadmap items over HTTP: 1,000 lines with one bad line import nothing and name it; 1,000 good
 * lines import as one version and export back identical (CSV, then JSON into another roadmap); formula-like cells
 * are neutralised on export; limits and refusals.
 */
@ServiceTest
class ItemTransferApiTest {

    static final List<String> HEADER = List.of("reference", "parentReference", "kind", "title", "description", "weight",
            "status", "progress", "milestones", "useCase.policyDomain", "useCase.territory", "useCase.expectedOutcome",
            "useCase.indicators", "dataset.catalogueDatasetId", "dataset.targetAccessLevel", "dataset.targetDate",
            "dataset.responsibleSiren", "dataset.answers", "roleAllocation.organisationSiren",
            "roleAllocation.organisationName", "roleAllocation.role", "financialLine.amount", "financialLine.year",
            "financialLine.source", "action.territory", "action.deconcentratedServices", "action.requestedFte",
            "action.requestedAmount", "dataReturn.datasetCollected", "dataReturn.currentDelayDays",
            "dataReturn.targetDelayDays", "nationalTool.purpose", "nationalTool.partnerSirens");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aThousandLinesWithOneBadLineImportNothingAndNameIt() {
        Api api = new Api(port);
        String id = committeeRoadmap(api, 2041);
        String bad = file(1000, 499, "12,345");

        JsonNode dry = json(send("POST", "/api/roadmaps/" + id + "/items/import?dryRun=true", COMMITTEE_84,
                "text/csv", bad), 200);
        assertThat(dry.path("valid").asBoolean()).isFalse();
        assertThat(dry.path("lines").asInt()).isEqualTo(1000);
        assertThat(dry.path("invalidLines").toString()).isEqualTo("[501]");
        assertThat(dry.path("errors")).hasSize(1);
        assertThat(dry.path("errors").get(0).path("line").asInt()).isEqualTo(501);
        assertThat(dry.path("errors").get(0).path("field").asString()).isEqualTo("financialLine.amount");
        assertThat(dry.path("errors").get(0).path("message").asString()).contains("deux décimales");

        HttpResponse<String> refused = send("POST", "/api/roadmaps/" + id + "/items/import?version=1", COMMITTEE_84,
                "text/csv", bad);
        JsonNode problem = json(refused, 400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.path("detail").asString()).startsWith("1 ligne invalide sur 1000 : rien n'a été importé. "
                + "Ligne 501 (financialLine.amount)");
        assertThat(problem.path("invalidLines").toString()).isEqualTo("[501]");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("financialLine.amount");
        JsonNode unchanged = api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("items")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM roadmap_item WHERE roadmap_id = ?::uuid", Integer.class, id))
                .isZero();
        assertThat(audits(id)).containsExactly("roadmap.created");

        // the same file, line 501 corrected
        String good = file(1000, 499, "12,35");
        assertThat(json(send("POST", "/api/roadmaps/" + id + "/items/import?dryRun=true", COMMITTEE_84, "text/csv",
                good), 200).path("valid").asBoolean()).isTrue();
        assertThat(api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json().path("version").asLong()).isEqualTo(1);
        JsonNode imported = json(send("POST", "/api/roadmaps/" + id + "/items/import?version=1", COMMITTEE_84,
                "text/csv", good), 200);
        assertThat(imported.path("imported").asInt()).isEqualTo(1000);
        assertThat(imported.path("roadmap").path("version").asLong()).isEqualTo(2);
        assertThat(imported.path("roadmap").path("items").asInt()).isEqualTo(1000);
        // one version, one audit entry with the count
        assertThat(api.get("/api/roadmaps/" + id + "/versions", COMMITTEE_84).ok().json()).hasSize(2);
        assertThat(audits(id)).containsExactly("roadmap.created", "roadmap.items-imported");
        assertThat(jdbc.queryForObject("SELECT after ->> 'imported' FROM audit_record WHERE target_id = ? "
                + "AND action = 'roadmap.items-imported'", String.class, id)).isEqualTo("1000");
        // roll-up of an imported parent: datasets at 50 % (weight 2) → 50
        JsonNode roadmap = api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json();
        assertThat(roadmap.path("items").get(0).path("progress").asInt()).isEqualTo(50);

        // exported back: the same file, references aside (the export references items by id)
        HttpResponse<String> export = send("GET", "/api/roadmaps/" + id + "/items/export", COMMITTEE_84, null, null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(withFileReferences(export.body())).isEqualTo(good);

        // JSON export into another roadmap, exported back as CSV: the same again
        String json = send("GET", "/api/roadmaps/" + id + "/items/export?format=json", COMMITTEE_84, null, null).body();
        assertThat(CloudEvents.mapper().readTree(json)).hasSize(1000);
        String other = committeeRoadmap(api, 2042);
        json(send("POST", "/api/roadmaps/" + other + "/items/import?version=1", COMMITTEE_84, "application/json", json),
                200);
        assertThat(withFileReferences(send("GET", "/api/roadmaps/" + other + "/items/export", COMMITTEE_84, null, null)
                .body())).isEqualTo(good);
    }

    @Test
    void formulaLikeCellsAreNeutralisedOnExportAndRestoredOnImport() {
        Api api = new Api(port);
        String id = committeeRoadmap(api, 2043);
        List<Map<String, String>> rows = List.of(
                cells("kind", "ROLE_ALLOCATION", "title", "=HYPERLINK(\"http://exemple.invalid\";\"clic\")",
                        "description", "+33 1 23 45 67 89", "roleAllocation.organisationSiren", "200046977",
                        "roleAllocation.organisationName", "@SOMME(A1:A9)", "roleAllocation.role", "PRODUCER"),
                cells("kind", "FINANCIAL_LINE", "title", "-5 % sur la ligne", "financialLine.amount", "10",
                        "financialLine.year", "2027", "financialLine.source", "OWN_BUDGET"));
        String file = "\uFEFF" + String.join(";", List.of("kind", "title", "description",
                "roleAllocation.organisationSiren", "roleAllocation.organisationName", "roleAllocation.role",
                "financialLine.amount", "financialLine.year", "financialLine.source")) + "\r\n"
                + rows.stream().map(r -> String.join(";", List.of("kind", "title", "description",
                        "roleAllocation.organisationSiren", "roleAllocation.organisationName", "roleAllocation.role",
                        "financialLine.amount", "financialLine.year", "financialLine.source").stream()
                        .map(h -> quote(r.getOrDefault(h, ""))).toList())).reduce((a, b) -> a + "\r\n" + b).orElseThrow();
        json(send("POST", "/api/roadmaps/" + id + "/items/import?version=1", COMMITTEE_84, "text/csv", file), 200);
        JsonNode items = new Api(port).get("/api/roadmaps/" + id, COMMITTEE_84).ok().json().path("items");
        assertThat(items.get(0).path("title").asString()).isEqualTo("=HYPERLINK(\"http://exemple.invalid\";\"clic\")");

        String export = send("GET", "/api/roadmaps/" + id + "/items/export", null, null, null).statusCode() == 404
                ? send("GET", "/api/roadmaps/" + id + "/items/export", COMMITTEE_84, null, null).body() : null;
        assertThat(export).isNotNull();
        for (String line : export.split("\r\n")) {
            for (String cell : line.split(";", -1)) {
                String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(unquoted).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
                if (!unquoted.isEmpty() && unquoted.charAt(0) == '-') {
                    throw new AssertionError("formula-like cell: " + cell);
                }
            }
        }
        assertThat(export).contains(";\"'=HYPERLINK(\"\"http://exemple.invalid\"\";\"\"clic\"\")\";'+33 1 23 45 67 89;")
                .contains(";'@SOMME(A1:A9);").contains(";'-5 % sur la ligne;");
        // and the exported file imports back to the same texts
        String copy = committeeRoadmap(api, 2044);
        json(send("POST", "/api/roadmaps/" + copy + "/items/import?version=1", COMMITTEE_84, "text/csv", export), 200);
        JsonNode copied = api.get("/api/roadmaps/" + copy, COMMITTEE_84).ok().json().path("items");
        assertThat(copied.get(0).path("title").asString()).isEqualTo("=HYPERLINK(\"http://exemple.invalid\";\"clic\")");
        assertThat(copied.get(0).path("description").asString()).isEqualTo("+33 1 23 45 67 89");
        assertThat(copied.get(0).path("content").path("roleAllocation").path("organisationName").asString()).isEqualTo("@SOMME(A1:A9)");
        assertThat(copied.get(1).path("title").asString()).isEqualTo("-5 % sur la ligne");
    }

    @Test
    void everyInvalidLineIsReportedWithItsReason() {
        Api api = new Api(port);
        String id = committeeRoadmap(api, 2045);
        String header = "reference;parentReference;kind;title;useCase.policyDomain;useCase.territory;"
                + "useCase.expectedOutcome;financialLine.amount;financialLine.year;financialLine.source;progress\r\n";
        String file = header
                + "A;;USE_CASE;Cas A;Mobilités;region:84;Mieux connaître;;;;\r\n"          // 2 valid
                + "A;;FINANCIAL_LINE;Doublon;;;;10;2027;STATE;\r\n"                          // 3 duplicate reference
                + "C;Z;FINANCIAL_LINE;Parent inconnu;;;;10;2027;STATE;\r\n"                  // 4 unknown parent
                + "D;E;FINANCIAL_LINE;Boucle D;;;;10;2027;STATE;\r\n"                        // 5 loop
                + "E;D;FINANCIAL_LINE;Boucle E;;;;10;2027;STATE;\r\n"                        // 6 loop
                + "F;;USE_CASE;Hors région;Mobilités;region:11;Mieux connaître;;;;\r\n"      // 7 territory outside 84
                + "G;;ACTION;Action ministérielle;;;;;;;\r\n"                                // 8 wrong kind
                + "H;;BUDGET;Genre inconnu;;;;;;;\r\n"                                       // 9 unknown kind
                + "I;;FINANCIAL_LINE;Montant illisible;;;;dix;2027;STATE;\r\n"               // 10 bad decimal
                + "J;;FINANCIAL_LINE;Champ d'un autre genre;Mobilités;;;10;2027;STATE;\r\n"  // 11 cell of another kind
                + "K;A;FINANCIAL_LINE;Sous-élément valide;;;;10;2027;STATE;\r\n"             // 12 valid
                + "L;;USE_CASE;Parent avec avancement;Mobilités;;Mieux connaître;;;;40\r\n"  // 13 progress on a parent
                + "M;L;FINANCIAL_LINE;Enfant de L;;;;10;2027;STATE;\r\n"                     // 14 parent refused
                + ";;FINANCIAL_LINE;;;;;10;2027;STATE;\r\n";                                 // 15 title missing
        JsonNode report = json(send("POST", "/api/roadmaps/" + id + "/items/import?dryRun=true", COMMITTEE_84,
                "text/csv", file), 200);
        assertThat(report.path("invalidLines").toString()).isEqualTo("[3,4,5,6,7,8,9,10,11,13,14,15]");
        Map<Integer, String> fields = new HashMap<>();
        report.path("errors").forEach(e -> fields.merge(e.path("line").asInt(), e.path("field").asString(),
                (a, b) -> a + "," + b));
        assertThat(fields).containsEntry(3, "reference").containsEntry(4, "parentReference")
                .containsEntry(5, "parentReference").containsEntry(6, "parentReference")
                .containsEntry(7, "useCase.territory").containsEntry(8, "kind").containsEntry(9, "kind")
                .containsEntry(10, "financialLine.amount").containsEntry(11, "useCase.policyDomain")
                .containsEntry(13, "progress").containsEntry(14, "parentReference").containsEntry(15, "title");
        report.path("errors").forEach(e -> assertThat(e.path("message").asString()).isNotBlank());
        assertThat(api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json().path("items")).isEmpty();
    }

    @Test
    void limitsAndRefusals() {
        Api api = new Api(port);
        String id = committeeRoadmap(api, 2046);
        String base = "/api/roadmaps/" + id + "/items/import";
        String one = "kind;title;financialLine.amount;financialLine.year;financialLine.source\r\n"
                + "FINANCIAL_LINE;Ligne;10;2027;STATE\r\n";
        // who and when
        assertThat(send("POST", base + "?version=1", null, "text/csv", one).statusCode()).isEqualTo(401);
        assertThat(send("POST", base + "?version=1", COMMITTEE_11, "text/csv", one).statusCode()).isEqualTo(404);
        problem(send("POST", base, COMMITTEE_84, "text/csv", one), 400, "version");
        problem(send("POST", base + "?version=7", COMMITTEE_84, "text/csv", one), 409, "version 1");
        // the file as a whole
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", "kind;titre\r\nUSE_CASE;x\r\n"), 400,
                "titre");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", "kind;kind\r\n"), 400, "deux fois");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", "kind\r\nUSE_CASE\r\n"), 400, "title");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", "kind;title\r\n\"USE_CASE;x\r\n"), 400,
                "guillemet");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", "kind;title\r\n"), 400, "aucune ligne");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "application/json", "{\"kind\":\"USE_CASE\"}"), 400,
                "tableau");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "application/json", "[{\"genre\":\"USE_CASE\"}]"),
                400, "genre");
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "application/xml", "<a/>"), 415);
        // a workbook saved as .xlsx (a ZIP) sent as text/csv: refused for what it is, nothing imported
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(xlsx)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        problem(sendBytes(base + "?version=1", COMMITTEE_84, "text/csv", xlsx.toByteArray()), 415, "CSV",
                "\"detectedFormat\":\"zip\"");
        problem(sendBytes(base + "?version=1", COMMITTEE_84, "text/csv", "kind;title\r\n".getBytes(
                StandardCharsets.UTF_16LE)), 415, "\"detectedFormat\":\"binary\"");
        assertThat(api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json().path("items")).isEmpty();
        problem(send("GET", "/api/roadmaps/" + id + "/items/export?format=xlsx", COMMITTEE_84, null, null), 400,
                "format");
        // too many lines: 2,001
        StringBuilder many = new StringBuilder("kind;title;financialLine.amount;financialLine.year;financialLine.source\r\n");
        for (int i = 0; i < 2001; i++) {
            many.append("FINANCIAL_LINE;Ligne ").append(i).append(";10;2027;STATE\r\n");
        }
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", many.toString()), 400, "2000");
        // too large a body: over 4 MB
        String huge = "kind;title;description\r\n" + ("FINANCIAL_LINE;Ligne;" + "x".repeat(7000) + "\r\n").repeat(700);
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", huge), 413);
        // a Windows-1252 file (Excel's "CSV (séparateur : point-virgule)") is read right
        HttpResponse<String> latin = sendBytes(base + "?version=1", COMMITTEE_84, "text/csv",
                ("kind;title;financialLine.amount;financialLine.year;financialLine.source\r\n"
                        + "FINANCIAL_LINE;Ligne à l'été;10,5;2027;STATE\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        json(latin, 200);
        assertThat(api.get("/api/roadmaps/" + id, COMMITTEE_84).ok().json().path("items").get(0).path("title").asString())
                .isEqualTo("Ligne à l'été");
        // a declared charset is honoured; an unknown one is refused
        byte[] declared = ("kind;title;financialLine.amount;financialLine.year;financialLine.source\r\n"
                + "FINANCIAL_LINE;Ligne déclarée;10,5;2027;STATE\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(json(sendBytes(base + "?dryRun=true", COMMITTEE_84, "text/csv;charset=windows-1252", declared), 200)
                .path("valid").asBoolean()).isTrue();
        problem(sendBytes(base + "?dryRun=true", COMMITTEE_84, "text/csv;charset=klingon-8", declared), 415);
        // a roadmap no longer editable
        api.post("/api/roadmaps/" + id + "/submission", COMMITTEE_84, Map.of("version", 2)).ok();
        problem(send("POST", base + "?dryRun=true", COMMITTEE_84, "text/csv", one), 409, "soumise");
        // the export stays readable to its issuer in every status; anonymous callers see published roadmaps only
        assertThat(send("GET", "/api/roadmaps/" + id + "/items/export", COMMITTEE_84, null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/roadmaps/" + id + "/items/export", null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMinistrySectionRoundTripsAndLinesMayHangUnderExistingItems() {
        Api api = new Api(port);
        String id = section(api, 2041);
        long v = 1;
        for (Map<String, Object> item : List.of(
                item(v, "ACTION", "Appui aux observatoires", "action", Map.of("territory",
                        List.of("region:84", "departement:13"), "deconcentratedServices",
                        List.of("DREAL, service connaissance", "DDT des Bouches-du-Rhône"), "requestedFte", "2.5",
                        "requestedAmount", "300000.1")),
                item(v + 1, "DATA_RETURN", "Retour des consommations", "dataReturn", Map.of("datasetCollected",
                        "Consommations d'énergie", "currentDelayDays", 180, "targetDelayDays", 30)),
                item(v + 2, "NATIONAL_TOOL", "Plateforme chaleur", "nationalTool", Map.of("purpose",
                        "Co-construire l'outil", "partnerSirens", List.of("213800006", "200046977"))))) {
            api.post("/api/roadmaps/" + id + "/items", Api.MTECT, item).status(201);
        }
        String export = send("GET", "/api/roadmaps/" + id + "/items/export", Api.MTECT, null, null).body();
        assertThat(export).contains(";DREAL, service connaissance | DDT des Bouches-du-Rhône;2,50;300000,10;")
                .contains(";departement:13 | region:84;").contains(";213800006 | 200046977\r\n");
        String copy = section(api, 2042);
        json(send("POST", "/api/roadmaps/" + copy + "/items/import?version=1", Api.MTECT, "text/csv", export), 200);
        String again = send("GET", "/api/roadmaps/" + copy + "/items/export", Api.MTECT, null, null).body();
        assertThat(withFileReferences(again)).isEqualTo(withFileReferences(export));
        // a committee file has no place in a section; another ministry cannot import into it
        problem(send("POST", "/api/roadmaps/" + copy + "/items/import?dryRun=true", Api.MEF, "text/csv", export), 404);

        // a line may hang under an item already in the roadmap (its id as parentReference)
        JsonNode items = api.get("/api/roadmaps/" + copy, Api.MTECT).ok().json().path("items");
        String action = items.get(0).path("id").asString();
        String child = "parentReference;kind;title;action.territory;action.requestedFte;action.requestedAmount\r\n"
                + action + ";ACTION;Volet Bouches-du-Rhône;departement:13;0,5;1000\r\n"
                + "inconnu;ACTION;Parent inconnu;departement:13;0,5;1000\r\n";
        JsonNode report = json(send("POST", "/api/roadmaps/" + copy + "/items/import?dryRun=true", COORDINATOR,
                "text/csv", child), 200);
        assertThat(report.path("invalidLines").toString()).isEqualTo("[3]");
        json(send("POST", "/api/roadmaps/" + copy + "/items/import?version=2", COORDINATOR, "text/csv",
                child.substring(0, child.indexOf("inconnu"))), 200);
        JsonNode after = api.get("/api/roadmaps/" + copy, Api.MTECT).ok().json().path("items");
        assertThat(after).hasSize(4);
        assertThat(after.get(3).path("parentId").asString()).isEqualTo(action);
    }

    private static String section(Api api, int year) {
        return api.post("/api/roadmaps/ministerial", Api.MTECT, Map.of("ministry", "MTECT", "year", year,
                "title", "Section importée " + year)).status(201).json().path("id").asString();
    }

    private static Map<String, Object> item(long version, String kind, String title, String part, Object content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("kind", kind);
        body.put("title", title);
        body.put(part, content);
        return body;
    }

    // ---- the 1,000-line file ----------------------------------------------------------------------------------

    /** A file in the export's own dialect; line {@code bad} (0-based) is a financial line of {@code badAmount}. */
    static String file(int lines, int bad, String badAmount) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(";", HEADER)).append("\r\n");
        for (int i = 0; i < lines; i++) {
            Map<String, String> c;
            if (i == bad) {
                c = cells("reference", "L" + i, "kind", "FINANCIAL_LINE", "title", "Ligne à corriger", "weight", "1",
                        "status", "PLANNED", "progress", "0", "financialLine.amount", badAmount,
                        "financialLine.year", "2027", "financialLine.source", "STATE");
            } else {
                c = line(i);
            }
            out.append(String.join(";", HEADER.stream().map(h -> quote(c.getOrDefault(h, ""))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static Map<String, String> line(int i) {
        String ref = "L" + i;
        int parent = i - i % 10;
        return switch (i % 10) {
            case 0 -> cells("reference", ref, "kind", "USE_CASE", "title", "Cas d'usage " + i,
                    "description", "Cas \"" + i + "\", avec virgule", "weight", "1", "status", "PLANNED",
                    "useCase.policyDomain", "Mobilités", "useCase.territory", "departement:69 | region:84",
                    "useCase.expectedOutcome", "Des trajets mieux connus",
                    "useCase.indicators", "[{\"name\":\"Communes couvertes\",\"baseline\":\"12\",\"target\":\"150.5\","
                            + "\"unit\":\"communes\",\"dueDate\":\"2027-12-31\"}]");
            case 1, 2, 3, 4 -> cells("reference", ref, "parentReference", "L" + parent, "kind", "DATASET",
                    "title", "Jeu " + i, "weight", "2", "status", "IN_PROGRESS", "progress", "50",
                    "dataset.catalogueDatasetId", RealDatasetSearch.anyDatasetId(3 + i % 10), "dataset.targetAccessLevel", "OPEN",
                    "dataset.targetDate", "2027-06-30", "dataset.responsibleSiren", "200046977",
                    "dataset.answers", i % 2 == 0 ? "NATIONAL" : "LOCAL");
            case 5 -> cells("reference", ref, "kind", "ROLE_ALLOCATION", "title", "Rôle " + i, "weight", "1",
                    "status", "PLANNED", "progress", "0", "roleAllocation.organisationSiren", "200046977",
                    "roleAllocation.organisationName", "Métropole de Lyon", "roleAllocation.role", "PRODUCER");
            case 6, 7 -> cells("reference", ref, "kind", "FINANCIAL_LINE", "title", "Ligne " + i, "weight", "1",
                    "status", "IN_STUDY", "progress", "10", "financialLine.amount", i + ",25",
                    "financialLine.year", "2027", "financialLine.source", i % 2 == 0 ? "STATE" : "PRECIPUT");
            default -> cells("reference", ref, "kind", "DATASET", "title", "Jeu à produire " + i, "weight", "5",
                    "status", "COMPLETED", "progress", "100",
                    "milestones", "[{\"date\":\"2026-06-30\",\"title\":\"Lancement\",\"done\":true},"
                            + "{\"date\":\"2027-01-15\",\"title\":\"Ouverture\",\"done\":false}]",
                    "dataset.targetAccessLevel", "SHARED", "dataset.targetDate", "2027-12-31",
                    "dataset.responsibleSiren", "200046977", "dataset.answers", "LOCAL");
        };
    }

    private static Map<String, String> cells(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** RFC 4180 quoting, as the export does; formula-like cells prefixed with '. */
    private static String quote(String value) {
        if (value.isEmpty()) {
            return value;
        }
        String v = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The exported file with its item ids replaced by L0, L1... in line order (as the imported file had them). */
    private static String withFileReferences(String export) {
        String[] lines = export.split("\r\n", -1);
        Map<String, String> refs = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                refs.put(lines[i].substring(0, lines[i].indexOf(';')), "L" + (i - 1));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                out.add("");
                continue;
            }
            String[] cells = lines[i].split(";", 3);
            out.add(refs.get(cells[0]) + ";" + (cells[1].isEmpty() ? "" : refs.get(cells[1])) + ";" + cells[2]);
        }
        return String.join("\r\n", out);
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    private String committeeRoadmap(Api api, int year) {
        api.committee("84");
        return api.post("/api/roadmaps/committee", COMMITTEE_84, Map.of("regionCode", "84", "startYear", year,
                "endYear", year, "title", "Feuille de route importée " + year)).status(201).json().path("id").asString();
    }

    private List<String> audits(String id) {
        return jdbc.queryForList("SELECT action FROM audit_record WHERE target_id = ? ORDER BY seq", String.class, id);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> sendBytes(String path, String token, String contentType, byte[] body) {
        return sendBytes("POST", path, token, contentType, body);
    }

    private HttpResponse<String> sendBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return CloudEvents.mapper().readTree(response.body());
    }

    private static void problem(HttpResponse<String> response, int status, String... words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (words.length > 0) {
            assertThat(response.body()).contains(words);
        }
    }
}
