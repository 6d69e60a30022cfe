package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;

/**
 * The main journeys in a real browser (Debian's Chromium, headless) against the real dataset-search: the public
 * visitor with JavaScript off (search, facets, territory, dataset page, and the access request form's refusals), and
 * an applicant with JavaScript on (territory suggestions, sign-in, access request sent). axe-core checks every page
 * the JavaScript journey visits: no serious or critical violation. Screenshots of the main pages go to
 * target/screenshots ({@code make screenshots}: docs/screenshots).
 */
@PortalTest
class BrowserJourneysTest {

    @LocalServerPort
    int port;

    @Test
    void aVisitorWithoutJavaScriptSearchesFiltersAndReadsADataset() {
        String restricted = RealDatasetSearch.restrictedDatasetId();
        long restrictedCount = RealDatasetSearch.api("/api/datasets?accessLevel=RESTRICTED&size=1").path("total")
                .asLong();
        try (Browser browser = Browser.start(port, false)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/"));
            assertThat(web.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            web.findElement(By.id("recherche-accueil")).sendKeys("");
            browser.clickAndWait(By.cssSelector(".fr-search-bar button"));
            assertThat(web.getCurrentUrl()).contains("/jeux-de-donnees");
            assertThat(web.findElement(By.id("resultats")).getText())
                    .isEqualTo(RealDatasetSearch.total() + " jeux de données");

            // a facet: the checkbox, then the submit button (no script does it)
            WebElement box = web.findElement(By.cssSelector("input[name=accessLevel][value=RESTRICTED]"));
            web.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
            browser.clickAndWait(By.xpath("//button[normalize-space()='Appliquer les filtres']"));
            assertThat(web.getCurrentUrl()).contains("accessLevel=RESTRICTED");
            assertThat(web.findElement(By.id("resultats")).getText())
                    .startsWith(restrictedCount + " jeu");

            // a territory typed by its code
            WebElement territory = web.findElement(By.id("territoire"));
            territory.clear();
            territory.sendKeys("69123");
            browser.clickAndWait(By.xpath("//button[normalize-space()='Appliquer les filtres']"));
            assertThat(web.findElement(By.id("territoire")).getAttribute("value")).isEqualTo("Lyon (Commune 69123)");

            // the restricted dataset, its procedure, then the request form after signing in
            web.get(browser.url("/jeux-de-donnees/" + restricted));
            assertThat(web.findElement(By.id("niveau-acces")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("procedure-acces")).getText()).isNotBlank();
            browser.clickAndWait(By.id("demander-acces"));
            assertThat(web.getCurrentUrl()).endsWith("/connexion");
            browser.clickAndWait(By.id("connexion-developpement"));
            assertThat(web.getCurrentUrl()).contains("/dev-issuer/authorize").contains("code_challenge=");
            web.findElement(By.cssSelector("label[for=role-APPLICANT]")).click();
            browser.clickAndWait(By.id("connexion-demo"));
            assertThat(web.getCurrentUrl()).contains("/jeux-de-donnees/" + restricted + "/demande-acces");
            web.findElement(By.id("requesterName")).clear();
            browser.clickAndWait(By.id("envoyer"));
            assertThat(web.findElement(By.id("erreurs")).getText()).contains("Votre demande n'a pas été envoyée");
            assertThat(web.findElement(By.id("purpose-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("requesterName-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("requesterName")).getAttribute("aria-describedby"))
                    .isEqualTo("requesterName-erreur");
        }
    }

    @Test
    void anApplicantRequestsAccessAndEveryPageIsAccessible() {
        String restricted = RealDatasetSearch.restrictedDatasetId();
        String open = RealDatasetSearch.ids(RealDatasetSearch.api("/api/datasets?accessLevel=OPEN&size=1")).getFirst();
        List<String> violations = new ArrayList<>();
        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(20));

            browser.visit("/", violations);
            browser.screenshot("accueil");

            browser.visit("/jeux-de-donnees", violations);
            WebElement territory = web.findElement(By.id("territoire"));
            territory.sendKeys("Lyo");
            wait.until(d -> !d.findElements(By.cssSelector("#territoires-proposes option")).isEmpty());
            assertThat(web.findElements(By.cssSelector("#territoires-proposes option")))
                    .anySatisfy(o -> assertThat(o.getAttribute("value")).isEqualTo("Lyon (Commune 69123)"));
            browser.screenshot("recherche");
            browser.visit("/jeux-de-donnees?territoire=Xqzwvkjh", violations);
            browser.visit("/jeux-de-donnees?territoire=Saint-Denis", violations);
            browser.visit("/jeux-de-donnees?accessLevel=RESTRICTED&page=1", violations);

            browser.visit("/jeux-de-donnees/" + open, violations);
            browser.visit("/jeux-de-donnees/" + restricted, violations);
            browser.screenshot("jeu-de-donnees");

            browser.clickAndWait(By.id("demander-acces"));
            browser.check(violations);
            browser.screenshot("connexion");
            browser.clickAndWait(By.id("connexion-developpement"));
            browser.check(violations);
            browser.screenshot("emetteur-de-developpement");
            web.findElement(By.cssSelector("label[for=role-APPLICANT]")).click();
            browser.clickAndWait(By.id("connexion-demo"));
            assertThat(web.getCurrentUrl()).contains("/demande-acces");
            browser.check(violations);

            browser.clickAndWait(By.id("envoyer"));
            assertThat(web.findElement(By.id("erreurs")).isDisplayed()).isTrue();
            browser.check(violations);
            browser.screenshot("demande-acces-erreurs");

            String purpose = "Observatoire régional des mobilités " + UUID.randomUUID();
            web.findElement(By.id("requesterEmail")).sendKeys("nathan.richard@example.fr");
            web.findElement(By.id("purpose")).sendKeys(purpose);
            LocalDate start = LocalDate.now().plusDays(7);
            web.executeScript("document.getElementById('wishedStart').value = arguments[0];"
                    + "document.getElementById('wishedEnd').value = arguments[1];",
                    start.toString(), start.plusMonths(3).toString());
            browser.clickAndWait(By.id("envoyer"));
            assertThat(web.getCurrentUrl()).endsWith("/demandes-acces");
            assertThat(web.findElement(By.id("demande-envoyee")).getText()).contains("Demande envoyée");
            browser.check(violations);
            browser.screenshot("mes-demandes");

            browser.visit("/accessibilite", violations);
            browser.visit("/jeux-de-donnees/" + UUID.randomUUID(), violations);
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void theAccessibilityCheckSeesWhatItMustRefuse() {
        // the same check on a page with known faults: an image without text and a field without label
        try (Browser browser = Browser.start(port, true)) {
            browser.driver().get("data:text/html;charset=utf-8,<html><body><img src='x.png'>"
                    + "<form><input type='text'></form></body></html>");
            assertThat(browser.seriousAccessibilityViolations())
                    .anySatisfy(v -> assertThat(v).startsWith("image-alt (critical)"))
                    .anySatisfy(v -> assertThat(v).startsWith("label (critical)"));
        }
    }



}
