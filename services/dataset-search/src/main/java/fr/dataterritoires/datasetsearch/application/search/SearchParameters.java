package fr.dataterritoires.datasetsearch.application.search;

import java.util.List;
import java.util.Objects;

/**
 * A search as received (REST query string or gRPC message), not yet checked: every value is text so that the
 * refusal names the parameter and says why, whatever the transport.
 */
public record SearchParameters(
        String text,
        String territory,
        List<String> themes,
        List<String> producerTypes,
        List<String> organisations,
        List<String> accessLevels,
        List<String> schemas,
        List<String> formats,
        List<String> licences,
        String updatedSince,
        String use,
        String sort,
        String page,
        String size,
        String cursor) {

    public SearchParameters {
        themes = clean(themes);
        producerTypes = clean(producerTypes);
        organisations = clean(organisations);
        accessLevels = clean(accessLevels);
        schemas = clean(schemas);
        formats = clean(formats);
        licences = clean(licences);
    }

    /** Only a text. */
    public static SearchParameters text(String text) {
        return new SearchParameters(text, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    private static List<String> clean(List<String> values) {
        return Objects.requireNonNullElse(values, List.<String>of()).stream()
                .filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
