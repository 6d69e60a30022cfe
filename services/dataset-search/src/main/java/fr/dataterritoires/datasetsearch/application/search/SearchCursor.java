package fr.dataterritoires.datasetsearch.application.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * Where the next page starts: the sort values of the last result of the previous page (search_after), tied to the
 * sort order they belong to. Opaque to clients (URL-safe base64 of a small JSON array), checked when read back.
 *
 * @param sort  the order the values belong to
 * @param after sort values: strings, longs or doubles, the last one the dataset id
 */
public record SearchCursor(SortOrder sort, List<Object> after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LENGTH = 512;

    public SearchCursor {
        Objects.requireNonNull(sort, "sort");
        after = List.copyOf(after);
    }

    public String encode() {
        ArrayNode array = JSON.createArrayNode();
        array.add(sort.code());
        for (Object value : after) {
            switch (value) {
                case Long l -> array.add(l);
                case Integer i -> array.add(i.longValue());
                case Double d -> array.add(d);
                case Float f -> array.add(f.doubleValue());
                case String s -> array.add(s);
                default -> throw new IllegalArgumentException("Unsupported sort value " + value.getClass());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor given back by a client; anything not made by {@link #encode()} is refused. */
    public static SearchCursor decode(String text, SortOrder expectedSort) {
        InvalidFieldException invalid = InvalidFieldException.parameter("cursor",
                "Le curseur de pagination est invalide : reprenez la valeur « nextCursor » d'une réponse précédente, "
                        + "avec le même tri.", SearchQueryParser.shorten(text));
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw invalid;
        }
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text.strip()),
                    StandardCharsets.UTF_8));
            if (!node.isArray() || node.size() < 2 || node.size() > 4 || !node.get(0).isString()
                    || !expectedSort.code().equals(node.get(0).asString())) {
                throw invalid;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isIntegralNumber()) {
                    values.add(value.asLong());
                } else if (value.isFloatingPointNumber()) {
                    values.add(value.asDouble());
                } else if (value.isString()) {
                    values.add(value.asString());
                } else {
                    throw invalid;
                }
            }
            if (!(values.getLast() instanceof String)) {
                throw invalid;
            }
            return new SearchCursor(expectedSort, values);
        } catch (RuntimeException malformed) {
            // Bad base64, bad JSON or bad shape: the client gets the same answer whatever the cause.
            throw invalid;
        }
    }
}
