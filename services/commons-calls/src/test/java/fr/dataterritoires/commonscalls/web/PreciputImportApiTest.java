package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.COORDINATOR;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static fr.dataterritoires.commonscalls.support.Api.OTHER_FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.platform.testsupport.HttpApi;

import tools.jackson.databind.JsonNode;

/**
 * Importing funders' project files through REST: the same file twice levies once, a project already levied is not
 * levied again, and a file with a malformed line is refused whole, the line reported by its number.
 */
@ServiceTest
class PreciputImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String programme;
    String prefix;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        programme = api.programme(FUNDER, api.demoFunder(), "0.03");
        prefix = "ADEME-" + Api.unique() + "-";
    }

    @Test
    void theSameFileImportedTwiceLeviesOnce() {
        String csv = "projectReference;programmeId;beneficiarySiren;projectFunding\n"
                + prefix + "1;" + programme + ";213800006;100000.00\n"
                + "\"" + prefix + "2\";" + programme + ";;33333.33\n"
                + prefix + "3;" + programme + ";213800006;250.50\n";
        BigDecimal before = api.fundBalance();

        JsonNode first = upload(FUNDER, "projets-2026.csv", "text/csv", csv).status(201).json();
        // 3 000.00 + 1 000.00 (999.9999 → HALF_EVEN) + 7.52 (7.515 → the even cent 7.52)
        assertThat(first.path("levied").asInt()).isEqualTo(3);
        assertThat(first.path("totalLevied").asString()).isEqualTo("4007.52");
        assertThat(api.fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("4007.52")));

        JsonNode again = upload(FUNDER, "projets-2026-copie.csv", "text/csv", csv).ok().json();
        assertThat(again.path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(api.fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("4007.52")));
        assertThat(levies(prefix + "%")).isEqualTo(3);

        // another file naming a project already levied: only the new one is levied
        String json = "{\"levies\": [{\"projectReference\": \"" + prefix + "1\", \"programmeId\": \"" + programme
                + "\", \"projectFunding\": \"100000.00\"}, {\"projectReference\": \"" + prefix + "4\", \"programmeId\": \""
                + programme + "\", \"projectFunding\": \"1000.00\", \"beneficiarySiren\": \"213800006\"}]}";
        JsonNode third = upload(COORDINATOR, "complement.json", "application/json", json).status(201).json();
        assertThat(third.path("levied").asInt()).isEqualTo(1);
        assertThat(third.path("duplicates").asInt()).isEqualTo(1);
        assertThat(levies(prefix + "%")).isEqualTo(4);
        String payload = jdbc.sql("SELECT payload::text FROM outbox_event WHERE type = :type "
                        + "AND payload->>'projectReference' = :ref").param("type", "fr.dataterritoires.commons-calls.PreciputLevied.v1")
                .param("ref", prefix + "4").query(String.class).single();
        JsonNode levied = CloudEvents.mapper().readTree(payload);
        EventSchemas.assertConformsTo("commonscalls/PreciputLevied.v1", levied);
        assertThat(levied.path("source").asString()).isEqualTo("API_IMPORT");
        assertThat(levied.path("amount").asString()).isEqualTo("30.00");
    }

    @Test
    void aMalformedLineIsReportedByItsNumberAndNoLineIsLevied() {
        String csv = "projectReference,programmeId,projectFunding\n"
                + prefix + "1," + programme + ",1000.00\n"
                + "\n"
                + prefix + "2," + programme + ",12,5x\n"
                + prefix + "3," + programme + ",-5.00\n"
                + prefix + "4,pas-un-uuid,100.00\n"
                + prefix + "5," + programme + ",2000.00\n";
        BigDecimal before = api.fundBalance();

        JsonNode problem = upload(FUNDER, "erreurs.csv", "text/csv", csv).problem(422, "Ligne 4", "aucune ligne");
        JsonNode errors = problem.path("lineErrors");
        assertThat(errors.size()).isEqualTo(3);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(4);
        assertThat(errors.get(0).path("message").asString()).contains("colonnes");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(5);
        assertThat(errors.get(1).path("field").asString()).isEqualTo("projectFunding");
        assertThat(errors.get(2).path("line").asInt()).isEqualTo(6);
        assertThat(errors.get(2).path("field").asString()).isEqualTo("programmeId");
        // the valid lines 2 and 7 were not levied either
        assertThat(api.fundBalance()).isEqualByComparingTo(before);
        assertThat(levies(prefix + "%")).isZero();
        // the refusal is recorded, with its errors
        JsonNode record = api.get("/api/preciput/imports/" + problem.path("importId").asString(), COORDINATOR).ok().json();
        assertThat(record.path("status").asString()).isEqualTo("REJECTED");
        assertThat(record.path("errors").size()).isEqualTo(3);

        // once corrected, the file is levied whole
        String fixed = "projectReference,programmeId,projectFunding\n"
                + prefix + "1," + programme + ",1000.00\n"
                + prefix + "5," + programme + ",2000.00\n";
        assertThat(upload(FUNDER, "corrige.csv", "text/csv", fixed).status(201).json().path("levied").asInt()).isEqualTo(2);
        assertThat(api.fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("90.00")));
    }

    @Test
    void aFunderImportsForItsOwnProgrammesOnly() {
        api.funder(OTHER_FUNDER, Api.OTHER_FUNDER_SIREN);
        String csv = "projectReference,programmeId,projectFunding\n" + prefix + "1," + programme + ",1000.00\n";
        JsonNode problem = upload(OTHER_FUNDER, "autre.csv", "text/csv", csv).problem(422, "autre financeur");
        assertThat(problem.path("lineErrors").get(0).path("line").asInt()).isEqualTo(2);
        upload(Api.APPLICANT, "candidat.csv", "text/csv", csv).problem(403);
        upload(null, "anonyme.csv", "text/csv", csv).problem(401);
        upload(FUNDER, "vide.csv", "text/csv", "projectReference,programmeId\n").problem(422, "en-tête");
        // a PDF or a workbook sent as text/csv: refused for what it is, before parsing, and nothing recorded
        long importsBefore = jdbc.sql("SELECT count(*) FROM preciput_import").query(Long.class).single();
        api.send("POST", "/api/preciput/imports?fileName=projets.csv", FUNDER, "text/csv",
                "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)).problem(415, "PDF");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(xlsx)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        api.send("POST", "/api/preciput/imports?fileName=projets.csv", FUNDER, "text/csv", xlsx.toByteArray())
                .problem(415, "classeur");
        assertThat(jdbc.sql("SELECT count(*) FROM preciput_import").query(Long.class).single()).isEqualTo(importsBefore);
        assertThat(levies(prefix + "%")).isZero();
    }

    @Test
    void aFunderReadsItsOwnImportsOnly() {
        api.funder(OTHER_FUNDER, Api.OTHER_FUNDER_SIREN);
        String csv = "projectReference,programmeId,projectFunding\n" + prefix + "1," + programme + ",1000.00\n";
        String id = upload(FUNDER, "mien.csv", "text/csv", csv).status(201).json().path("id").asString();

        assertThat(api.get("/api/preciput/imports/" + id, FUNDER).ok().json().path("fileName").asString())
                .isEqualTo("mien.csv");
        assertThat(api.get("/api/preciput/imports/" + id, COORDINATOR).ok().json().path("status").asString())
                .isEqualTo("APPLIED");
        // another funder: as if it did not exist (its lines are this funder's projects and amounts)
        api.get("/api/preciput/imports/" + id, OTHER_FUNDER).problem(404);
        api.get("/api/preciput/imports/" + id, Api.APPLICANT).problem(403);
        api.get("/api/preciput/imports/" + id, null).problem(401);
    }

    private HttpApi.Response upload(String token, String name, String type, String content) {
        return api.send("POST", "/api/preciput/imports?fileName=" + name, token, type,
                content.getBytes(StandardCharsets.UTF_8));
    }

    private long levies(String referencePattern) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE kind = 'LEVY' AND project_reference LIKE :p")
                .param("p", referencePattern).query(Long.class).single();
    }
}
