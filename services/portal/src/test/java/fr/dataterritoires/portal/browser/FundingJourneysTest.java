package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.FundingPortalTest;
import fr.dataterritoires.portal.support.RealFundingServices;
import tools.jackson.databind.JsonNode;

/**
 * The funding and exchanges journeys in Debian's Chromium against the real commons-calls, exchanges and replication:
 * a funder opens a call for commons, an applicant applies as a consortium with an ethics charter and labels (first
 * refused, per field, then deposited), the funder decides eligibility and names an evaluator, the evaluator scores
 * with the call's grid, the funder decides and the award is published; an agent applies to a host offer and enrols
 * in a training, then finds both on their page. The public
 * pages (calls, préciput, initiatives, offers, trainings) are visited too; axe-core checks every page: no serious or
 * critical violation.
 */
@FundingPortalTest
class FundingJourneysTest {

    @LocalServerPort
    int port;

    @Test
    void aCallGoesFromOpeningToAwardAndAnAgentAppliesToAnOfferAndEnrolsInATraining() throws Exception {
        List<String> violations = new ArrayList<>();
        String title = "Socle commun des adresses " + UUID.randomUUID().toString().substring(0, 8);
        String commons = "Base adresse locale partagée " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.start(true)) {
            journey(browser, title, commons, violations);
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();

        // what commons-calls itself now says of the application
        JsonNode recorded = RealFundingServices.commonsCalls().call("GET", "/api/calls/" + callIdOf(title)
                + "/decisions", null, 200, null);
        assertThat(recorded.valueStream().filter(d -> d.path("commonsTitle").asString().equals(commons)))
                .singleElement().satisfies(d -> assertThat(d.path("outcome").asString()).isEqualTo("AWARDED"));
    }

    /** The journey; a step that fails says on which page and what the page then showed. */
    private void journey(Browser browser, String title, String commons, List<String> violations) {
        ChromeDriver web = browser.driver();
        try {
            steps(browser, title, commons, violations);
        } catch (RuntimeException | AssertionError e) {
            List<org.openqa.selenium.WebElement> main = web.findElements(By.tagName("main"));
            throw new AssertionError("on " + web.getCurrentUrl() + ", which showed:\n"
                    + (main.isEmpty() ? web.getPageSource() : main.getFirst().getText()), e);
        }
    }

    private void steps(Browser browser, String title, String commons, List<String> violations) {
        ChromeDriver web = browser.driver();

        // the funder registers their organisation, writes the call and opens it
        signIn(browser, Role.FUNDER, "/financeur");
        check(browser, violations);
        if (!web.findElements(By.id("enregistrer-organisation")).isEmpty()) {
            web.findElement(By.id("name")).sendKeys("Agence nationale de la cohésion des territoires");
            browser.clickAndWait(By.id("enregistrer-organisation"));
        }
        browser.clickAndWait(By.id("nouvel-appel"));
        check(browser, violations);
        web.findElement(By.id("title")).sendKeys(title);
        web.findElement(By.id("budget")).sendKeys("300000.00");
        web.findElement(By.id("maxGrant")).sendKeys("100000.00");
        LocalDate today = LocalDate.now();
        setValue(web, "opensAt", today.toString());
        setValue(web, "closesAt", today.plusMonths(1).toString());
        setValue(web, "decisionDate", today.plusMonths(2).toString());
        web.findElement(By.cssSelector("label[for=applicantTypes-0]")).click();
        web.findElement(By.cssSelector("label[for=applicantTypes-1]")).click();
        web.findElement(By.cssSelector("label[for=commonsKinds-0]")).click();
        web.findElement(By.id("criteria[0].code")).sendKeys("impact");
        web.findElement(By.id("criteria[0].label")).sendKeys("Impact pour les territoires");
        web.findElement(By.id("criteria[0].weight")).sendKeys("60");
        web.findElement(By.id("criteria[0].maxScore")).sendKeys("10");
        web.findElement(By.id("criteria[1].code")).sendKeys("ouverture");
        web.findElement(By.id("criteria[1].label")).sendKeys("Ouverture du commun");
        web.findElement(By.id("criteria[1].weight")).sendKeys("40");
        web.findElement(By.id("criteria[1].maxScore")).sendKeys("10");
        browser.clickAndWait(By.id("enregistrer-appel"));
        assertThat(text(web, By.id("statut-appel"))).isEqualTo("Brouillon");
        String file = web.getCurrentUrl();
        String callId = file.substring(file.lastIndexOf('/') + 1);
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(text(web, By.id("statut-appel"))).isEqualTo("Ouvert");
        check(browser, violations);

        // the public sees it among the open calls
        web.manage().deleteAllCookies();
        visit(browser, "/appels", violations);
        assertThat(web.findElement(By.linkText(title)).isDisplayed()).isTrue();
        visit(browser, "/appels/" + callId, violations);
        assertThat(text(web, By.id("grille"))).contains("Impact pour les territoires");
        browser.screenshot("appel");

        // the applicant applies: an empty form comes back with commons-calls' refusals, then the full one
        signIn(browser, Role.APPLICANT, "/appels/" + callId + "/candidater");
        check(browser, violations);
        browser.clickAndWait(By.id("deposer"));
        assertThat(text(web, By.id("erreurs"))).contains("Votre candidature n’a pas été déposée");
        check(browser, violations);
        web.findElement(By.id("consortium[0].name")).sendKeys("Commune de Grenoble");
        select(web, "consortium[0].type", "LOCAL_AUTHORITY");
        web.findElement(By.id("consortium[1].siren")).sendKeys(DevUsers.DEMO_HOST_SIREN);
        web.findElement(By.id("consortium[1].name")).sendKeys("Syndicat mixte numérique");
        select(web, "consortium[1].type", "MUTUALISATION_STRUCTURE");
        web.findElement(By.id("commons.title")).sendKeys(commons);
        select(web, "commons.kind", "STANDARD");
        web.findElement(By.id("requestedAmount")).sendKeys("80000.00");
        web.findElement(By.id("budget[0].label")).sendKeys("Développement");
        web.findElement(By.id("budget[0].amount")).sendKeys("100000.00");
        web.findElement(By.id("ethicsCharter")).sendKeys("Charte éthique des communs numériques des territoires");
        web.findElement(By.cssSelector("label[for=labels-1]")).click();
        web.findElement(By.cssSelector("label[for=declarations-0]")).click();
        browser.clickAndWait(By.id("deposer"));
        assertThat(text(web, By.id("succes"))).contains("Candidature déposée");
        assertThat(text(web, By.id("statut-candidature"))).isEqualTo("Déposée");
        assertThat(text(web, By.id("labels"))).contains("Numérique en commun[s]");
        String applicationId = text(web, By.id("reference"));
        check(browser, violations);
        browser.screenshot("candidature");
        visit(browser, "/mes-candidatures", violations);

        // the funder closes the call, decides eligibility, starts the evaluation and names the evaluator
        web.manage().deleteAllCookies();
        signIn(browser, Role.FUNDER, "/financeur/appels/" + callId);
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(text(web, By.id("statut-appel"))).isEqualTo("Clos");
        web.findElement(By.cssSelector("label[for='eligible-oui-" + applicationId + "']")).click();
        web.findElement(By.id("motif-" + applicationId)).sendKeys("Consortium et commun conformes à l'appel.");
        browser.clickAndWait(By.id("decider-eligibilite-" + applicationId));
        assertThat(text(web, By.id("candidature-" + applicationId))).contains("Éligible");
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(text(web, By.id("statut-appel"))).isEqualTo("En évaluation");
        web.findElement(By.id("evaluateur-" + applicationId)).sendKeys("demo-evaluateur");
        web.findElement(By.id("evaluateur-siren-" + applicationId)).sendKeys("130025265");
        browser.clickAndWait(By.id("designer-" + applicationId));
        assertThat(text(web, By.id("succes"))).contains("Évaluateur désigné");
        check(browser, violations);

        // the evaluator scores each criterion of the grid
        web.manage().deleteAllCookies();
        signIn(browser, Role.EVALUATOR, "/evaluations");
        check(browser, violations);
        web.findElement(By.id("reference")).sendKeys(applicationId);
        browser.clickAndWait(By.id("ouvrir-evaluation"));
        check(browser, violations);
        for (String code : List.of("impact", "ouverture")) {
            web.findElement(By.id("scores[" + code + "].value")).sendKeys("8");
            web.findElement(By.id("scores[" + code + "].comment")).sendKeys("Solide et utile aux communes.");
        }
        browser.clickAndWait(By.id("enregistrer-notes"));
        assertThat(text(web, By.id("succes"))).contains("Évaluation enregistrée");

        // the funder sees the ranking, decides, and the award is published
        web.manage().deleteAllCookies();
        signIn(browser, Role.FUNDER, "/financeur/appels/" + callId);
        assertThat(text(web, By.id("classement"))).contains(commons);
        browser.clickAndWait(By.id("decider"));
        assertThat(text(web, By.id("statut-appel"))).isEqualTo("Décidé");
        assertThat(text(web, By.id("subventions"))).contains(commons);
        check(browser, violations);
        browser.screenshot("financeur-appel");
        browser.clickAndWait(By.cssSelector("#subventions a"));
        check(browser, violations);
        visit(browser, "/appels/" + callId, violations);
        assertThat(text(web, By.id("decisions"))).contains(commons).contains("Lauréate");

        // public pages of the préciput and replication
        visit(browser, "/preciput", violations);
        visit(browser, "/initiatives", violations);
        visit(browser, "/initiatives/" + RealFundingServices.initiativeId(), violations);
        assertThat(text(web, By.id("territoires-atteints"))).isEqualTo("1");

        // an agent applies to a host offer and follows it
        web.manage().deleteAllCookies();
        visit(browser, "/echanges/offres", violations);
        visit(browser, "/formations", violations);
        String offer = "/echanges/offres/" + RealFundingServices.offerId();
        visit(browser, offer, violations);
        browser.clickAndWait(By.id("se-connecter-pour-candidater"));
        demoLogin(browser, Role.AGENT);
        assertThat(java.net.URI.create(web.getCurrentUrl()).getPath()).isEqualTo(offer);
        check(browser, violations);
        web.findElement(By.id("agent.email")).sendKeys("lucas.dubois@example.gouv.fr");
        // the offer is a State service's: exchanges only lets a territorial agent cross to it
        select(web, "employerSide", "TERRITORIAL");
        web.findElement(By.id("employerRegionCode")).sendKeys("84");
        LocalDate start = LocalDate.now().plusMonths(2).plusDays(3);
        setValue(web, "startDate", start.toString());
        setValue(web, "endDate", start.plusDays(9).toString());
        web.findElement(By.id("motivation")).sendKeys("Apprendre à publier des données environnementales.");
        browser.clickAndWait(By.id("envoyer-candidature"));
        assertThat(web.getCurrentUrl()).endsWith("/echanges/mes-candidatures");
        assertThat(text(web, By.id("candidatures-echanges")))
                .contains("Deux semaines au service de la donnée environnementale");
        check(browser, violations);

        // the agent enrols in a training by clicking, then finds the enrolment with their applications
        String training = "Animer une communauté de la donnée " + UUID.randomUUID().toString().substring(0, 8);
        String trainingId = RealFundingServices.addTraining(training);
        visit(browser, "/formations", violations);
        web.findElement(By.id("courriel-" + trainingId)).sendKeys("lucas.dubois@example.gouv.fr");
        select(web, "categorie-" + trainingId, "TERRITORIAL_AGENT");
        browser.clickAndWait(By.id("inscrire-" + trainingId));
        assertThat(web.getCurrentUrl()).endsWith("/echanges/mes-candidatures");
        assertThat(text(web, By.id("succes"))).contains("Inscription enregistrée");
        assertThat(text(web, By.id("inscriptions"))).contains(training).contains("Inscrit");
        check(browser, violations);
        browser.screenshot("mes-echanges");
        visit(browser, "/formations", violations);
        assertThat(text(web, By.id("inscription-" + trainingId))).contains("Inscrit");
        assertThat(web.findElements(By.id("inscrire-" + trainingId))).isEmpty();
        visit(browser, "/mes-donnees", violations);
    }

    private static String callIdOf(String title) throws Exception {
        JsonNode calls = RealFundingServices.commonsCalls().call("GET", "/api/calls", null, 200, null);
        return calls.valueStream().filter(c -> c.path("title").asString().equals(title)).findFirst().orElseThrow()
                .path("id").asString();
    }

    /** Through the portal's sign-in: the development issuer's page, a demo user, back to {@code path}. */
    private void signIn(Browser browser, Role role, String path) {
        ChromeDriver web = browser.driver();
        web.get(url(path));
        if (web.getCurrentUrl().endsWith("/connexion")) {
            demoLogin(browser, role);
        }
        // Spring Security marks the saved request it resumes with "?continue"
        assertThat(java.net.URI.create(web.getCurrentUrl()).getPath()).isEqualTo(path);
    }

    /** On the sign-in page: the development issuer, a demo user of {@code role}. */
    private static void demoLogin(Browser browser, Role role) {
        browser.clickAndWait(By.id("connexion-developpement"));
        browser.driver().findElement(By.cssSelector("label[for=role-" + role.name() + "]")).click();
        browser.clickAndWait(By.id("connexion-demo"));
    }

    /** What the page says there, as written (DSFR badges show it in capitals), spaces collapsed. */
    private static String text(ChromeDriver web, By element) {
        return web.findElement(element).getDomProperty("textContent").replaceAll("\\s+", " ").strip();
    }

    private static void setValue(ChromeDriver web, String id, String value) {
        web.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static void select(ChromeDriver web, String id, String value) {
        new org.openqa.selenium.support.ui.Select(web.findElement(By.id(id))).selectByValue(value);
    }

    private void visit(Browser browser, String path, List<String> violations) {
        browser.driver().get(url(path));
        check(browser, violations);
    }

    private static void check(Browser browser, List<String> violations) {
        browser.seriousAccessibilityViolations().forEach(v -> violations.add(browser.driver().getCurrentUrl()
                + " — " + v));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
