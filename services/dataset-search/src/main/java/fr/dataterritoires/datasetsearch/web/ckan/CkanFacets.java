package fr.dataterritoires.datasetsearch.web.ckan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.datasetsearch.application.export.Licences;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.Facets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The facets of CKAN's {@code package_search}: {@code facet.field} (a JSON list, as CKAN takes it, or names separated
 * by spaces or commas), {@code facet.limit} (50 by default, -1 for all that the search counts) and
 * {@code facet.mincount} (1 by default). Answered in CKAN's two shapes, {@code facets} (name → count) and
 * {@code search_facets} (items with display names), from the catalogue search's own facets, with CKAN's names:
 * organisations by slug, licences by CKAN id, groups for themes. Keywords ({@code tags}) are not counted by the
 * search: that facet answers empty rather than failing a client that asks for the usual set.
 */
final class CkanFacets {

    /** CKAN facet field → the search's facet (null: known to CKAN clients, not counted here). */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("organization", Facets.ORGANISATIONS);
        FIELDS.put("groups", Facets.THEMES);
        FIELDS.put("res_format", Facets.FORMATS);
        FIELDS.put("license_id", Facets.LICENCES);
        FIELDS.put("tags", null);
    }

    static final int DEFAULT_LIMIT = 50;
    private static final int MAX_FIELDS = 10;

    private CkanFacets() {
    }

    /** The facet fields asked for, validated; empty when none. */
    static List<String> fields(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        String value = raw.strip();
        if (value.startsWith("[")) {
            JsonNode list;
            try {
                list = CloudEvents.mapper().readTree(value);
            } catch (JacksonException notJson) {
                throw CkanError.validation("facet.field", "facet.field doit être une liste JSON de noms de champs, "
                        + "par exemple [\"organization\", \"res_format\"].");
            }
            for (JsonNode name : list) {
                if (!name.isString()) {
                    throw CkanError.validation("facet.field", "facet.field ne contient que des noms de champs.");
                }
                names.add(name.asString());
            }
        } else {
            names.addAll(List.of(value.split("[\\s,]+")));
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String name : names) {
            String field = name.strip().toLowerCase(Locale.ROOT);
            if (!FIELDS.containsKey(field)) {
                throw CkanError.validation("facet.field", "Champ de facette inconnu « "
                        + name.replaceAll("[^A-Za-z0-9_.-]", "") + " » : champs acceptés "
                        + String.join(", ", FIELDS.keySet()) + ".");
            }
            fields.add(field);
        }
        if (fields.size() > MAX_FIELDS) {
            throw CkanError.validation("facet.field", "Au plus " + MAX_FIELDS + " champs de facette.");
        }
        return List.copyOf(fields);
    }

    /** {@code facets} and {@code search_facets} of the answer, for these fields. */
    static Map<String, Map<String, Object>> answer(List<String> fields, Map<String, List<FacetCount>> counted,
                                                   int limit, int mincount) {
        Map<String, Object> plain = new LinkedHashMap<>();
        Map<String, Object> search = new LinkedHashMap<>();
        for (String field : fields) {
            String facet = FIELDS.get(field);
            List<FacetCount> counts = facet == null ? List.of() : counted.getOrDefault(facet, List.of());
            Map<String, Long> byName = new LinkedHashMap<>();
            List<Map<String, Object>> items = new ArrayList<>();
            for (FacetCount count : counts) {
                if (count.count() < mincount || (limit >= 0 && items.size() >= limit)) {
                    continue;
                }
                String display = count.label() != null ? count.label() : count.value();
                String name = name(field, count.value());
                if (byName.containsKey(name)) {
                    // two spellings of one licence: one CKAN id, counts added
                    byName.merge(name, count.count(), Long::sum);
                    items.stream().filter(i -> i.get("name").equals(name)).findFirst()
                            .ifPresent(i -> i.put("count", byName.get(name)));
                    continue;
                }
                byName.put(name, count.count());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", name);
                item.put("display_name", field.equals("license_id")
                        ? Licences.recognise(count.value()).map(Licences::title).orElse(display) : display);
                item.put("count", count.count());
                items.add(item);
            }
            plain.put(field, byName);
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("title", field);
            described.put("items", items);
            search.put(field, described);
        }
        return Map.of("facets", plain, "search_facets", search);
    }

    /** The value as CKAN names it (what {@code fq} takes back), as the package dicts name it. */
    private static String name(String field, String value) {
        return switch (field) {
            case "organization" -> CkanPackages.organizationName(value);
            case "groups" -> CkanPackages.groupName(value);
            case "license_id" -> CkanPackages.licenceId(value);
            default -> value;
        };
    }
}
