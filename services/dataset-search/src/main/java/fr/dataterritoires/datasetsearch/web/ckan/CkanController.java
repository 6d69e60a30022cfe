package fr.dataterritoires.datasetsearch.web.ckan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import fr.dataterritoires.datasetsearch.application.export.CatalogueExport;
import fr.dataterritoires.datasetsearch.application.export.CkanHits;
import fr.dataterritoires.datasetsearch.application.export.CkanOrganization;
import fr.dataterritoires.datasetsearch.application.export.CkanQuery;
import fr.dataterritoires.datasetsearch.application.export.CkanSearch;
import fr.dataterritoires.datasetsearch.application.export.Slugs;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.Distribution;

/**
 * A read-only, anonymous subset of the CKAN action API (v3) so that CKAN clients and harvesters can use the
 * catalogue: {@code status_show}, {@code package_list}, {@code package_show}, {@code package_search},
 * {@code organization_list}. Parameters come as query string (GET) or form or JSON body (POST, what ckanapi sends).
 */
@RestController
class CkanController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CkanController.class);

    static final String CKAN_VERSION = "2.10.5";
    static final int DEFAULT_ROWS = 10;
    static final int DEFAULT_LIST_LIMIT = 1000;

    private final CatalogueExport export;
    private final ObjectProvider<CkanSearch> search;

    CkanController(CatalogueExport export, ObjectProvider<CkanSearch> search) {
        this.export = export;
        this.search = search;
    }

    @RequestMapping(path = "/api/3/action/{action}", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> action(@PathVariable String action, @RequestParam Map<String, String> query,
                               @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>(query);
        if (body != null) {
            body.forEach((key, value) -> {
                if (value != null) {
                    params.put(key, value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value));
                }
            });
        }
        Object result = switch (action) {
            case "status_show" -> status(request);
            case "package_list" -> packageList(params);
            case "package_show" -> packageShow(params);
            case "package_search" -> packageSearch(params);
            case "organization_list" -> organizationList(params);
            default -> throw CkanError.badRequest("Action inconnue : " + action.replaceAll("[^A-Za-z0-9_]", "")
                    + ". Actions disponibles : status_show, package_list, package_show, package_search, "
                    + "organization_list.");
        };
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", help(request));
        envelope.put("success", true);
        envelope.put("result", result);
        return envelope;
    }

    static String help(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String action = uri.substring(uri.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "");
        return ServletUriComponentsBuilder.fromContextPath(request).path("/api/3/action/help_show")
                .queryParam("name", action).build().toUriString();
    }

    private Map<String, Object> status(HttpServletRequest request) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ckan_version", CKAN_VERSION);
        status.put("site_title", "Data Territoires — catalogue des données territoriales");
        status.put("site_description", "Interface compatible CKAN (lecture seule) du catalogue des données territoriales.");
        status.put("site_url", ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        status.put("error_emails_to", null);
        status.put("locale_default", "fr");
        status.put("extensions", List.of("dcat"));
        return status;
    }

    private List<String> packageList(Map<String, String> params) {
        int limit = integer(params, "limit", DEFAULT_LIST_LIMIT, 0, CatalogueExport.MAX_PAGE_SIZE);
        int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        Instant now = export.now();
        return export.slice(offset, limit).stream().map(dataset -> CkanPackages.name(dataset, now)).toList();
    }

    private Map<String, Object> packageShow(Map<String, String> params) {
        String reference = params.get("id");
        if (reference == null || reference.isBlank()) {
            reference = params.get("name");
        }
        if (reference == null || reference.isBlank()) {
            throw CkanError.validation("id", "Paramètre manquant : id (identifiant ou nom du jeu de données).");
        }
        String wanted = reference.strip();
        Optional<Dataset> dataset = resolve(wanted);
        return CkanPackages.packageDict(dataset.orElseThrow(() -> CkanError.notFound(
                "Jeu de données introuvable : « " + abbreviate(wanted) + " ».")), export.now());
    }

    /** A catalogue id, a CKAN name (ending with the id), or a source URI or landing page. */
    private Optional<Dataset> resolve(String reference) {
        try {
            return export.published(new DatasetId(UUID.fromString(reference)));
        } catch (IllegalArgumentException notAnId) {
            // a name or an address
        }
        DatasetId fromName = Slugs.idOfName(reference.toLowerCase(Locale.ROOT));
        if (fromName != null) {
            return export.published(fromName);
        }
        if (reference.length() > 2000) {
            return Optional.empty();
        }
        return export.publishedByReference(reference);
    }

    private Map<String, Object> packageSearch(Map<String, String> params) {
        int rows = integer(params, "rows", DEFAULT_ROWS, 0, CkanQuery.MAX_ROWS);
        int start = integer(params, "start", 0, 0, 1_000_000);
        CkanQuery.Sort sort = sort(params.get("sort"));
        String q = Optional.ofNullable(params.get("q")).orElse("").strip();
        if (q.length() > 1000) {
            throw CkanError.validation("q", "La recherche q dépasse 1000 caractères.");
        }
        if (q.equals("*:*")) {
            q = "";
        }
        Map<String, List<String>> filters = FilterQuery.parse(params.get("fq"));
        List<String> facetFields = CkanFacets.fields(params.get("facet.field"));
        int facetLimit = integer(params, "facet.limit", CkanFacets.DEFAULT_LIMIT, -1, 1000);
        int facetMincount = integer(params, "facet.mincount", 1, 0, Integer.MAX_VALUE);
        CkanQuery query = new CkanQuery(q, filters.get("organization"), filters.get("tags"),
                filters.get("res_format").stream().map(Distribution::normaliseFormat).toList(),
                filters.get("license_id"), start, rows, sort);
        CkanSearch engine = search.getIfAvailable();
        if (engine == null) {
            throw CkanError.unavailable("La recherche n'est pas disponible pour le moment.");
        }
        CkanHits hits;
        try {
            hits = engine.search(query);
        } catch (IllegalArgumentException refused) {
            throw CkanError.searchQuery("Recherche refusée : " + refused.getMessage());
        } catch (RuntimeException engineFailure) {
            // Time budget exceeded or engine away: CKAN clients retry on 503, as on a busy CKAN.
            log.warn("CKAN package_search could not run: {}", engineFailure.toString());
            throw CkanError.unavailable("La recherche n'a pas pu aboutir ; réessayez dans un instant.");
        }
        Instant now = export.now();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Dataset dataset : export.publishedInOrder(hits.ids())) {
            results.add(CkanPackages.packageDict(dataset, now));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", hits.total());
        result.put("sort", params.getOrDefault("sort", "score desc, metadata_modified desc"));
        Map<String, Map<String, Object>> facets = CkanFacets.answer(facetFields, hits.facets(), facetLimit,
                facetMincount);
        result.put("facets", facets.get("facets"));
        result.put("search_facets", facets.get("search_facets"));
        result.put("results", results);
        return result;
    }

    private Object organizationList(Map<String, String> params) {
        int limit = integer(params, "limit", DEFAULT_LIST_LIMIT, 0, CatalogueExport.MAX_PAGE_SIZE);
        int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        boolean full = Boolean.parseBoolean(params.getOrDefault("all_fields", "false"));
        CkanSearch engine = search.getIfAvailable();
        if (engine == null) {
            throw CkanError.unavailable("La liste des organisations n'est pas disponible pour le moment.");
        }
        List<CkanOrganization> organizations = engine.organizations().stream()
                .sorted(java.util.Comparator.comparing(CkanOrganization::name))
                .skip(offset).limit(limit).toList();
        if (!full) {
            return organizations.stream().map(CkanOrganization::name).toList();
        }
        return organizations.stream().map(org -> {
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("id", org.name());
            dict.put("name", org.name());
            dict.put("title", org.title());
            dict.put("display_name", org.title());
            dict.put("type", "organization");
            dict.put("is_organization", true);
            dict.put("state", "active");
            dict.put("package_count", org.datasets());
            return dict;
        }).toList();
    }

    private static CkanQuery.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return CkanQuery.Sort.SCORE;
        }
        // CKAN clients send "score desc, metadata_modified desc": the first criterion decides.
        String first = sort.split(",")[0].strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (first) {
            case "score desc", "score", "rank desc" -> CkanQuery.Sort.SCORE;
            case "metadata_modified desc" -> CkanQuery.Sort.METADATA_MODIFIED_DESC;
            case "metadata_modified asc", "metadata_modified" -> CkanQuery.Sort.METADATA_MODIFIED_ASC;
            case "title_string asc", "title_string", "name asc", "name" -> CkanQuery.Sort.TITLE_ASC;
            case "title_string desc", "name desc" -> CkanQuery.Sort.TITLE_DESC;
            default -> throw CkanError.validation("sort", "Tri non pris en charge : « " + abbreviate(sort)
                    + " ». Tris acceptés : score desc, metadata_modified desc|asc, title_string asc|desc, name asc|desc.");
        };
    }

    private static int integer(Map<String, String> params, String name, int fallback, int min, int max) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException notANumber) {
            throw CkanError.validation(name, "Le paramètre " + name + " doit être un entier (reçu « "
                    + abbreviate(raw) + " »).");
        }
        if (value < min || value > max) {
            throw CkanError.validation(name, "Le paramètre " + name + " doit être compris entre " + min + " et "
                    + max + " (reçu " + value + ").");
        }
        return (int) value;
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
