package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealDatasetSearch;
import tools.jackson.databind.JsonNode;

/** The search pages against the real dataset-search: what they show is what its API answers. */
@PortalTest
class SearchPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theWholeCatalogueIsListedTenByTenWithItsCount() throws Exception {
        JsonNode api = RealDatasetSearch.api("/api/datasets?page=1&size=10");
        long total = api.path("total").asLong();
        assertThat(total).isEqualTo(RealDatasetSearch.total()).isGreaterThan(10);

        String html = page("/jeux-de-donnees", 200);
        assertThat(html).contains(total + " jeux de données");
        for (JsonNode d : api.path("datasets")) {
            assertThat(html).contains("/jeux-de-donnees/" + d.path("id").asString())
                    .contains(escape(d.path("title").asString()));
        }
        assertThat(html).contains("aria-label=\"Pagination\"").contains("page=2");

        JsonNode second = RealDatasetSearch.api("/api/datasets?page=2&size=10");
        String page2 = page("/jeux-de-donnees?page=2", 200);
        for (JsonNode d : second.path("datasets")) {
            assertThat(page2).contains("/jeux-de-donnees/" + d.path("id").asString());
        }
        assertThat(page2).contains("title=\"Page 2\" aria-current=\"page\"");
    }

    @Test
    void facetsAreCheckboxesWithCountsAndSeveralValuesWidenTheSearch() throws Exception {
        JsonNode all = RealDatasetSearch.api("/api/datasets?size=1");
        List<String> levels = new ArrayList<>();
        all.path("facets").path("accessLevels").forEach(v -> levels.add(v.path("value").asString()));
        assertThat(levels).contains("RESTRICTED");

        String html = page("/jeux-de-donnees", 200);
        assertThat(html).contains("type=\"checkbox\" name=\"accessLevel\" value=\"RESTRICTED\"");
        for (JsonNode v : all.path("facets").path("accessLevels")) {
            long count = v.path("count").asLong();
            assertThat(html).contains(count + " jeu" + (count > 1 ? "x" : ""));
        }

        long restricted = RealDatasetSearch.api("/api/datasets?accessLevel=RESTRICTED&size=1").path("total").asLong();
        String narrowed = page("/jeux-de-donnees?accessLevel=RESTRICTED", 200);
        assertThat(narrowed).contains(restricted + " jeu" + (restricted > 1 ? "x" : "") + " de données");
        assertThat(checked(narrowed, "accessLevel", "RESTRICTED")).isTrue();

        String both = "accessLevel=RESTRICTED&accessLevel=" + levels.stream().filter(l -> !l.equals("RESTRICTED"))
                .findFirst().orElseThrow();
        long either = RealDatasetSearch.api("/api/datasets?" + both + "&size=1").path("total").asLong();
        assertThat(either).isGreaterThan(restricted);
        assertThat(page("/jeux-de-donnees?" + both, 200)).contains(either + " jeux de données");
    }

    @Test
    void aTerritoryIsPickedByCodeOrNameAndAmbiguousNamesAskWhichOne() throws Exception {
        String byCode = page("/jeux-de-donnees?territoire=69123", 200);
        assertThat(byCode).contains("value=\"Lyon (Commune 69123)\"")
                .contains("Retirer le territoire Lyon (Commune 69123)");
        long inLyon = RealDatasetSearch.api("/api/datasets?territory=commune:69123&size=1").path("total").asLong();
        assertThat(byCode).contains(inLyon == 0 ? "Aucun jeu de données" : inLyon + " jeu");

        String region = page("/jeux-de-donnees?territoire=Bretagne", 200);
        assertThat(region).contains("(Région 53)");

        String ambiguous = page("/jeux-de-donnees?territoire=Saint-Denis", 200);
        assertThat(ambiguous).contains("id=\"territoires-a-preciser\"").contains("territoire=commune:");

        String unknown = page("/jeux-de-donnees?territoire=Xqzwvkjh", 200);
        assertThat(unknown).contains("Aucun territoire ne correspond à « Xqzwvkjh »")
                .contains("fr-input-group--error").contains("aria-describedby=\"territoire-erreur\"");

        String suggestions = page("/territoires?q=Lyon", 200);
        assertThat(suggestions).contains("\"key\":\"commune:69123\"");
    }

    @Test
    void aParameterDatasetSearchRefusesIsExplainedInFrench() throws Exception {
        String html = page("/jeux-de-donnees?format=" + "x".repeat(60), 200);
        assertThat(html).contains("Recherche impossible").contains("format");
    }

    @Test
    void theHomePageIsInFrenchWithTheStateHeaderAndSkipLinks() throws Exception {
        String html = page("/", 200);
        assertThat(html).contains("<html lang=\"fr\"").contains("République<br>française")
                .contains("Data Territoires").contains("class=\"fr-skiplinks\"").contains("/dsfr/dsfr.min.css");
        assertThat(page("/dsfr/dsfr.min.css", 200)).contains(".fr-header");
        assertThat(page("/dsfr/utility/icons/icons.min.css", 200)).contains("fr-icon-");
    }

    private String page(String uri, int status) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andReturn();
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
        return normalise(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean checked(String html, String name, String value) {
        int at = html.indexOf("name=\"" + name + "\" value=\"" + value + "\"");
        int end = html.indexOf('>', at);
        return at >= 0 && html.substring(at, end).contains("checked");
    }

    /** Text as the page shows it (Thymeleaf escapes the apostrophes it writes, not those of the templates). */
    static String escape(String text) {
        return normalise(HtmlUtils.htmlEscape(text, "UTF-8"));
    }

    static String normalise(String html) {
        return html.replace("&#39;", "'");
    }
}
