package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.Breadcrumb;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The access request form without JavaScript: sign-in first (OIDC code flow with the development issuer), a plain POST, a redirect either way; dataset-search's
 * refusals shown per field, exactly as it words them; the request then recorded for the signed-in user.
 */
@PortalTest
class AccessRequestPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToSignInThenBackToTheForm() throws Exception {
        String form = "/jeux-de-donnees/" + RealDatasetSearch.restrictedDatasetId() + "/demande-acces";
        MockHttpSession session = new MockHttpSession();
        MvcResult anonymous = mvc.perform(get(form).session(session)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/connexion");

        String login = body(mvc.perform(get("/connexion").session(session)).andReturn());
        assertThat(login).contains("href=\"/oauth2/authorization/dev-issuer\"");

        assertThat(SignIn.as(mvc, session, Role.APPLICANT)).contains(form);

        String page = body(mvc.perform(get(form).session(session)).andReturn());
        assertThat(page).contains("Demande d'accès").contains("value=\"Nathan Richard\"")
                .contains("Se déconnecter (Nathan Richard)");
        String dataset = RealDatasetSearch.restrictedDatasetId();
        String datasetTitle = RealDatasetSearch.api("/api/datasets/" + dataset).path("description").path("title").asString();
        assertThat(page).containsPattern(Breadcrumb.of("Demande d'accès", "Accueil", "/",
                SearchPagesTest.escape(datasetTitle), "/jeux-de-donnees/" + dataset));

        // an open dataset needs no request: no form
        String open = RealDatasetSearch.ids(RealDatasetSearch.api("/api/datasets?accessLevel=OPEN&size=1")).getFirst();
        String openForm = body(mvc.perform(get("/jeux-de-donnees/" + open + "/demande-acces").session(session))
                .andReturn());
        assertThat(openForm).contains("se télécharge librement").doesNotContain("id=\"envoyer\"");
    }

    @Test
    void refusalsComeBackPerFieldInDatasetSearchsWordsThenAValidRequestIsRecorded() throws Exception {
        String id = RealDatasetSearch.restrictedDatasetId();
        String form = "/jeux-de-donnees/" + id + "/demande-acces";
        MockHttpSession session = signIn(Role.AGENT);

        // what dataset-search itself answers to the same empty request, as this user
        String token = RealDatasetSearch.minter().mintFor(Role.AGENT);
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("datasetId", id);
        JsonNode problem = RealDatasetSearch.process().call("POST", "/api/access-requests", empty, 400, token);

        MvcResult refused = mvc.perform(post(form).session(session).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(form);
        String shown = body(mvc.perform(get(form).session(session).flashAttrs(refused.getFlashMap())).andReturn());
        assertThat(shown).contains("Votre demande n'a pas été envoyée");
        assertThat(problem.path("errors").size()).isGreaterThanOrEqualTo(4);
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asString();
            assertThat(shown).as(field).contains("id=\"" + field + "-erreur\"").contains("href=\"#" + field + "\"")
                    .contains(SearchPagesTest.escape(error.path("message").asString()));
        }

        // a rule of the domain (dates in the wrong order) comes back next to its field too
        String purpose = "Étude de la vacance des logements " + UUID.randomUUID();
        LocalDate start = LocalDate.now().plusDays(10);
        MvcResult backwards = mvc.perform(post(form).session(session).with(csrf())
                .param("requesterName", "Lucas Dubois").param("requesterEmail", "lucas.dubois@example.gouv.fr")
                .param("purpose", purpose).param("wishedStart", start.toString())
                .param("wishedEnd", start.minusDays(5).toString())).andReturn();
        assertThat(backwards.getResponse().getRedirectedUrl()).isEqualTo(form);
        String again = body(mvc.perform(get(form).session(session).flashAttrs(backwards.getFlashMap())).andReturn());
        assertThat(again).contains("fr-input-group--error").contains(SearchPagesTest.escape(purpose));

        MvcResult accepted = mvc.perform(post(form).session(session).with(csrf())
                .param("requesterName", "Lucas Dubois").param("requesterEmail", "lucas.dubois@example.gouv.fr")
                .param("purpose", purpose).param("wishedStart", start.toString())
                .param("wishedEnd", start.plusMonths(6).toString())).andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/demandes-acces");
        String mine = body(mvc.perform(get("/demandes-acces").session(session).flashAttrs(accepted.getFlashMap()))
                .andReturn());
        assertThat(mine).contains("Demande envoyée").contains("/jeux-de-donnees/" + id);

        JsonNode recorded = RealDatasetSearch.api("/api/access-requests?view=MINE", token);
        assertThat(recorded.valueStream().filter(r -> r.path("purpose").asString().equals(purpose)))
                .singleElement().satisfies(r -> {
                    assertThat(r.path("datasetId").asString()).isEqualTo(id);
                    assertThat(r.path("organisationSiren").asString()).isEqualTo(DevUsers.DEMO_EMPLOYER_SIREN);
                });
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        MockHttpSession session = signIn(Role.APPLICANT);
        MvcResult forged = mvc.perform(post("/jeux-de-donnees/" + RealDatasetSearch.restrictedDatasetId()
                + "/demande-acces").session(session).param("purpose", "x")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    }

    private MockHttpSession signIn(Role role) throws Exception {
        return SignIn.as(mvc, role);
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
