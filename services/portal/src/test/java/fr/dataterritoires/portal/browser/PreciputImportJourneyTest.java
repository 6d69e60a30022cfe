package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.portal.support.FundingPortalTest;
import fr.dataterritoires.portal.support.RealFundingServices;
import tools.jackson.databind.JsonNode;

/**
 * The préciput import in Debian's Chromium against the real commons-calls: a funder uploads a file of innovation
 * projects with one bad line and sees that line's error (nothing levied), then the corrected file levied; a national
 * coordinator finds both among the latest imports. axe-core on every page: no serious or critical violation.
 */
@FundingPortalTest
class PreciputImportJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void aFunderSeesTheBadLineOfItsFileThenImportsItCorrected() throws Exception {
        List<String> violations = new ArrayList<>();
        String programme = RealFundingServices.preciputProgramme();
        String project = "PROJ-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = "projectReference;programmeId;projectFunding\n" + project + "-1;" + programme + ";100000.00\n"
                + project + "-2;" + programme + ";cent mille\n";
        Path dir = Files.createTempDirectory("dt-portal-preciput");
        Path badFile = Files.writeString(dir.resolve("projets-a-corriger.csv"), bad, StandardCharsets.UTF_8);
        Path goodFile = Files.writeString(dir.resolve("projets.csv"), bad.replace(";cent mille\n", ";20000.00\n"),
                StandardCharsets.UTF_8);
        // 6 MB of valid lines: only its size is wrong (4 MB accepted)
        Path tooLarge = dir.resolve("projets-trop-gros.csv");
        try (var out = Files.newBufferedWriter(tooLarge, StandardCharsets.UTF_8)) {
            out.write("projectReference;programmeId;projectFunding\n");
            for (int i = 0; Files.size(tooLarge) < 6 * 1024 * 1024 && i < 200_000; i++) {
                out.write(project + "-big-" + i + ";" + programme + ";1000.00\n");
            }
        }
        // 2 MB, more than the platform's default body limit (1 MB) and less than the uploads': it reaches commons-calls,
        // which refuses its number of lines
        Path manyLines = dir.resolve("projets-nombreux.csv");
        try (var out = Files.newBufferedWriter(manyLines, StandardCharsets.UTF_8)) {
            out.write("projectReference;programmeId;projectFunding\n");
            for (int i = 0; Files.size(manyLines) < 2 * 1024 * 1024 && i < 100_000; i++) {
                out.write(project + "-n-" + i + ";" + programme + ";1000.00\n");
            }
        }
        String refused;
        String applied;
        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/preciput/imports"));
            browser.signIn(Role.FUNDER, violations);
            // Spring Security marks the saved request it resumes with "?continue"
            assertThat(java.net.URI.create(web.getCurrentUrl()).getPath()).isEqualTo("/preciput/imports");
            assertThat(browser.text(By.id("programmes"))).contains(programme);
            browser.check(violations);

            // a file over the 5 MB cap: said in French on the form's page, nothing sent to commons-calls
            web.findElement(By.id("fichier")).sendKeys(tooLarge.toString());
            browser.clickAndWait(By.id("importer"));
            assertThat(java.net.URI.create(web.getCurrentUrl()).getPath()).isEqualTo("/preciput/imports");
            assertThat(browser.text(By.id("erreurs"))).contains("Le fichier dépasse la taille acceptée (4 Mo au plus)");
            browser.check(violations);
            web.findElement(By.id("fichier")).sendKeys(manyLines.toString());
            browser.clickAndWait(By.id("importer"));
            assertThat(browser.text(By.tagName("main"))).contains("5000 lignes");
            browser.check(violations);
            web.get(browser.url("/preciput/imports"));

            web.findElement(By.id("fichier")).sendKeys(badFile.toString());
            browser.clickAndWait(By.id("importer"));
            refused = web.getCurrentUrl();
            assertThat(browser.text(By.id("resultat"))).contains("Import refusé");
            assertThat(browser.text(By.id("ligne-3"))).contains("Ligne 3").contains("projectFunding");
            assertThat(browser.text(By.id("preleves"))).isEqualTo("0");
            browser.check(violations);
            browser.screenshot("import-preciput-refuse");

            browser.clickAndWait(By.id("nouvel-import"));
            web.findElement(By.id("fichier")).sendKeys(goodFile.toString());
            browser.clickAndWait(By.id("importer"));
            applied = web.getCurrentUrl();
            assertThat(browser.text(By.id("resultat"))).contains("Import appliqué");
            assertThat(browser.text(By.id("preleves"))).isEqualTo("2");
            browser.check(violations);

            // the coordinators' list
            web.manage().deleteAllCookies();
            web.get(browser.url("/preciput/imports"));
            browser.signIn(Role.NATIONAL_COORDINATOR, violations);
            assertThat(browser.text(By.id("derniers-imports"))).contains("projets-a-corriger.csv").contains("projets.csv");
            browser.check(violations);
        } finally {
            Files.deleteIfExists(badFile);
            Files.deleteIfExists(goodFile);
            Files.deleteIfExists(tooLarge);
            Files.deleteIfExists(manyLines);
            Files.deleteIfExists(dir);
        }
        JsonNode recorded = RealFundingServices.commonsCalls().call("GET", "/api/preciput/imports/"
                + refused.substring(refused.lastIndexOf('/') + 1), null, 200,
                RealFundingServices.token(Role.NATIONAL_COORDINATOR));
        assertThat(recorded.path("status").asString()).isEqualTo("REJECTED");
        assertThat(recorded.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(RealFundingServices.commonsCalls().call("GET", "/api/preciput/imports/"
                + applied.substring(applied.lastIndexOf('/') + 1), null, 200,
                RealFundingServices.token(Role.NATIONAL_COORDINATOR)).path("levied").asInt()).isEqualTo(2);
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }



}
