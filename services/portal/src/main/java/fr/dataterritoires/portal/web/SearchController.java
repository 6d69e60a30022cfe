package fr.dataterritoires.portal.web;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import fr.dataterritoires.portal.application.DatasetCatalogue;
import fr.dataterritoires.portal.application.SearchPage;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.TerritoryChoice;
import fr.dataterritoires.portal.application.TerritoryPicker;
import fr.dataterritoires.portal.domain.Pagination;
import fr.dataterritoires.portal.domain.SearchCriteria;
import fr.dataterritoires.portal.domain.SearchFacet;

/**
 * The home page and the dataset search: one GET form (text, territory, facets as checkboxes, sort) that works
 * without JavaScript; every state of the page is a plain URL (shareable, bookmarkable, paginated by links).
 */
@Controller
public class SearchController {

    private final DatasetCatalogue catalogue;
    private final TerritoryPicker territories;

    public SearchController(DatasetCatalogue catalogue, TerritoryPicker territories) {
        this.catalogue = catalogue;
        this.territories = territories;
    }

    @GetMapping("/")
    public String home(Model model) {
        model.addAttribute("sorts", SearchCriteria.SORTS);
        return "home";
    }

    @GetMapping("/jeux-de-donnees")
    public String search(@RequestParam MultiValueMap<String, String> parameters, Model model) {
        TerritoryPicker.Resolution territory = territories.resolve(parameters.getFirst("territoire"));
        SearchCriteria criteria = new SearchCriteria(parameters.getFirst("q"), territory.key(), selected(parameters),
                parameters.getFirst("sort"), page(parameters.getFirst("page")));
        model.addAttribute("criteria", criteria);
        model.addAttribute("territory", territory);
        model.addAttribute("facets", SearchFacet.values());
        model.addAttribute("sorts", SearchCriteria.SORTS);
        try {
            SearchPage results = catalogue.search(criteria);
            model.addAttribute("results", results);
            model.addAttribute("pagination", Pagination.of(results.total(), SearchCriteria.PAGE_SIZE, criteria.page()));
        } catch (ServiceRefusal refused) {
            model.addAttribute("searchProblem", refused.detail());
        }
        model.addAttribute("links", new SearchLinks(criteria, territory.display()));
        return "search";
    }

    /** Territories matching what is typed, for the picker's script (the form works without it). */
    @GetMapping(value = "/territoires", produces = "application/json")
    @ResponseBody
    public List<TerritoryChoiceView> territories(@RequestParam(name = "q", required = false) String q) {
        if (q == null || q.strip().length() < 2) {
            return List.of();
        }
        return territories.lookUp(q).stream().map(TerritoryChoiceView::of).toList();
    }

    public record TerritoryChoiceView(String key, String label) {
        static TerritoryChoiceView of(TerritoryChoice choice) {
            return new TerritoryChoiceView(choice.key(), choice.display());
        }
    }

    private static Map<SearchFacet, Set<String>> selected(MultiValueMap<String, String> parameters) {
        Map<SearchFacet, Set<String>> selected = new EnumMap<>(SearchFacet.class);
        parameters.forEach((name, values) -> SearchFacet.byParameter(name)
                .ifPresent(facet -> selected.put(facet, new LinkedHashSet<>(values))));
        return selected;
    }

    private static int page(String raw) {
        try {
            return raw == null ? 1 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
