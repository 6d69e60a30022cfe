package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.portal.support.FundingPortalTest;
import fr.dataterritoires.portal.support.RealFundingServices;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The préciput import without JavaScript, against the real commons-calls: a funder uploads its file of innovation
 * projects (multipart form); one bad line and nothing is levied, the result page naming the line, its column and
 * commons-calls' reason; corrected, every line is levied and the page says how much; the same file again levies
 * nothing more. A national coordinator sees both imports listed; an applicant is refused.
 */
@FundingPortalTest
class PreciputImportPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aFileWithABadLineIsRefusedByLineThenLeviedOnceCorrected() throws Exception {
        String programme = RealFundingServices.preciputProgramme();
        MockHttpSession funder = SignIn.as(mvc, Role.FUNDER);
        assertThat(body(mvc.perform(get("/preciput/imports").session(funder)).andReturn()))
                .contains("id=\"formulaire-import\"").contains("enctype=\"multipart/form-data\"").contains(programme);

        String project = "PROJ-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = "projectReference;programmeId;projectFunding\n" + project + "-1;" + programme + ";100000.00\n"
                + project + "-2;" + programme + ";-5\n";
        MvcResult refused = upload(funder, "projets-a-corriger.csv", bad);
        String refusedPage = refused.getResponse().getRedirectedUrl();
        assertThat(refusedPage).matches("/preciput/imports/[0-9a-f-]{36}");
        JsonNode recorded = RealFundingServices.commonsCalls().call("GET", "/api/" + refusedPage.substring(1), null,
                200, RealFundingServices.token(Role.NATIONAL_COORDINATOR));
        assertThat(recorded.path("status").asString()).isEqualTo("REJECTED");
        JsonNode error = recorded.path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        String shown = body(follow(refusedPage, funder, refused));
        assertThat(shown).contains("Import refusé : rien n’a été prélevé").contains("id=\"erreurs-lignes\"")
                .contains("id=\"ligne-3\"").contains(">Ligne 3<").contains(">projectFunding<")
                .contains(SearchPagesTest.escape(error.path("message").asString())).contains("id=\"preleves\">0<");

        String good = bad.replace(";-5\n", ";20000.00\n");
        MvcResult applied = upload(funder, "projets.csv", good);
        String appliedPage = applied.getResponse().getRedirectedUrl();
        JsonNode levied = RealFundingServices.commonsCalls().call("GET", "/api/" + appliedPage.substring(1), null, 200,
                RealFundingServices.token(Role.NATIONAL_COORDINATOR));
        assertThat(levied.path("status").asString()).isEqualTo("APPLIED");
        assertThat(levied.path("levied").asInt()).isEqualTo(2);
        String done = body(follow(appliedPage, funder, applied));
        // 5 % of 120 000,00 €
        assertThat(done).contains("Import appliqué").contains("id=\"preleves\">2<").contains("id=\"lignes\">2<")
                .contains("id=\"montant\">" + new Libelles().euros("6000.00") + "<").doesNotContain("erreurs-lignes");

        MvcResult again = upload(funder, "projets.csv", good);
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(appliedPage);
        assertThat(body(follow(appliedPage, funder, again)))
                .contains("déjà été importé");

        // the coordinators' list of imports
        MockHttpSession coordinator = SignIn.as(mvc, Role.NATIONAL_COORDINATOR);
        String list = body(mvc.perform(get("/preciput/imports").session(coordinator)).andReturn());
        assertThat(list).contains("href=\"" + refusedPage + "\"").contains("href=\"" + appliedPage + "\"");
    }

    @Test
    void anApplicantCannotImportAndAnEmptyFormSaysSo() throws Exception {
        MockHttpSession applicant = SignIn.as(mvc, Role.APPLICANT);
        MvcResult refused = upload(applicant, "projets.csv", "projectReference;programmeId;projectFunding\n");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/preciput/imports");
        assertThat(body(follow("/preciput/imports", applicant, refused))).contains("Le fichier n'a pas été importé");

        MockHttpSession funder = SignIn.as(mvc, Role.FUNDER);
        MvcResult empty = mvc.perform(multipart("/preciput/imports").session(funder).with(csrf())).andReturn();
        assertThat(empty.getResponse().getRedirectedUrl()).isEqualTo("/preciput/imports");
        assertThat(body(follow("/preciput/imports", funder, empty))).contains("Choisissez un fichier");
        // no CSRF token, no import
        assertThat(mvc.perform(multipart("/preciput/imports").file(new MockMultipartFile("fichier", "p.csv",
                "text/csv", "x".getBytes(StandardCharsets.UTF_8))).session(funder)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    /** The page a POST redirected to, with what it flashed (if anything). */
    private MvcResult follow(String path, MockHttpSession session, MvcResult posted) throws Exception {
        var get = get(path).session(session);
        if (!posted.getFlashMap().isEmpty()) {
            get.flashAttrs(posted.getFlashMap());
        }
        return mvc.perform(get).andReturn();
    }

    private MvcResult upload(MockHttpSession session, String name, String content) throws Exception {
        return mvc.perform(multipart("/preciput/imports").file(new MockMultipartFile("fichier", name, "text/csv",
                content.getBytes(StandardCharsets.UTF_8))).session(session).with(csrf())).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
