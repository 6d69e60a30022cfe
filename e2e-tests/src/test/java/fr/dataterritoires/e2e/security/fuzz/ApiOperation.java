package fr.dataterritoires.e2e.security.fuzz;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, as the gateway exposes it: {@code path} is relative to
 * {@code /api/<service>}, schemas are resolved (no {@code $ref} left at the first level).
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                    boolean bodyRequired, String bodyMediaType, List<String> bodyMediaTypes, String filePart) {

    /** A path or query parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    String key() {
        return method + " /api/" + service + path;
    }

    boolean hasJsonBody() {
        return !isUpload() && bodySchema != null && bodyMediaType != null && bodyMediaType.contains("json");
    }

    /**
     * An upload: the body is a file, sent as itself ({@code text/csv}) or as a part of a {@code multipart/form-data}
     * form ({@link #filePart()} names the part). Its cases are files, not JSON fields.
     */
    boolean isUpload() {
        return isMultipart() || bodyMediaTypes.stream().anyMatch(t -> t.contains("csv"));
    }

    boolean isMultipart() {
        return filePart != null;
    }
}
