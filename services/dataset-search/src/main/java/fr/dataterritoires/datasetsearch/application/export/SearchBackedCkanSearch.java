package fr.dataterritoires.datasetsearch.application.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.application.search.DatasetSearch;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.Facets;
import fr.dataterritoires.datasetsearch.application.search.SearchParameters;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * The CKAN {@code package_search} on the catalogue's search use case: same analysis and ranking as the catalogue's
 * own search. CKAN pages by offset up to 1000 rows; the search pages by number up to its page size, so a CKAN page
 * is gathered from the search pages that cover it.
 */
@Component
class SearchBackedCkanSearch implements CkanSearch {

    /** The search's largest page (search.max-size, 100 by default). */
    private static final int SEARCH_PAGE = 100;
    /** The search's deepest page-number window (search.max-window, 10 000 by default). */
    private static final int WINDOW = 10_000;

    private final DatasetSearch search;

    SearchBackedCkanSearch(DatasetSearch search) {
        this.search = search;
    }

    @Override
    public CkanHits search(CkanQuery query) {
        String sort = switch (query.sort()) {
            case SCORE -> "relevance";
            case METADATA_MODIFIED_DESC -> "recency";
            default -> throw new IllegalArgumentException("ce tri n'est pas proposé par le moteur de recherche "
                    + "(tris possibles : score desc, metadata_modified desc)");
        };
        if ((long) query.start() + query.rows() > WINDOW) {
            throw new IllegalArgumentException("la recherche s'arrête aux " + WINDOW + " premiers résultats : "
                    + "parcourez tout le catalogue avec package_list ou le catalogue DCAT paginé");
        }
        // Tags have no exact filter in the search: they narrow the text instead.
        String text = (query.text() + " " + query.tags().stream().map(tag -> tag.replace("\"", " "))
                .collect(Collectors.joining(" "))).strip();
        List<String> organisations = organisationNames(query.organizations());
        List<String> licences = query.licenceIds().stream()
                .flatMap(id -> Licences.ofCkanId(id).map(l -> l.spellings().stream()).orElse(java.util.stream.Stream.of(id)))
                .distinct().toList();
        List<DatasetId> ids = new ArrayList<>();
        Map<String, List<FacetCount>> facets = null;
        long total = 0;
        int page = query.start() / SEARCH_PAGE + 1;
        int skip = query.start() % SEARCH_PAGE;
        do {
            SearchResults results = run(text, organisations, query.formats(), licences, sort, page, SEARCH_PAGE);
            total = results.total();
            if (facets == null) {
                facets = results.facets();
            }
            List<DatasetCard> cards = results.datasets();
            for (int i = skip; i < cards.size() && ids.size() < query.rows(); i++) {
                ids.add(DatasetId.parse(cards.get(i).id()));
            }
            skip = 0;
            page++;
            if (cards.size() < SEARCH_PAGE) {
                break;
            }
        } while (ids.size() < query.rows());
        return new CkanHits(total, ids, facets);
    }

    @Override
    public List<CkanOrganization> organizations() {
        SearchResults results = run("", List.of(), List.of(), List.of(), "relevance", 1, 1);
        return results.facets().getOrDefault(Facets.ORGANISATIONS, List.of()).stream()
                .map(facet -> new CkanOrganization(Slugs.slug(facet.label() != null ? facet.label() : facet.value(),
                        Slugs.MAX_NAME_LENGTH), facet.label() != null ? facet.label() : facet.value(), facet.count()))
                .toList();
    }

    /** CKAN names organisations by slug; the search filters by name: the facet says which name has which slug. */
    private List<String> organisationNames(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = organizations().stream()
                .collect(Collectors.toMap(CkanOrganization::name, CkanOrganization::title, (a, b) -> a));
        Set<String> wanted = new LinkedHashSet<>();
        for (String slug : slugs) {
            // An unknown organisation matches nothing, as in CKAN: its slug is passed as a name no producer has.
            wanted.add(names.getOrDefault(slug, slug));
        }
        return List.copyOf(wanted);
    }

    private SearchResults run(String text, List<String> organisations, List<String> formats, List<String> licences,
                              String sort, int page, int size) {
        try {
            return search.search(new SearchParameters(text.isEmpty() ? null : text, null, List.of(), List.of(),
                    organisations, List.of(), List.of(), formats, licences, null, null, sort, Integer.toString(page),
                    Integer.toString(size), null));
        } catch (InvalidFieldException refused) {
            throw new IllegalArgumentException(refused.getMessage(), refused);
        }
    }
}
