package fr.dataterritoires.e2e.security.fuzz;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, as the gateway exposes it: {@code path} is relative to
 * {@code /api/<service>}, schemas are resolved (no {@code $ref} left at the first level).
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                    boolean bodyRequired, String bodyMediaType) {

    /** A path or query parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    String key() {
        return method + " /api/" + service + path;
    }

    boolean hasJsonBody() {
        return bodySchema != null && bodyMediaType != null && bodyMediaType.contains("json");
    }
}
