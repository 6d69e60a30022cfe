package fr.dataterritoires.datasetsearch.application.search;

import java.util.List;
import java.util.Objects;

/**
 * An intended use (PCAET, PPRI, îlots de chaleur urbains...) curated into what data serves it: themes, keywords and
 * data standards. Applying it keeps datasets matching any of them and ranks those matching more first.
 *
 * @param id          stable identifier used in {@code use=}
 * @param label       French name
 * @param description what the use is about, in French
 * @param themes      theme labels (exact match on the dataset's themes)
 * @param keywords    words and phrases (matched with the French analysis against title, keywords, description)
 * @param schemas     schema.data.gouv.fr ids
 */
public record UseProfile(String id, String label, String description, List<String> themes, List<String> keywords,
                         List<String> schemas) {

    public UseProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        themes = List.copyOf(Objects.requireNonNullElse(themes, List.of()));
        keywords = List.copyOf(Objects.requireNonNullElse(keywords, List.of()));
        schemas = List.copyOf(Objects.requireNonNullElse(schemas, List.of()));
        if (themes.isEmpty() && keywords.isEmpty() && schemas.isEmpty()) {
            throw new IllegalArgumentException("Use profile " + id + " maps to nothing");
        }
    }
}
