package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealRoadmaps;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The import of a roadmap's items without JavaScript, against the real roadmaps service: a file with one bad line is
 * checked, then refused, each time naming the line, its column and the service's reason, nothing imported; corrected,
 * every line is imported as one new version and the page says so.
 */
@PortalTest
class RoadmapImportPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aBadLineIsNamedAndNothingIsImportedUntilItIsCorrected() throws Exception {
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        String id = roadmap(mvc, member);
        String page = "/feuilles-de-route/" + id + "/import";
        assertThat(body(mvc.perform(get("/feuilles-de-route/" + id + "/edition").session(member)).andReturn()))
                .contains("href=\"" + page + "\"");
        assertThat(body(mvc.perform(get(page).session(member)).andReturn())).contains("enctype=\"multipart/form-data\"")
                .contains("id=\"verifier\"").contains("id=\"importer\"");

        int year = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER)).path("startYear").asInt();
        String bad = file(year, "12,345");

        // checked only: the bad line named, nothing imported
        MvcResult checked = upload(member, id, 1, "verifier", "elements.csv", bad);
        assertThat(checked.getResponse().getRedirectedUrl()).isEqualTo(page);
        String checkedPage = body(mvc.perform(get(page).session(member).flashAttrs(checked.getFlashMap())).andReturn());
        assertThat(checkedPage).contains("Fichier vérifié : des lignes sont à corriger").contains("1 ligne invalide sur 2")
                .contains("id=\"ligne-3\"").contains(">Ligne 3<").contains(">financialLine.amount<")
                .contains("deux décimales");

        // imported: refused whole, the same line named
        MvcResult refused = upload(member, id, 1, "importer", "elements.csv", bad);
        String refusedPage = body(mvc.perform(get(page).session(member).flashAttrs(refused.getFlashMap())).andReturn());
        assertThat(refusedPage).contains("Import refusé : rien n’a été importé").contains("id=\"ligne-3\"")
                .contains("deux décimales");
        JsonNode unchanged = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER));
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("items")).isEmpty();

        // corrected: checked valid, then imported as one version
        String good = file(year, "12,35");
        MvcResult valid = upload(member, id, 1, "verifier", "elements.csv", good);
        assertThat(body(mvc.perform(get(page).session(member).flashAttrs(valid.getFlashMap())).andReturn()))
                .contains("Fichier vérifié : rien n’a encore été importé").doesNotContain("erreurs-lignes");
        MvcResult imported = upload(member, id, 1, "importer", "elements.csv", good);
        String importedPage = body(mvc.perform(get(page).session(member).flashAttrs(imported.getFlashMap()))
                .andReturn());
        JsonNode roadmap = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER));
        assertThat(roadmap.path("version").asLong()).isEqualTo(2);
        assertThat(roadmap.path("items")).hasSize(2);
        assertThat(importedPage).contains("Import appliqué").contains("2 éléments importés")
                .contains("compte maintenant 2 éléments");

        // a stale version (the page read before the import): the service's refusal, as the file's error
        MvcResult stale = upload(member, id, 1, "importer", "elements.csv", good);
        assertThat(body(mvc.perform(get(page).session(member).flashAttrs(stale.getFlashMap())).andReturn()))
                .contains(">Fichier<").contains("version 2");
    }

    /** Two financial lines; the second one's amount as given. */
    static String file(int year, String secondAmount) {
        return "reference;kind;title;weight;status;financialLine.amount;financialLine.year;financialLine.source\r\n"
                + "F1;FINANCIAL_LINE;Animation du comité;1;PLANNED;12000,00;" + year + ";STATE\r\n"
                + "F2;FINANCIAL_LINE;Acquisition de données;1;PLANNED;" + secondAmount + ";" + year + ";STATE\r\n";
    }

    /** A new committee roadmap of the member's région, through the pages; its id. */
    static String roadmap(MockMvc mvc, MockHttpSession member) throws Exception {
        int start = RealRoadmaps.freshYear();
        MvcResult created = mvc.perform(post("/mes-feuilles-de-route").session(member).with(csrf())
                .param("title", "Feuille de route importée " + UUID.randomUUID())
                .param("startYear", String.valueOf(start)).param("endYear", String.valueOf(start + 2))).andReturn();
        String edit = created.getResponse().getRedirectedUrl();
        assertThat(edit).matches("/feuilles-de-route/[0-9a-f-]{36}/edition");
        return edit.split("/")[2];
    }

    private MvcResult upload(MockHttpSession session, String id, long version, String action, String name,
                             String content) throws Exception {
        return mvc.perform(multipart("/feuilles-de-route/" + id + "/import")
                .file(new MockMultipartFile("fichier", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                .param("version", String.valueOf(version)).param("action", action).session(session).with(csrf()))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
