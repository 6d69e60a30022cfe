package fr.dataterritoires.datasetsearch.web.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.application.search.DatasetSearch;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.Labels;
import fr.dataterritoires.datasetsearch.application.search.SearchParameters;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.application.search.Suggestions;
import fr.dataterritoires.datasetsearch.application.search.UseProfile;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

/**
 * Dataset search for everyone (anonymous): full text, filters, facets, suggestions, intended uses. Multi-valued
 * filters repeat the parameter ({@code theme=Énergie&theme=Transports}: either). Every parameter is checked; an
 * unknown parameter name is refused too, so that a misspelt filter never silently widens a search.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
public class DatasetSearchController {

    static final Set<String> SEARCH_PARAMETERS = Set.of("q", "territory", "theme", "producerType", "organisation",
            "accessLevel", "schema", "format", "licence", "updatedSince", "use", "sort", "page", "size", "cursor");

    private final DatasetSearch search;
    private final Territories territories = Territories.get();

    public DatasetSearchController(DatasetSearch search) {
        this.search = search;
    }

    @GetMapping("/api/datasets")
    public DatasetSearchResponse search(@RequestParam Map<String, String> all,
                                        @RequestParam(name = "q", required = false) String q,
                                        @RequestParam(name = "territory", required = false) String territory,
                                        @RequestParam(name = "theme", required = false) List<String> themes,
                                        @RequestParam(name = "producerType", required = false) List<String> producerTypes,
                                        @RequestParam(name = "organisation", required = false) List<String> organisations,
                                        @RequestParam(name = "accessLevel", required = false) List<String> accessLevels,
                                        @RequestParam(name = "schema", required = false) List<String> schemas,
                                        @RequestParam(name = "format", required = false) List<String> formats,
                                        @RequestParam(name = "licence", required = false) List<String> licences,
                                        @RequestParam(name = "updatedSince", required = false) String updatedSince,
                                        @RequestParam(name = "use", required = false) String use,
                                        @RequestParam(name = "sort", required = false) String sort,
                                        @RequestParam(name = "page", required = false) String page,
                                        @RequestParam(name = "size", required = false) String size,
                                        @RequestParam(name = "cursor", required = false) String cursor) {
        for (String name : all.keySet()) {
            if (!SEARCH_PARAMETERS.contains(name) && !name.startsWith("_")) {
                throw InvalidFieldException.parameter(name, "Le paramètre « " + shorten(name) + " » n'existe pas. Paramètres acceptés : "
                        + String.join(", ", SEARCH_PARAMETERS.stream().sorted().toList()) + ".", null);
            }
        }
        SearchResults results = search.search(new SearchParameters(q, territory, themes, producerTypes,
                organisations, accessLevels, schemas, formats, licences, updatedSince, use, sort, page, size,
                cursor));
        Map<String, List<DatasetSearchResponse.FacetValue>> facets = new LinkedHashMap<>();
        results.facets().forEach((name, values) -> facets.put(name, values.stream().map(DatasetSearchController::facet)
                .toList()));
        DatasetSearchResponse.AppliedUse applied = use == null || use.isBlank() ? null
                : search.useProfiles().find(use).map(p -> new DatasetSearchResponse.AppliedUse(p.id(), p.label(),
                search.useProfiles().version())).orElse(null);
        return new DatasetSearchResponse(results.total(), results.page(), results.size(), results.nextCursor(),
                results.datasets().stream().map(this::result).toList(), facets, applied);
    }

    @GetMapping("/api/datasets/suggestions")
    public Suggestions suggestions(@RequestParam(name = "q", required = false) String q) {
        return search.suggest(q);
    }

    @GetMapping("/api/use-profiles")
    public UseProfilesResponse useProfiles() {
        return new UseProfilesResponse(search.useProfiles().version(), search.useProfiles().all());
    }

    @GetMapping("/api/use-profiles/{id}")
    public UseProfile useProfile(@PathVariable("id") String id) {
        return search.useProfiles().find(id).orElseThrow(() -> NotFoundException.of("profil d'usage", id));
    }

    /** The curated intended uses and the version of the curation. */
    public record UseProfilesResponse(String version, List<UseProfile> profiles) {
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static DatasetSearchResponse.FacetValue facet(FacetCount count) {
        return new DatasetSearchResponse.FacetValue(count.value(), count.label(), count.count());
    }

    private DatasetSearchResponse.Result result(DatasetCard card) {
        return new DatasetSearchResponse.Result(
                card.id(),
                card.title(),
                card.excerpt(),
                card.producerName() == null ? null : new DatasetSearchResponse.ProducerView(card.producerName(),
                        card.producerSiren(), new DatasetSearchResponse.Coded(card.producerType().name(),
                        card.producerType().label())),
                new DatasetSearchResponse.Coded(card.accessLevel().name(), card.accessLevel().label()),
                new DatasetSearchResponse.CoverageView(card.coverage().stream().map(this::territory).toList(),
                        new DatasetSearchResponse.Coded(card.granularity().name(), Labels.granularity(card.granularity()))),
                card.formats(),
                card.themes(),
                card.licence(),
                card.quality(),
                card.qualityCriteria(),
                card.modified(),
                card.schemaId() == null ? null
                        : card.schemaVersion() == null ? card.schemaId() : card.schemaId() + "@" + card.schemaVersion(),
                new DatasetSearchResponse.Links("/api/datasets/" + card.id(), card.landingPage(), card.sourceUri()));
    }

    private DatasetSearchResponse.TerritoryView territory(String key) {
        try {
            TerritoryRef ref = TerritoryRef.parse(key);
            String name = territories.find(ref.level(), ref.code()).map(Territory::name).orElse(null);
            return new DatasetSearchResponse.TerritoryView(key, ref.level().name().toLowerCase(Locale.ROOT),
                    ref.code(), name);
        } catch (IllegalArgumentException legacy) {
            return new DatasetSearchResponse.TerritoryView(key, null, null, null);
        }
    }

}
