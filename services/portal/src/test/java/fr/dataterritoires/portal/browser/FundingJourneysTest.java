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
        try (Browser browser = Browser.start(port, true)) {
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
        browser.openSignedIn("/financeur", Role.FUNDER, violations);
        browser.check(violations);
        if (!web.findElements(By.id("enregistrer-organisation")).isEmpty()) {
            web.findElement(By.id("name")).sendKeys("Agence nationale de la cohésion des territoires");
            browser.clickAndWait(By.id("enregistrer-organisation"));
        }
        browser.clickAndWait(By.id("nouvel-appel"));
        browser.check(violations);
        web.findElement(By.id("title")).sendKeys(title);
        web.findElement(By.id("budget")).sendKeys("300000.00");
        web.findElement(By.id("maxGrant")).sendKeys("100000.00");
        LocalDate today = LocalDate.now();
        browser.setValue("opensAt", today.toString());
        browser.setValue("closesAt", today.plusMonths(1).toString());
        browser.setValue("decisionDate", today.plusMonths(2).toString());
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
        assertThat(browser.text(By.id("statut-appel"))).isEqualTo("Brouillon");
        String file = web.getCurrentUrl();
        String callId = file.substring(file.lastIndexOf('/') + 1);
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(browser.text(By.id("statut-appel"))).isEqualTo("Ouvert");
        browser.check(violations);

        // the public sees it among the open calls
        web.manage().deleteAllCookies();
        browser.visit("/appels", violations);
        assertThat(web.findElement(By.linkText(title)).isDisplayed()).isTrue();
        browser.visit("/appels/" + callId, violations);
        assertThat(browser.text(By.id("grille"))).contains("Impact pour les territoires");
        browser.screenshot("appel");

        // the applicant applies: an empty form comes back with commons-calls' refusals, then the full one
        browser.openSignedIn("/appels/" + callId + "/candidater", Role.APPLICANT, violations);
        browser.check(violations);
        browser.clickAndWait(By.id("deposer"));
        assertThat(browser.text(By.id("erreurs"))).contains("Votre candidature n’a pas été déposée");
        browser.check(violations);
        web.findElement(By.id("consortium[0].name")).sendKeys("Commune de Grenoble");
        browser.select("consortium[0].type", "LOCAL_AUTHORITY");
        web.findElement(By.id("consortium[1].siren")).sendKeys(DevUsers.DEMO_HOST_SIREN);
        web.findElement(By.id("consortium[1].name")).sendKeys("Syndicat mixte numérique");
        browser.select("consortium[1].type", "MUTUALISATION_STRUCTURE");
        web.findElement(By.id("commons.title")).sendKeys(commons);
        browser.select("commons.kind", "STANDARD");
        web.findElement(By.id("requestedAmount")).sendKeys("80000.00");
        web.findElement(By.id("budget[0].label")).sendKeys("Développement");
        web.findElement(By.id("budget[0].amount")).sendKeys("100000.00");
        web.findElement(By.id("ethicsCharter")).sendKeys("Charte éthique des communs numériques des territoires");
        web.findElement(By.cssSelector("label[for=labels-1]")).click();
        web.findElement(By.cssSelector("label[for=declarations-0]")).click();
        browser.clickAndWait(By.id("deposer"));
        assertThat(browser.text(By.id("succes"))).contains("Candidature déposée");
        assertThat(browser.text(By.id("statut-candidature"))).isEqualTo("Déposée");
        assertThat(browser.text(By.id("labels"))).contains("Numérique en commun[s]");
        String applicationId = browser.text(By.id("reference"));
        browser.check(violations);
        browser.screenshot("candidature");
        browser.visit("/mes-candidatures", violations);

        // the funder closes the call, decides eligibility, starts the evaluation and names the evaluator
        web.manage().deleteAllCookies();
        browser.openSignedIn("/financeur/appels/" + callId, Role.FUNDER, violations);
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(browser.text(By.id("statut-appel"))).isEqualTo("Clos");
        web.findElement(By.cssSelector("label[for='eligible-oui-" + applicationId + "']")).click();
        web.findElement(By.id("motif-" + applicationId)).sendKeys("Consortium et commun conformes à l'appel.");
        browser.clickAndWait(By.id("decider-eligibilite-" + applicationId));
        assertThat(browser.text(By.id("candidature-" + applicationId))).contains("Éligible");
        browser.clickAndWait(By.id("etape-suivante"));
        assertThat(browser.text(By.id("statut-appel"))).isEqualTo("En évaluation");
        web.findElement(By.id("evaluateur-" + applicationId)).sendKeys("demo-evaluateur");
        web.findElement(By.id("evaluateur-siren-" + applicationId)).sendKeys("130025265");
        browser.clickAndWait(By.id("designer-" + applicationId));
        assertThat(browser.text(By.id("succes"))).contains("Évaluateur désigné");
        browser.check(violations);

        // the evaluator scores each criterion of the grid
        web.manage().deleteAllCookies();
        browser.openSignedIn("/evaluations", Role.EVALUATOR, violations);
        browser.check(violations);
        web.findElement(By.id("reference")).sendKeys(applicationId);
        browser.clickAndWait(By.id("ouvrir-evaluation"));
        browser.check(violations);
        for (String code : List.of("impact", "ouverture")) {
            web.findElement(By.id("scores[" + code + "].value")).sendKeys("8");
            web.findElement(By.id("scores[" + code + "].comment")).sendKeys("Solide et utile aux communes.");
        }
        browser.clickAndWait(By.id("enregistrer-notes"));
        assertThat(browser.text(By.id("succes"))).contains("Évaluation enregistrée");

        // the funder sees the ranking, decides, and the award is published
        web.manage().deleteAllCookies();
        browser.openSignedIn("/financeur/appels/" + callId, Role.FUNDER, violations);
        assertThat(browser.text(By.id("classement"))).contains(commons).contains("80");

        // the panel's consensus, unmotivated first: refused next to its field; then it replaces the evaluator's note
        web.findElement(By.id("consensus-note-" + applicationId)).sendKeys("82,5");
        browser.clickAndWait(By.id("enregistrer-consensus-" + applicationId));
        assertThat(browser.text(By.id("consensus-motif-" + applicationId + "-erreur"))).isNotBlank();
        assertThat(web.findElement(By.id("consensus-motif-" + applicationId)).getAttribute("aria-describedby"))
                .isEqualTo("consensus-motif-" + applicationId + "-erreur");
        assertThat(web.findElement(By.id("consensus-note-" + applicationId)).getAttribute("value")).isEqualTo("82,5");
        browser.check(violations);
        web.findElement(By.id("consensus-motif-" + applicationId)).sendKeys("Le comité relève l'ouverture du commun.");
        browser.clickAndWait(By.id("enregistrer-consensus-" + applicationId));
        assertThat(browser.text(By.id("succes"))).contains("Note de consensus enregistrée");
        assertThat(browser.text(By.id("classement"))).contains("82,5");
        browser.check(violations);
        browser.clickAndWait(By.id("decider"));
        assertThat(browser.text(By.id("statut-appel"))).isEqualTo("Décidé");
        assertThat(browser.text(By.id("subventions"))).contains(commons);
        browser.check(violations);
        browser.screenshot("financeur-appel");
        browser.clickAndWait(By.cssSelector("#subventions a"));
        browser.check(violations);
        browser.visit("/appels/" + callId, violations);
        assertThat(browser.text(By.id("decisions"))).contains(commons).contains("Lauréate");

        // public pages of the préciput and replication
        browser.visit("/preciput", violations);
        browser.visit("/initiatives", violations);
        browser.visit("/initiatives/" + RealFundingServices.initiativeId(), violations);
        assertThat(browser.text(By.id("territoires-atteints"))).isEqualTo("1");

        // an agent applies to a host offer and follows it
        web.manage().deleteAllCookies();
        browser.visit("/echanges/offres", violations);
        browser.visit("/formations", violations);
        String offer = "/echanges/offres/" + RealFundingServices.offerId();
        browser.visit(offer, violations);
        browser.clickAndWait(By.id("se-connecter-pour-candidater"));
        browser.signIn(Role.AGENT, violations);
        assertThat(java.net.URI.create(web.getCurrentUrl()).getPath()).isEqualTo(offer);
        browser.check(violations);
        web.findElement(By.id("agent.email")).sendKeys("lucas.dubois@example.gouv.fr");
        // the offer is a State service's: exchanges only lets a territorial agent cross to it
        browser.select("employerSide", "TERRITORIAL");
        web.findElement(By.id("employerRegionCode")).sendKeys("84");
        LocalDate start = LocalDate.now().plusMonths(2).plusDays(3);
        browser.setValue("startDate", start.toString());
        browser.setValue("endDate", start.plusDays(9).toString());
        web.findElement(By.id("motivation")).sendKeys("Apprendre à publier des données environnementales.");
        browser.clickAndWait(By.id("envoyer-candidature"));
        assertThat(web.getCurrentUrl()).endsWith("/echanges/mes-candidatures");
        assertThat(browser.text(By.id("candidatures-echanges")))
                .contains("Deux semaines au service de la donnée environnementale");
        browser.check(violations);

        // the agent enrols in a training by clicking, then finds the enrolment with their applications
        String training = "Animer une communauté de la donnée " + UUID.randomUUID().toString().substring(0, 8);
        String trainingId = RealFundingServices.addTraining(training);
        browser.visit("/formations", violations);
        web.findElement(By.id("courriel-" + trainingId)).sendKeys("lucas.dubois@example.gouv.fr");
        browser.select("categorie-" + trainingId, "TERRITORIAL_AGENT");
        browser.clickAndWait(By.id("inscrire-" + trainingId));
        assertThat(web.getCurrentUrl()).endsWith("/echanges/mes-candidatures");
        assertThat(browser.text(By.id("succes"))).contains("Inscription enregistrée");
        assertThat(browser.text(By.id("inscriptions"))).contains(training).contains("Inscrit");
        browser.check(violations);
        browser.screenshot("mes-echanges");
        browser.visit("/formations", violations);
        assertThat(browser.text(By.id("inscription-" + trainingId))).contains("Inscrit");
        assertThat(web.findElements(By.id("inscrire-" + trainingId))).isEmpty();
        browser.visit("/mes-donnees", violations);
        // the download link's file, as the browser fetches it with the agent's session: what exchanges holds on them
        String href = web.findElement(By.id("telecharger")).getAttribute("href");
        Object exported = web.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-disposition') + '\\n' + t)))
                  .catch(e => done('failed: ' + e));
                """, href);
        assertThat(String.valueOf(exported)).startsWith("200 attachment; filename=\"mes-donnees-echanges.json\"")
                .contains("lucas.dubois@example.gouv.fr").contains(trainingId);
        // (erasing is not clicked here: the demo agent's data is shared with the other tests of this service)
    }

    private static String callIdOf(String title) throws Exception {
        JsonNode calls = RealFundingServices.commonsCalls().call("GET", "/api/calls", null, 200, null);
        return calls.valueStream().filter(c -> c.path("title").asString().equals(title)).findFirst().orElseThrow()
                .path("id").asString();
    }








}
