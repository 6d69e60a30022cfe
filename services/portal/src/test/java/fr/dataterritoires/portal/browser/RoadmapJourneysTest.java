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
 * priorities; a visitor without JavaScript finds it by région. A ministry officer files the ministry's territorial
 * section (an action, its FTE refused first, and a data return), which the coordinator arbitrates, publishes and
 * finds in the ministries' consolidation. axe-core checks every page visited: no serious or critical violation.
 */
@PortalTest
class RoadmapJourneysTest {

    @LocalServerPort
    int port;

    @Test
    void aRoadmapIsFiledArbitratedPublishedThenFoundByRegion() {
        List<String> violations = new ArrayList<>();
        int start = RealRoadmaps.freshYear();
        String title = "Feuille de route Auvergne-Rhône-Alpes " + UUID.randomUUID().toString().substring(0, 8);
        String id;

        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            browser.visit("/feuilles-de-route", violations);
            browser.screenshot("feuilles-de-route");

            // the committee member signs in on the way to their roadmaps
            web.get(browser.url("/mes-feuilles-de-route"));
            browser.signIn(Role.COMMITTEE_MEMBER, violations);
            assertThat(web.getCurrentUrl()).contains("/mes-feuilles-de-route");
            browser.check(violations);

            web.findElement(By.id("title")).sendKeys(title);
            web.findElement(By.id("startYear")).sendKeys(String.valueOf(start));
            web.findElement(By.id("endYear")).sendKeys(String.valueOf(start + 2));
            browser.clickAndWait(By.id("creer"));
            assertThat(web.getCurrentUrl()).endsWith("/edition");
            id = web.getCurrentUrl().split("/")[4];
            assertThat(web.findElement(By.id("succes")).getText()).contains("est créée");
            browser.check(violations);

            // a financial line sent empty: the refusals, then the line
            browser.clickAndWait(By.id("ajouter-FINANCIAL_LINE"));
            browser.check(violations);
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("erreurs")).getText()).contains("La demande n'a pas été enregistrée");
            assertThat(web.findElement(By.id("title-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("financialLine-amount")).getAttribute("aria-describedby"))
                    .isEqualTo("financialLine-amount-erreur");
            browser.check(violations);
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
            browser.setValue("jalon-0-date", start + "-03-15");
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("jalon-0-titre-erreur")).getText()).isNotBlank();
            assertThat(web.findElement(By.id("jalon-0-titre")).getAttribute("aria-describedby"))
                    .isEqualTo("jalon-0-titre-erreur");
            browser.check(violations);
            web.findElement(By.id("jalon-0-titre")).sendKeys("Atelier de lancement");
            web.findElement(By.cssSelector("label[for=jalon-0-atteint]")).click();
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("elements")).getText()).contains("Observatoire des mobilités du quotidien")
                    .contains("Animation du comité territorial").contains("Atelier de lancement (atteint)");

            // the financial line (filed first) goes under the use case, with a weight
            JsonNode filed = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                    RealRoadmaps.token(Role.COMMITTEE_MEMBER));
            String lineId = itemId(filed, "FINANCIAL_LINE");
            String useCaseId = itemId(filed, "USE_CASE");
            browser.clickAndWait(By.id("modifier-" + lineId));
            new Select(web.findElement(By.id("parentId")))
                    .selectByVisibleText("Observatoire des mobilités du quotidien (Cas d'usage prioritaire)");
            web.findElement(By.id("weight")).clear();
            web.findElement(By.id("weight")).sendKeys("2");
            browser.check(violations);
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.findElement(By.id("elements")).getText())
                    .contains("Sous-élément de « Observatoire des mobilités du quotidien », poids 2");
            // the table is a tree: the use case, then its sub-item, indented and said to be one
            List<org.openqa.selenium.WebElement> rows = web.findElements(By.cssSelector("#elements tbody tr"));
            assertThat(rows).extracting(r -> r.getDomAttribute("id"))
                    .containsExactly("element-" + useCaseId, "element-" + lineId);
            assertThat(rows.get(1).findElement(By.tagName("th")).getDomProperty("textContent"))
                    .contains("Sous-élément de niveau 2 : Animation du comité territorial");
            // the level is read out, not shown (the indentation shows it)
            assertThat(rows.get(1).findElement(By.cssSelector("th .fr-sr-only")).getSize().getWidth())
                    .isLessThanOrEqualTo(1);
            assertThat(rows.get(0).findElements(By.cssSelector("th .fr-sr-only"))).isEmpty();
            assertThat(Double.parseDouble(rows.get(1).findElement(By.tagName("th")).getCssValue("padding-left")
                    .replace("px", ""))).isGreaterThan(Double.parseDouble(rows.get(0).findElement(By.tagName("th"))
                    .getCssValue("padding-left").replace("px", "")));
            // the use case's page lists its sub-item; its progress is theirs
            browser.clickAndWait(By.id("modifier-" + useCaseId));
            assertThat(web.findElement(By.id("sous-elements")).getText()).contains("Animation du comité territorial");
            browser.check(violations);
            browser.screenshot("feuille-de-route-element-sous-elements");
            web.get(browser.url("/feuilles-de-route/" + id + "/edition"));

            // progress of the financial line, which the use case takes (it has no field of its own)
            assertThat(web.findElements(By.id("avancement-" + useCaseId))).isEmpty();
            new Select(web.findElement(By.id("statut-" + lineId))).selectByVisibleText("En cours");
            web.findElement(By.id("avancement-" + lineId)).sendKeys("30");
            browser.clickAndWait(By.id("suivi-" + lineId));
            assertThat(web.findElement(By.id("succes")).getText()).contains("L'avancement est enregistré");
            browser.check(violations);
            browser.screenshot("feuille-de-route-edition");
            browser.clickAndWait(By.id("soumettre"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Soumise");
            browser.check(violations);
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

        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/coordination/feuilles-de-route"));
            browser.signIn(Role.NATIONAL_COORDINATOR, violations);
            browser.check(violations);
            browser.clickAndWait(By.linkText(title));
            browser.check(violations);
            browser.clickAndWait(By.id("examiner"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("En cours d'examen");
            browser.check(violations);
            web.findElement(By.id("montant-0")).sendKeys("20000");
            web.findElement(By.id("motif-0")).sendKeys("Accordé pour deux ans, le reste par un appel à communs");
            browser.screenshot("examen-feuille-de-route");
            browser.clickAndWait(By.id("arbitrer"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Arbitrée");
            browser.check(violations);
            browser.clickAndWait(By.id("publier"));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Publiée");
            browser.check(violations);

            browser.visit("/coordination/consolidation?periode=" + start, violations);
            assertThat(web.findElement(By.id("region-" + DevUsers.DEMO_REGION)).getText()).contains(title)
                    .contains("Publiée");
            browser.screenshot("consolidation-nationale");
            browser.visit("/coordination/priorites", violations);

            // the public pages the visitor below reads without JavaScript, checked here (axe-core needs a script)
            browser.visit("/feuilles-de-route/regions/" + DevUsers.DEMO_REGION, violations);
            browser.visit("/feuilles-de-route/" + id, violations);
            // a page that does not exist, and one the coordinator may not reach: the portal's error page
            browser.visit("/feuilles-de-route/" + UUID.randomUUID(), violations);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page non trouvée");
            browser.visit("/mes-feuilles-de-route/inexistante", violations);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page non trouvée");
        }

        // the public, without JavaScript: the régions, the région, the roadmap
        try (Browser browser = Browser.start(port, false)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/feuilles-de-route?periode=" + start));
            assertThat(web.findElements(By.cssSelector("#regions tbody tr"))).hasSize(18);
            browser.clickAndWait(By.cssSelector("a[href='/feuilles-de-route/regions/" + DevUsers.DEMO_REGION + "']"));
            browser.clickAndWait(By.linkText(title));
            assertThat(web.findElement(By.id("statut")).getDomProperty("textContent")).isEqualTo("Publiée");
            assertThat(web.findElement(By.id("elements")).getText()).contains("Observatoire des mobilités du quotidien")
                    .contains("30 %").contains("Atelier de lancement (atteint)");
            // read-only too, the use case comes first and its line under it, though the line was filed first
            assertThat(web.findElements(By.cssSelector("#elements tbody tr"))).extracting(r -> r.getDomAttribute("id"))
                    .containsExactly("element-" + useCase.path("id").asString(),
                            "element-" + itemId(submitted, "FINANCIAL_LINE"));
            assertThat(web.findElement(By.id("elements")).findElements(By.cssSelector("th.portal-sub-item")))
                    .singleElement().satisfies(th -> assertThat(th.getDomProperty("textContent"))
                            .contains("Sous-élément de niveau 2 : Animation du comité territorial"));
            assertThat(web.findElement(By.id("total-demande")).getText()).isEqualTo("24 000,00 €");
            assertThat(web.findElement(By.id("total-accorde")).getText()).isEqualTo("20 000,00 €");
            browser.screenshot("feuille-de-route-publiee");
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void aMinistryFilesItsTerritorialSectionThatTheCoordinatorArbitratesAndConsolidates() {
        List<String> violations = new ArrayList<>();
        int year = RealRoadmaps.freshYear();
        String title = "Section territoriale du " + DevUsers.DEMO_MINISTRY + " " + UUID.randomUUID().toString().substring(0, 8);
        String id;

        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            // the ministry officer signs in on the way to the ministry's sections
            web.get(browser.url("/mes-feuilles-de-route"));
            browser.signIn(Role.MINISTRY_OFFICER, violations);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sections territoriales de mon ministère");
            browser.check(violations);
            web.findElement(By.id("title")).sendKeys(title);
            web.findElement(By.id("year")).sendKeys(String.valueOf(year));
            browser.clickAndWait(By.id("creer"));
            assertThat(web.getCurrentUrl()).endsWith("/edition");
            id = web.getCurrentUrl().split("/")[4];
            // a ministry's section holds actions, data returns and national tools, not a région's items
            assertThat(web.findElements(By.id("ajouter-FINANCIAL_LINE"))).isEmpty();
            // each add button shows its whole label, not only its icon (the DSFR clips icon buttons in a group)
            assertThat(web.findElements(By.cssSelector("#ajouter .fr-btn"))).hasSize(3).allSatisfy(button ->
                    assertThat((Boolean) web.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth",
                            button)).as(button.getText()).isTrue());
            browser.check(violations);

            // a form sent without its CSRF token (as after a session expired): Spring Security's 403, as a page
            web.get(browser.url("/mes-feuilles-de-route"));
            web.executeScript("document.querySelectorAll('input[name=_csrf]').forEach(i => i.remove())");
            web.findElement(By.id("title")).sendKeys("Sans jeton");
            web.findElement(By.id("year")).sendKeys(String.valueOf(year + 1));
            browser.clickAndWait(By.id("creer"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Accès refusé");
            assertThat(browser.text(By.tagName("main"))).contains("rechargez la page");
            browser.check(violations);
            web.get(browser.url("/feuilles-de-route/" + id + "/edition"));

            // an action whose FTE is not a number: refused next to the field, then the action
            browser.clickAndWait(By.id("ajouter-ACTION"));
            web.findElement(By.id("title")).sendKeys("Référents données en DDT");
            web.findElement(By.id("action-territory")).sendKeys("region:84, region:93");
            web.findElement(By.id("action-deconcentratedServices")).sendKeys("DDT, DREAL");
            web.findElement(By.id("action-requestedFte")).sendKeys("deux et demi");
            web.findElement(By.id("action-requestedAmount")).sendKeys("80000");
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(browser.text(By.id("action-requestedFte-erreur"))).isNotBlank();
            assertThat(web.findElement(By.id("action-requestedFte")).getAttribute("aria-describedby"))
                    .isEqualTo("action-requestedFte-erreur");
            browser.check(violations);
            web.findElement(By.id("action-requestedFte")).clear();
            web.findElement(By.id("action-requestedFte")).sendKeys("2,5");
            browser.clickAndWait(By.id("enregistrer"));
            assertThat(web.getCurrentUrl()).endsWith("/edition");

            // the ministry's commitment to hand collected data back to local authorities sooner
            browser.clickAndWait(By.id("ajouter-DATA_RETURN"));
            web.findElement(By.id("title")).sendKeys("Retour des fichiers fonciers aux intercommunalités");
            web.findElement(By.id("dataReturn-datasetCollected")).sendKeys("Demandes de valeurs foncières");
            web.findElement(By.id("dataReturn-currentDelayDays")).sendKeys("180");
            web.findElement(By.id("dataReturn-targetDelayDays")).sendKeys("30");
            browser.check(violations);
            browser.clickAndWait(By.id("enregistrer"));
            // numbers read in French: the FTE with a decimal comma, the amount in euros
            assertThat(browser.text(By.id("elements"))).contains("Référents données en DDT")
                    .contains("Retour des fichiers fonciers aux intercommunalités")
                    .contains("2,5").doesNotContain("2.5").contains("80 000,00 €");
            browser.check(violations);
            browser.screenshot("section-ministerielle-edition");
            browser.clickAndWait(By.id("soumettre"));
            assertThat(browser.text(By.id("statut"))).isEqualTo("Soumise");
            browser.check(violations);
        }

        try (Browser browser = Browser.start(port, true)) {
            ChromeDriver web = browser.driver();
            web.get(browser.url("/coordination/feuilles-de-route"));
            browser.signIn(Role.NATIONAL_COORDINATOR, violations);
            browser.clickAndWait(By.linkText(title));
            browser.clickAndWait(By.id("examiner"));
            assertThat(browser.text(By.id("statut"))).isEqualTo("En cours d'examen");
            web.findElement(By.id("montant-0")).sendKeys("60000");
            web.findElement(By.id("etp-0")).sendKeys("2");
            web.findElement(By.id("motif-0")).sendKeys("Deux référents, financés sur deux ans");
            browser.check(violations);
            browser.clickAndWait(By.id("arbitrer"));
            assertThat(browser.text(By.id("statut"))).isEqualTo("Arbitrée");
            browser.clickAndWait(By.id("publier"));
            assertThat(browser.text(By.id("statut"))).isEqualTo("Publiée");
            browser.check(violations);

            // the ministries' resources, requested and granted, in the national consolidation
            browser.visit("/coordination/consolidation?periode=" + year, violations);
            String ministries = browser.text(By.id("ministeres"));
            assertThat(ministries).contains(DevUsers.DEMO_MINISTRY).contains("2,50").contains("2,00")
                    .contains("80 000,00 €").contains("60 000,00 €");
            assertThat(browser.text(By.id("synthese"))).contains("Avec une feuille de route pour " + year + " : ");
            web.executeScript("document.getElementById('ministeres').scrollIntoView()");
            browser.screenshot("consolidation-ministeres");
        }

        JsonNode section = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.NATIONAL_COORDINATOR));
        assertThat(section.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(section.path("ministry").asString()).isEqualTo(DevUsers.DEMO_MINISTRY);
        assertThat(section.path("items").valueStream().map(i -> i.path("kind").asString()))
                .containsExactlyInAnyOrder("ACTION", "DATA_RETURN");
        JsonNode action = section.path("items").valueStream().filter(i -> i.path("kind").asString().equals("ACTION"))
                .findFirst().orElseThrow();
        assertThat(action.path("content").path("action").path("requestedFte").decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(action.path("content").path("action").path("territory").valueStream().map(JsonNode::asString))
                .containsExactly("region:84", "region:93");
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private static String itemId(JsonNode roadmap, String kind) {
        return roadmap.path("items").valueStream().filter(i -> i.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + roadmap)).path("id").asString();
    }
}
