package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.HeldCatalogue;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;
import fr.dataterritoires.portal.support.RealRoadmaps;
import tools.jackson.databind.JsonNode;

/**
 * Long work showing its progress (issue 12 §3), in Debian's Chromium against the real dataset-search and roadmaps: a
 * national coordinator starts a harvest run from its source's page and watches it, in progress then finished, on a
 * page that updates itself in place (no reload) and says so in a polite live region; without JavaScript the same page
 * reloads itself until the run ends. A committee member uploads a file of roadmap items with one bad line, sees the
 * line's error, then imports it corrected. axe-core on every page: no serious or critical violation.
 */
@PortalTest
class ProgressJourneysTest {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorStartsAHarvestAndWatchesItFinishInPlace() {
        List<String> violations = new ArrayList<>();
        try (HeldCatalogue catalogue = HeldCatalogue.declare("Catalogue suivi");
             Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            browser.visit("/moissons", violations);
            // signed in on the way to a coordinator's page; the harvest pages themselves are public
            web.get(browser.url("/coordination/priorites"));
            browser.signIn(Role.NATIONAL_COORDINATOR, violations);
            browser.visit("/moissons/sources/" + catalogue.sourceId(), violations);
            browser.clickAndWait(By.id("lancer-moisson"));
            assertThat(web.getCurrentUrl()).matches(".*/moissons/[0-9a-f-]{36}");
            assertThat(browser.text(By.id("statut-moisson"))).isEqualTo("En cours");
            assertThat(web.findElement(By.id("etat-moisson")).getAttribute("role")).isEqualTo("status");
            browser.check(violations);
            browser.screenshot("moisson-en-cours");

            // the page stays (no reload) while the script updates it to the end of the run
            WebElement page = web.findElement(By.tagName("html"));
            catalogue.release();
            new WebDriverWait(web, Duration.ofSeconds(90))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> browser.text(By.id("statut-moisson"))
                    .equals("Terminée"));
            assertThat(ExpectedConditions.stalenessOf(page).apply(web)).as("updated in place, not reloaded").isFalse();
            assertThat(browser.text(By.id("etat-moisson"))).startsWith("Moisson terminée en ")
                    .contains("1 fiche traitée, 0 nouveau jeu, 1 fiche en échec");
            assertThat(browser.text(By.id("nouveaux"))).isEqualTo("0");
            assertThat(browser.text(By.id("en-echec"))).isEqualTo("1");
            assertThat(browser.text(By.id("echecs"))).contains("titre");
            assertThat(web.findElements(By.id("arreter-actualisation"))).isEmpty();
            browser.check(violations);
            browser.screenshot("moisson-terminee");
            browser.clickAndWait(By.linkText("Toutes les moissons de cette source"));
            assertThat(browser.text(By.id("moissons"))).contains("Terminée").contains("À la demande");
            browser.check(violations);
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void withoutJavaScriptARunningHarvestsPageReloadsItselfUntilTheEnd() throws Exception {
        try (HeldCatalogue catalogue = HeldCatalogue.declare("Catalogue sans script");
             Browser browser = Browser.start(port, false)) {
            String run = RealDatasetSearch.process().call("POST", "/api/sources/" + catalogue.sourceId() + "/runs",
                    null, 202).path("id").asString();
            ChromeDriver web = browser.driver();
            web.get(browser.url("/moissons/" + run));
            assertThat(browser.text(By.id("statut-moisson"))).isEqualTo("En cours");
            // reloaded by <noscript><meta http-equiv="refresh">, still in progress
            WebElement first = web.findElement(By.tagName("html"));
            new WebDriverWait(web, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(first));
            assertThat(browser.text(By.id("statut-moisson"))).isEqualTo("En cours");
            catalogue.release();
            new WebDriverWait(web, Duration.ofSeconds(90))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> browser.text(By.id("statut-moisson"))
                    .equals("Terminée"));
            assertThat(browser.text(By.id("en-echec"))).isEqualTo("1");

            // once over it stays put
            WebElement finished = web.findElement(By.tagName("html"));
            Thread.sleep(8000);
            assertThat(ExpectedConditions.stalenessOf(finished).apply(web)).isFalse();
        }
    }

    @Test
    void aCommitteeMemberSeesTheLineErrorOfAnImportThenImportsTheFileCorrected() throws Exception {
        List<String> violations = new ArrayList<>();
        int start = RealRoadmaps.freshYear();
        String title = "Feuille de route importée " + UUID.randomUUID();
        String id = RealRoadmaps.api("POST", "/api/roadmaps/committee", Map.of("regionCode", DevUsers.DEMO_REGION,
                "startYear", start, "endYear", start + 2, "title", title), 201,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER)).path("id").asString();
        Path dir = Files.createTempDirectory("dt-portal-import");
        Path bad = Files.writeString(dir.resolve("elements-a-corriger.csv"), file(start, "12,345"),
                StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("elements.csv"), file(start, "12,35"), StandardCharsets.UTF_8);
        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/feuilles-de-route/" + id + "/edition"));
            browser.signIn(Role.COMMITTEE_MEMBER, violations);
            browser.clickAndWait(By.id("importer-elements"));
            browser.check(violations);

            web.findElement(By.id("fichier")).sendKeys(bad.toString());
            browser.clickAndWait(By.id("importer"));
            assertThat(browser.text(By.id("resultat"))).contains("Import refusé").contains("1 ligne invalide sur 2");
            assertThat(browser.text(By.id("ligne-3"))).contains("Ligne 3").contains("financialLine.amount")
                    .contains("deux décimales");
            browser.check(violations);
            browser.screenshot("import-elements-refuse");

            web.findElement(By.id("fichier")).sendKeys(good.toString());
            browser.clickAndWait(By.id("importer"));
            assertThat(browser.text(By.id("resultat"))).contains("Import appliqué").contains("2 éléments importés");
            browser.check(violations);
            browser.clickAndWait(By.id("voir-elements"));
            assertThat(browser.text(By.id("elements"))).contains("Animation du comité").contains("Acquisition de données");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
            Files.deleteIfExists(dir);
        }
        JsonNode roadmap = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER));
        assertThat(roadmap.path("items")).hasSize(2);
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    static String file(int year, String secondAmount) {
        return "reference;kind;title;weight;status;financialLine.amount;financialLine.year;financialLine.source\r\n"
                + "F1;FINANCIAL_LINE;Animation du comité;1;PLANNED;12000,00;" + year + ";STATE\r\n"
                + "F2;FINANCIAL_LINE;Acquisition de données;1;PLANNED;" + secondAmount + ";" + year + ";STATE\r\n";
    }





}
