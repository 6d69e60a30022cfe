package fr.dataterritoires.datasetsearch.web.ckan;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal in CKAN's terms: the HTTP status, CKAN's {@code __type} and a French message, with per-field messages for
 * validation errors (CKAN puts them next to {@code __type} in {@code error}).
 */
final class CkanError extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, List<String>> fields;

    private CkanError(HttpStatus status, String type, String message, Map<String, List<String>> fields) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.fields = fields;
    }

    static CkanError notFound(String message) {
        return new CkanError(HttpStatus.NOT_FOUND, "Not Found Error", message, Map.of());
    }

    static CkanError validation(String field, String message) {
        return new CkanError(HttpStatus.BAD_REQUEST, "Validation Error", message, Map.of(field, List.of(message)));
    }

    static CkanError badRequest(String message) {
        return new CkanError(HttpStatus.BAD_REQUEST, "Bad request", message, Map.of());
    }

    static CkanError searchQuery(String message) {
        return new CkanError(HttpStatus.CONFLICT, "Search Query Error", message, Map.of());
    }

    static CkanError unavailable(String message) {
        return new CkanError(HttpStatus.SERVICE_UNAVAILABLE, "Search Unavailable", message, Map.of());
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    Map<String, List<String>> fields() {
        return fields;
    }
}
