package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.SignIn;

/**
 * A browser meeting an error gets the portal's page in French, with its status, never the platform's problem+json
 * (which the services' APIs answer): an address naming no page, a malformed one, a method a page does not take.
 * RoadmapJourneysTest checks in Chromium the 403 of a form sent without its CSRF token, which goes through /error.
 */
@PortalTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAddressNamingNoPageIsTheNotFoundPage() throws Exception {
        // signed in: a visitor is first asked to sign in, as for every page that is not public
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        assertPage(mvc.perform(get("/jeux-de-donnees-inexistants/page").session(member)).andReturn(), 404,
                "Page non trouvée");
    }

    @Test
    void aMalformedIdentifierIsABadAddressPage() throws Exception {
        assertPage(mvc.perform(get("/feuilles-de-route/pas-un-identifiant")).andReturn(), 400, "Adresse incorrecte");
    }

    @Test
    void aMethodThePageDoesNotTakeIsSaidSo() throws Exception {
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        assertPage(mvc.perform(delete("/accessibilite").session(member).with(csrf())).andReturn(), 405,
                "Action impossible sur cette page");
    }

    private static void assertPage(MvcResult result, int status, String title) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"fr\"").contains("<title>" + title + " - Data Territoires</title>")
                .contains("<h1>" + title + "</h1>").contains("Erreur " + status).doesNotContain("problem");
    }
}
