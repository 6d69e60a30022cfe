package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.FundingPortalTest;
import fr.dataterritoires.portal.support.RealFundingServices;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The funding, replication and exchanges pages without JavaScript, against the real services: public pages show what
 * the services answer; forms are POST then redirect, the services' refusals shown next to their fields, CSRF
 * required.
 */
@FundingPortalTest
class FundingPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void publicPagesShowWhatTheServicesPublish() throws Exception {
        JsonNode fund = RealFundingServices.commonsCalls().call("GET", "/api/preciput/fund", null, 200, null);
        String preciput = body(mvc.perform(get("/preciput")).andReturn());
        assertThat(preciput).contains("Fonds du préciput")
                .contains(new Libelles().euros(fund.path("balance").asString()));

        String offers = body(mvc.perform(get("/echanges/offres")).andReturn());
        JsonNode offer = RealFundingServices.exchanges().call("GET", "/api/offers/" + RealFundingServices.offerId(),
                null, 200, null);
        assertThat(offers).contains(SearchPagesTest.escape(offer.path("title").asString()));

        JsonNode reach = RealFundingServices.replication().call("GET", "/api/initiatives/"
                + RealFundingServices.initiativeId() + "/reach", null, 200, null);
        String initiative = body(mvc.perform(get("/initiatives/" + RealFundingServices.initiativeId())).andReturn());
        assertThat(initiative).contains("id=\"territoires-atteints\">" + reach.path("distinctTerritories").asInt() + "<");

        JsonNode calls = RealFundingServices.commonsCalls().call("GET", "/api/calls", null, 200, null);
        long open = calls.valueStream().filter(c -> c.path("status").asString().equals("OPEN")).count();
        String listed = body(mvc.perform(get("/appels")).andReturn());
        assertThat(listed).contains(open + (open > 1 ? " appels" : " appel"));
    }

    @Test
    void aFundersCallRefusedByCommonsCallsComesBackPerField() throws Exception {
        MockHttpSession funder = SignIn.as(mvc, Role.FUNDER);
        MvcResult home = mvc.perform(get("/financeur").session(funder)).andReturn();
        if (body(home).contains("enregistrer-organisation")) {
            mvc.perform(post("/financeur/organisation").session(funder).with(csrf())
                    .param("name", "Agence nationale de la cohésion des territoires")).andReturn();
        }
        // what a browser posts: the title typed, the budget left blank, the defaults the form shows
        MvcResult refused = mvc.perform(post("/financeur/appels/nouveau").session(funder).with(csrf())
                .param("title", "Appel sans budget").param("budget", "").param("kind", "COMMONS")
                .param("coFundingRate", "0.8").param("minConsortiumSize", "2").param("reviewsPerApplication", "1")
                .param("requiredDeclarations", "charte-ethique")).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/financeur/appels/nouveau");
        String shown = body(mvc.perform(get("/financeur/appels/nouveau").session(funder)
                .flashAttrs(refused.getFlashMap())).andReturn());
        assertThat(shown).contains("L’appel n’a pas été enregistré").contains("value=\"Appel sans budget\"")
                .contains("id=\"budget-erreur\"");
    }

    @Test
    void anAgentEnrolsInATrainingByClickingAndThenSeesTheEnrolment() throws Exception {
        String title = "Piloter un projet de données " + UUID.randomUUID();
        String id = RealFundingServices.addTraining(title);

        // a visitor sees the training and the way to sign in first, not the form
        String anonymous = body(mvc.perform(get("/formations")).andReturn());
        assertThat(anonymous).contains(SearchPagesTest.escape(title))
                .contains("id=\"se-connecter-pour-s-inscrire-" + id + "\"").doesNotContain("id=\"inscrire-" + id + "\"");
        MvcResult signInFirst = mvc.perform(get("/formations/" + id + "/inscription")).andReturn();
        assertThat(signInFirst.getResponse().getRedirectedUrl()).endsWith("/connexion");
        MockHttpSession agent = SignIn.as(mvc, Role.AGENT);
        MvcResult back = mvc.perform(get("/formations/" + id + "/inscription").session(agent)).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/formations#formation-" + id);
        String form = body(mvc.perform(get("/formations").session(agent)).andReturn());
        assertThat(form).contains("id=\"inscrire-" + id + "\"").contains("name=\"name\" value=\"Lucas Dubois\"");

        // an address exchanges refuses: its words next to the field of this training's form, what was typed kept
        MvcResult refused = mvc.perform(post("/formations/" + id + "/inscription").session(agent).with(csrf())
                .param("name", "Lucas Dubois").param("email", "lucas.dubois")
                .param("learnerCategory", "TERRITORIAL_AGENT").param("regionCode", "84")).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/formations");
        String shown = body(mvc.perform(get("/formations").session(agent).flashAttrs(refused.getFlashMap())).andReturn());
        assertThat(shown).contains("id=\"courriel-" + id + "-erreur\"").contains("href=\"#courriel-" + id + "\"")
                .contains("value=\"lucas.dubois\"")
                .contains("<option value=\"TERRITORIAL_AGENT\" selected=\"selected\">");

        // the agent's category says the employer's side: enrolled in one click, with the employer's SIREN
        MvcResult enrolled = mvc.perform(post("/formations/" + id + "/inscription").session(agent).with(csrf())
                .param("name", "Lucas Dubois").param("email", "lucas.dubois@example.gouv.fr")
                .param("learnerCategory", "TERRITORIAL_AGENT").param("regionCode", "84")).andReturn();
        assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/echanges/mes-candidatures");
        String mine = body(mvc.perform(get("/echanges/mes-candidatures").session(agent)
                .flashAttrs(enrolled.getFlashMap())).andReturn());
        assertThat(mine).contains("Inscription enregistrée").contains("id=\"inscriptions\"")
                .contains(SearchPagesTest.escape(title));
        JsonNode held = RealFundingServices.exchanges().call("GET", "/api/me/enrolments", null, 200,
                RealFundingServices.token(Role.AGENT));
        assertThat(held.valueStream().filter(e -> e.path("trainingId").asString().equals(id))).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("status").asString()).isEqualTo("ENROLLED");
                    assertThat(e.path("learnerCategory").asString()).isEqualTo("TERRITORIAL_AGENT");
                    assertThat(e.path("employerSiren").asString()).isEqualTo(DevUsers.DEMO_EMPLOYER_SIREN);
                });
        // the catalogue now shows the enrolment where the form was
        String after = body(mvc.perform(get("/formations").session(agent)).andReturn());
        assertThat(after).contains("id=\"inscription-" + id + "\"").doesNotContain("id=\"inscrire-" + id + "\"");
    }

    @Test
    void anAgentDownloadsTheirDataAsExchangesExportsIt() throws Exception {
        // enrolled in a training of their own: exchanges then holds data about the agent
        String training = RealFundingServices.addTraining("Exporter ses données " + UUID.randomUUID());
        String token = RealFundingServices.token(Role.AGENT);
        RealFundingServices.exchanges().call("POST", "/api/trainings/" + training + "/enrolments",
                java.util.Map.of("name", "Lucas Dubois", "email", "lucas.dubois@exemple.fr",
                        "learnerCategory", "TERRITORIAL_AGENT", "employerSide", "TERRITORIAL"), 201, token);
        MockHttpSession agent = SignIn.as(mvc, Role.AGENT);

        MvcResult download = mvc.perform(get("/mes-donnees/export").session(agent)).andReturn();

        assertThat(download.getResponse().getStatus()).as(download.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("mes-donnees-echanges.json");
        JsonNode file = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(download.getResponse().getContentAsByteArray());
        JsonNode exported = RealFundingServices.exchanges().call("GET", "/api/me/personal-data", null, 200, token);
        assertThat(file.path("person")).isEqualTo(exported.path("person"));
        assertThat(file.path("enrolments").valueStream().map(e -> e.path("trainingId").asString())).contains(training);
    }

    @Test
    void anAgentMustConfirmTheErasureAndFormsNeedTheirCsrfToken() throws Exception {
        MockHttpSession agent = SignIn.as(mvc, Role.AGENT);
        MvcResult unconfirmed = mvc.perform(post("/mes-donnees/effacement").session(agent).with(csrf())).andReturn();
        assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo("/mes-donnees");
        String shown = body(mvc.perform(get("/mes-donnees").session(agent).flashAttrs(unconfirmed.getFlashMap()))
                .andReturn());
        assertThat(shown).contains("id=\"confirmation-erreur\"");

        MvcResult forged = mvc.perform(post("/echanges/offres/" + RealFundingServices.offerId() + "/candidater")
                .session(agent).param("motivation", "x")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
