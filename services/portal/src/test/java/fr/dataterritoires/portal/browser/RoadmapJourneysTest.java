package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealRoadmaps;
import tools.jackson.databind.JsonNode;

/**
 * The roadmap journey in a real browser (Debian's Chromium, headless) against the real roadmaps service: a committee
 * member signs in, files a roadmap (a refused item first, then a financial line and a use case with a milestone, its
 * title refused first), puts the line under the use case with a weight, records progress and submits it; the
 * national coordinator takes it up, arbitrates and publishes it, then reads the consolidation and the national
 * priorities; a visitor without JavaScript finds it by région. axe-core checks every page visited: no
 * serious or critical violation.
 */
@PortalTest
class RoadmapJourneysTest {

    @LocalServerPort
    int port;

    @Test
    void aRoadmapIsFiledArbitratedPublishedThenFoundByRegion() {
        List<String> violations = new ArrayList<>();
        int start = RealRoadmaps.freshYear();
        String title = "Feuille de route Auvergne-Rhône-Alpes " + UUID.randomUUID();
        String id;

        try (Browser browser = Browser.start(true)) {
            ChromeDriver web = browser.driver();
            visit(browser, "/feuilles-de-route", violations);
            browser.screenshot("feuilles-de-route");

            // the committee member signs in on the way to their roadmaps
            web.get(url("/mes-feuilles-de-route"));
            signIn(browser, Role.COMMITTEE_MEMBER, violations);
            assertThat(web.getCurrentUrl()).contains("/mes-feuilles-de-route");
            check(browser, violations);

            web.findElement(By.id("title")).sendKeys(title);
            web.findElement(By.id("startYear")).sendKeys(String.valueOf(start));
            web.findElement(By.id("endYear")).sendKeys(String.valueOf(start + 2));
            browser.clickAndWait(By.id("creer"));
            assertThat(web.getCurrentUrl()).endsWith("/edition");
            id = web.getCurrentUrl().split("/")[4];
            assertThat(web.findElement(By.id("succes")).getText()).contains("est créée");
            check(browser, violations);

            // a financial line sent empty: the refusals, then the line
            browser.clickAndWait(By.id("ajouter-FINANCIAL_LINE"));
            check(browser, violations);
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("erreurs")).getText()).contains("La demande n'a pas été enregistrée");
            assertThat(web.findElement(By.id("title-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("financialLine-amount")).getAttribute("aria-describedby"))
                    .isEqualTo("financialLine-amount-erreur");
            check(browser, violations);
            browser.screenshot("feuille-de-route-element-erreurs");
            web.findElement(By.id("title")).sendKeys("Animation du comité territorial");
            web.findElement(By.id("financialLine-amount")).sendKeys("24 000");
            web.findElement(By.id("financialLine-year")).sendKeys(String.valueOf(start));
            new Select(web.findElement(By.id("financialLine-source"))).selectByVisibleText("État");
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.getCurrentUrl()).endsWith("/edition");

            // a use case with a milestone: its title forgotten first, refused next to it
            browser.clickAndWait(By.id("ajouter-USE_CASE"));
            web.findElement(By.id("title")).sendKeys("Observatoire des mobilités du quotidien");
            web.findElement(By.id("useCase-policyDomain")).sendKeys("mobilités");
            web.findElement(By.id("useCase-territory")).sendKeys("departement:69");
            web.findElement(By.id("useCase-expectedOutcome")).sendKeys("Les trajets domicile-travail mieux connus");
            setValue(web, "jalon-0-date", start + "-03-15");
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("jalon-0-titre-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("jalon-0-titre")).getAttribute("aria-describedby"))
                    .isEqualTo("jalon-0-titre-erreur");
            check(browser, violations);
            web.findElement(By.id("jalon-0-titre")).sendKeys("Atelier de lancement");
            web.findElement(By.cssSelector("label[for=jalon-0-atteint]")).click();
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("elements")).getText()).contains("Observatoire des mobilités du quotidien")
                    .contains("Animation du comité territorial").contains("Atelier de lancement (atteint)");

            // the financial line goes under the use case, with a weight
            browser.clickAndWait(By.id("modifier-0"));
            new Select(web.findElement(By.id("parentId")))
                    .selectByVisibleText("Observatoire des mobilités du quotidien (Cas d'usage prioritaire)");
            web.findElement(By.id("weight")).clear();
            web.findElement(By.id("weight")).sendKeys("2");
            check(browser, violations);
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("elements")).getText())
                    .contains("Sous-élément de « Observatoire des mobilités du quotidien », poids 2");
            // the use case's page lists its sub-item; its progress is theirs
            browser.clickAndWait(By.id("modifier-1"));
            assertThat(web.findElement(By.id("sous-elements")).getText()).contains("Animation du comité territorial");
            check(browser, violations);
            browser.screenshot("feuille-de-route-element-sous-elements");
            web.get(url("/feuilles-de-route/" + id + "/edition"));

            // progress of the financial line (first row), which the use case (second row) takes
            assertThat(web.findElements(By.id("avancement-1"))).isEmpty();
            new Select(web.findElement(By.id("statut-0"))).selectByVisibleText("En cours");
            web.findElement(By.id("avancement-0")).sendKeys("30");
            browser.clickAndWait(By.id("suivi-0"));
            assertThat(web.findElement(By.id("succes")).getText()).contains("L'avancement est enregistré");
            check(browser, violations);
            browser.screenshot("feuille-de-route-edition");
            browser.clickAndWait(By.id("soumettre"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Soumise");
            check(browser, violations);
        }
        JsonNode submitted = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.NATIONAL_COORDINATOR));
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("regionCode").asString()).isEqualTo(DevUsers.DEMO_REGION);
        assertThat(submitted.path("items").size()).isEqualTo(2);
        JsonNode useCase = submitted.path("items").valueStream().filter(i -> i.path("kind").asString().equals("USE_CASE"))
                .findFirst().orElseThrow();
        assertThat(useCase.path("progress").asInt()).isEqualTo(30);
        assertThat(useCase.path("milestones")).singleElement()
                .satisfies(m -> assertThat(m.path("done").asBoolean()).isTrue());
        assertThat(submitted.path("items").valueStream().filter(i -> i.path("kind").asString().equals("FINANCIAL_LINE")))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("parentId").asString()).isEqualTo(useCase.path("id").asString());
                    assertThat(line.path("weight").asInt()).isEqualTo(2);
                });

        try (Browser browser = Browser.start(true)) {
            ChromeDriver web = browser.driver();
            web.get(url("/coordination/feuilles-de-route"));
            signIn(browser, Role.NATIONAL_COORDINATOR, violations);
            check(browser, violations);
            browser.clickAndWait(By.linkText(title));
            check(browser, violations);
            browser.clickAndWait(By.id("examiner"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("En cours d'examen");
            check(browser, violations);
            web.findElement(By.id("montant-0")).sendKeys("20000");
            web.findElement(By.id("motif-0")).sendKeys("Accordé pour deux ans, le reste par un appel à communs");
            browser.screenshot("examen-feuille-de-route");
            browser.clickAndWait(By.id("arbitrer"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Arbitrée");
            check(browser, violations);
            browser.clickAndWait(By.id("publier"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Publiée");
            check(browser, violations);

            visit(browser, "/coordination/consolidation?periode=" + start, violations);
            assertThat(web.findElement(By.id("region-" + DevUsers.DEMO_REGION)).getText()).contains(title)
                    .contains("Publiée");
            browser.screenshot("consolidation-nationale");
            visit(browser, "/coordination/priorites", violations);
        }

        // the public, without JavaScript: the régions, the région, the roadmap
        try (Browser browser = Browser.start(false)) {
            ChromeDriver web = browser.driver();
            web.get(url("/feuilles-de-route?periode=" + start));
            assertThat(web.findElements(By.cssSelector("#regions tbody tr"))).hasSize(18);
            browser.clickAndWait(By.cssSelector("a[href='/feuilles-de-route/regions/" + DevUsers.DEMO_REGION + "']"));
            browser.clickAndWait(By.linkText(title));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Publiée");
            assertThat(web.findElement(By.id("elements")).getText()).contains("Observatoire des mobilités du quotidien")
                    .contains("30 %").contains("Atelier de lancement (atteint)");
            assertThat(web.findElement(By.id("total-demande")).getText()).isEqualTo("24 000,00 €");
            assertThat(web.findElement(By.id("total-accorde")).getText()).isEqualTo("20 000,00 €");
            browser.screenshot("feuille-de-route-publiee");
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** On the sign-in page the portal sent the browser to: the development issuer, then the demo user of {@code role}. */
    private void signIn(Browser browser, Role role, List<String> violations) {
        ChromeDriver web = browser.driver();
        assertThat(web.getCurrentUrl()).endsWith("/connexion");
        check(browser, violations);
        browser.clickAndWait(By.id("connexion-developpement"));
        web.findElement(By.cssSelector("label[for=role-" + role.name() + "]")).click();
        browser.clickAndWait(By.id("connexion-demo"));
    }

    /** A date field's value, as its picker would set it. */
    private static void setValue(ChromeDriver web, String id, String value) {
        web.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void visit(Browser browser, String path, List<String> violations) {
        browser.driver().get(url(path));
        check(browser, violations);
    }

    private static void check(Browser browser, List<String> violations) {
        browser.collectAccessibilityViolations(violations);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
