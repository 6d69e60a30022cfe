package fr.dataterritoires.datasetsearch.web.ckan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CKAN {@code fq} subset CKAN clients send: {@code field:value} or {@code field:"a value"} clauses, joined by
 * spaces or {@code AND}, optionally prefixed by {@code +}. Fields: organization, tags, res_format, license_id. Values
 * are kept as plain values, never passed on as query syntax; anything else is refused with the reason.
 */
final class FilterQuery {

    static final List<String> FIELDS = List.of("organization", "tags", "res_format", "license_id");
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(?:AND\\s+)?\\+?([A-Za-z_]+):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s\"()]+))\\s*");
    private static final int MAX_LENGTH = 2000;

    private FilterQuery() {
    }

    /** Values per field, in order. */
    static Map<String, List<String>> parse(String fq) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        FIELDS.forEach(field -> filters.put(field, new ArrayList<>()));
        if (fq == null || fq.isBlank()) {
            return filters;
        }
        if (fq.length() > MAX_LENGTH) {
            throw CkanError.validation("fq", "Le paramètre fq dépasse " + MAX_LENGTH + " caractères.");
        }
        Matcher matcher = CLAUSE.matcher(fq);
        int at = 0;
        while (at < fq.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw CkanError.validation("fq", "Filtre fq illisible à la position " + (at + 1)
                        + " : attendu champ:valeur ou champ:\"valeur\" avec les champs " + String.join(", ", FIELDS) + ".");
            }
            String field = matcher.group(1).toLowerCase(Locale.ROOT);
            if (!filters.containsKey(field)) {
                throw CkanError.validation("fq", "Champ de filtre inconnu « " + matcher.group(1)
                        + " » : champs acceptés " + String.join(", ", FIELDS) + ".");
            }
            String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            if (value.isBlank()) {
                throw CkanError.validation("fq", "Le filtre « " + field + " » n'a pas de valeur.");
            }
            filters.get(field).add(value.strip());
            at = matcher.end();
        }
        return filters;
    }
}
