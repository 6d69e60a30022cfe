package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.portal.support.Breadcrumb;
import fr.dataterritoires.portal.support.HeldCatalogue;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The harvest pages without JavaScript, against the real dataset-search: the sources and their latest runs for
 * anyone; a national coordinator starts a run with a form, its page shows it in progress and reloads itself
 * ({@code <noscript><meta refresh>}, which a link turns off), then, once dataset-search has finished, its counts,
 * duration and the record it could not read with the reason (a catalogue of one record without a title: the
 * catalogue the other tests count stays as seeded); a second run while one is in progress is refused, and
 * so is a run started by anyone but a coordinator. Each page is compared with dataset-search's own answers.
 */
@PortalTest
class HarvestPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneSeesTheSourcesWithTheirLatestRun() throws Exception {
        JsonNode sources = RealDatasetSearch.api("/api/sources");
        assertThat(sources.size()).isGreaterThan(1);
        String page = body(mvc.perform(get("/moissons")).andReturn());
        for (JsonNode source : sources) {
            assertThat(page).contains(SearchPagesTest.escape(source.path("name").asString()));
            JsonNode latest = RealDatasetSearch.api("/api/sources/" + source.path("id").asString() + "/runs?limit=1");
            if (!latest.isEmpty()) {
                assertThat(page).contains("href=\"/moissons/" + latest.get(0).path("id").asString() + "\"");
            }
        }
        // no start button for visitors
        String one = body(mvc.perform(get("/moissons/sources/" + sources.get(0).path("id").asString())).andReturn());
        assertThat(one).doesNotContain("lancer-moisson");
    }

    @Test
    void aCoordinatorStartsARunAndFollowsItToItsCountsAndFailures() throws Exception {
        MockHttpSession coordinator = SignIn.as(mvc, Role.NATIONAL_COORDINATOR);
        try (HeldCatalogue catalogue = HeldCatalogue.declare("Catalogue d'essai")) {
            String source = "/moissons/sources/" + catalogue.sourceId();
            assertThat(body(mvc.perform(get(source).session(coordinator)).andReturn())).contains("id=\"lancer-moisson\"")
                    .contains("id=\"aucune-moisson\"");

            MvcResult started = mvc.perform(post(source + "/lancement").session(coordinator).with(csrf())).andReturn();
            String runPage = started.getResponse().getRedirectedUrl();
            assertThat(runPage).matches("/moissons/[0-9a-f-]{36}");
            String runId = runPage.substring("/moissons/".length());

            // in progress: said, followed, reloaded without JavaScript unless turned off
            String running = body(mvc.perform(get(runPage).session(coordinator).flashAttrs(started.getFlashMap()))
                    .andReturn());
            assertThat(running).contains("La moisson de la source est lancée.").contains("id=\"statut-moisson\"")
                    .contains(">En cours<").contains("role=\"status\"").contains("data-suivi=\"en-cours\"")
                    .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                    .contains("id=\"arreter-actualisation\"")
                    .containsPattern(Breadcrumb.of("Moisson", "Moissons", "/moissons", catalogue.name(), source));
            String stopped = body(mvc.perform(get(runPage).param("actualisation", "non")).andReturn());
            assertThat(stopped).contains(">En cours<").doesNotContain("http-equiv=\"refresh\"")
                    .doesNotContain("data-suivi").contains("id=\"actualiser\"");

            // a second run while this one goes on: dataset-search's refusal on the source's page
            MvcResult second = mvc.perform(post(source + "/lancement").session(coordinator).with(csrf())).andReturn();
            assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(source);
            assertThat(body(mvc.perform(get(source).session(coordinator).flashAttrs(second.getFlashMap())).andReturn()))
                    .contains("La moisson n'a pas été lancée").contains("déjà en cours");

            catalogue.release();
            JsonNode run = finished(runId);
            assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(run.path("counts").path("new").asInt()).isZero();
            assertThat(run.path("counts").path("failed").asInt()).isEqualTo(1);
            JsonNode failures = RealDatasetSearch.process().call("GET", "/api/harvest-runs/" + runId + "/failures",
                    null, 200);

            String done = body(mvc.perform(get(runPage).session(coordinator)).andReturn());
            assertThat(done).contains(">Terminée<").doesNotContain("http-equiv=\"refresh\"")
                    .doesNotContain("data-suivi").doesNotContain("arreter-actualisation")
                    .contains("id=\"nouveaux\">0<").contains("id=\"en-echec\">1<").contains("id=\"mis-a-jour\">0<")
                    .contains("Moisson terminée en ").contains("1 fiche traitée, 0 nouveau jeu, 1 fiche en échec.")
                    .contains("id=\"duree\">" + new fr.dataterritoires.portal.application.HarvestViews.Run(runId,
                            catalogue.sourceId(), "ON_DEMAND", "COMPLETED", null, null,
                            run.path("durationMs").asLong(), null, null).durationLabel() + "<")
                    .contains("id=\"echecs\"")
                    .contains(SearchPagesTest.escape(failures.path("failures").get(0).path("reason").asString()));
            assertThat(failures.path("failures").get(0).path("reason").asString()).contains("titre");

            // the source's history and the list of sources show it
            assertThat(body(mvc.perform(get(source)).andReturn())).contains("href=\"" + runPage + "\"")
                    .contains("Terminée");
            assertThat(body(mvc.perform(get("/moissons")).andReturn())).contains("href=\"" + runPage + "\"");

            // visitors see the counts, not the raw records
            String anonymous = body(mvc.perform(get(runPage)).andReturn());
            assertThat(anonymous).contains("id=\"en-echec\">1<").doesNotContain("id=\"echecs\"")
                    .contains("réservé à la coordination nationale");
        }
    }

    @Test
    void onlyACoordinatorStartsARun() throws Exception {
        MockHttpSession applicant = SignIn.as(mvc, Role.APPLICANT);
        String source = RealDatasetSearch.api("/api/sources").get(0).path("id").asString();
        int before = RealDatasetSearch.api("/api/sources/" + source + "/runs?limit=200").size();
        MvcResult refused = mvc.perform(post("/moissons/sources/" + source + "/lancement").session(applicant)
                .with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/moissons/sources/" + source);
        assertThat(body(mvc.perform(get("/moissons/sources/" + source).session(applicant)
                .flashAttrs(refused.getFlashMap())).andReturn())).contains("La moisson n'a pas été lancée");
        assertThat(RealDatasetSearch.api("/api/sources/" + source + "/runs?limit=200").size()).isEqualTo(before);
        // anonymous: to the sign-in page, nothing started
        assertThat(mvc.perform(post("/moissons/sources/" + source + "/lancement").with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).endsWith("/connexion");
    }

    /** dataset-search's run once it has ended. */
    static JsonNode finished(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode run = RealDatasetSearch.api("/api/harvest-runs/" + runId);
        while (run.path("status").asString().equals("RUNNING")) {
            assertThat(Instant.now()).as("run %s still in progress", runId).isBefore(deadline);
            Thread.sleep(300);
            run = RealDatasetSearch.api("/api/harvest-runs/" + runId);
        }
        return run;
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
