package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;
import tools.jackson.databind.JsonNode;

/** The dataset page shows dataset-search's detail: quality with each named criterion, access level and procedure. */
@PortalTest
class DatasetPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyDatasetShowsItsQualityCriteriaMetOrNot() throws Exception {
        for (String id : RealDatasetSearch.ids(RealDatasetSearch.api("/api/datasets?size=5"))) {
            JsonNode detail = RealDatasetSearch.api("/api/datasets/" + id);
            String html = page("/jeux-de-donnees/" + id, 200);
            JsonNode d = detail.path("description");
            assertThat(html).contains(SearchPagesTest.escape(d.path("title").asString()))
                    .contains(SearchPagesTest.escape(d.path("access").path("label").asString()));
            JsonNode criteria = detail.path("quality").path("criteria");
            assertThat(criteria.size()).isEqualTo(7);
            int met = 0;
            for (JsonNode c : criteria) {
                String shown = SearchPagesTest.escape(c.path("label").asString()) + "</span> :\n          "
                        + "<span class=\"fr-text--bold\">" + (c.path("met").asBoolean() ? "respecté" : "non respecté");
                assertThat(html).as(id).contains(shown);
                met += c.path("met").asBoolean() ? 1 : 0;
            }
            long percent = Math.round(detail.path("quality").path("score").asDouble() * 100);
            assertThat(html).contains("Score : " + percent + " % (" + met + " critères respectés sur 7)");
        }
    }

    @Test
    void aRestrictedDatasetShowsItsAccessProcedureAndTheRequestLink() throws Exception {
        String id = RealDatasetSearch.restrictedDatasetId();
        JsonNode detail = RealDatasetSearch.api("/api/datasets/" + id);
        assertThat(detail.path("description").path("access").path("level").asString()).isEqualTo("RESTRICTED");
        String html = page("/jeux-de-donnees/" + id, 200);
        assertThat(html).contains("Procédure d'accès").contains("id=\"procedure-acces\"")
                .contains("href=\"/jeux-de-donnees/" + id + "/demande-acces\"")
                .contains("Direction interministérielle du numérique");
    }

    @Test
    void unknownAndMalformedIdsGiveFrenchErrorPages() throws Exception {
        String unknown = page("/jeux-de-donnees/" + UUID.randomUUID(), 404);
        assertThat(unknown).contains("Page non trouvée").contains("<html lang=\"fr\"");
        String malformed = page("/jeux-de-donnees/pas-un-identifiant", 400);
        assertThat(malformed).contains("Erreur 400");
    }

    private String page(String uri, int status) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andReturn();
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
