package fr.dataterritoires.e2e.security.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of one OpenAPI 3.x document (springdoc's, through the gateway's {@code /openapi/<service>}), with
 * {@code $ref}, {@code allOf} and nullable unions resolved into plain schemas the generator can walk.
 */
final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Recursive schemas (a tree of items) stop here: deeper levels are not needed to break validation. */
    private static final int MAX_DEPTH = 6;

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    List<ApiOperation> operations(String service) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            JsonNode item = path.getValue();
            List<JsonNode> shared = new ArrayList<>();
            item.path("parameters").forEach(shared::add);
            for (String method : METHODS) {
                JsonNode op = item.path(method);
                if (!op.isObject()) {
                    continue;
                }
                List<ApiOperation.Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode param = deref(p);
                    String in = param.path("in").asString("");
                    if (in.equals("path") || in.equals("query")) {
                        parameters.add(new ApiOperation.Parameter(param.path("name").asString(), in,
                                param.path("required").asBoolean(in.equals("path")), schema(param.path("schema"))));
                    }
                }
                JsonNode body = deref(op.path("requestBody"));
                JsonNode bodySchema = null;
                String mediaType = null;
                List<String> mediaTypes = new ArrayList<>();
                String filePart = null;
                for (Map.Entry<String, JsonNode> content : body.path("content").properties()) {
                    mediaTypes.add(content.getKey());
                    if (mediaType == null || content.getKey().contains("json")) {
                        mediaType = content.getKey();
                        bodySchema = schema(content.getValue().path("schema"));
                    }
                    if (content.getKey().startsWith("multipart/form-data")) {
                        filePart = filePart(schema(content.getValue().path("schema")));
                    }
                }
                operations.add(new ApiOperation(service, method.toUpperCase(), path.getKey(), List.copyOf(parameters),
                        bodySchema, body.path("required").asBoolean(false), mediaType, List.copyOf(mediaTypes),
                        filePart));
            }
        }
        return operations;
    }

    /** The part of a multipart form that holds the file: the first of format binary, else the first part. */
    private static String filePart(JsonNode form) {
        String first = null;
        for (Map.Entry<String, JsonNode> part : form.path("properties").properties()) {
            first = first == null ? part.getKey() : first;
            JsonNode s = part.getValue().path("type").asString("").equals("array") ? part.getValue().path("items")
                    : part.getValue();
            if (s.path("format").asString("").equals("binary")) {
                return part.getKey();
            }
        }
        return first == null ? "file" : first;
    }

    /** A schema with references, {@code allOf} and {@code oneOf/anyOf} of "T or null" resolved. */
    JsonNode schema(JsonNode schema) {
        return resolve(schema, 0, new HashSet<>());
    }

    private JsonNode resolve(JsonNode schema, int depth, Set<String> seen) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            if (!seen.add(ref) || depth > MAX_DEPTH) {
                return JsonNodeFactory.instance.objectNode().put("type", "object");
            }
            JsonNode resolved = resolve(pointer(ref), depth, seen);
            seen.remove(ref);
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        for (String union : List.of("oneOf", "anyOf")) {
            if (copy.has(union)) {
                JsonNode chosen = null;
                for (JsonNode alternative : copy.path(union)) {
                    if (!"null".equals(alternative.path("type").asString(""))) {
                        chosen = alternative;
                        break;
                    }
                }
                copy.remove(union);
                if (chosen != null) {
                    merge(copy, (ObjectNode) resolve(chosen, depth, seen));
                }
            }
        }
        if (copy.has("allOf")) {
            JsonNode all = copy.remove("allOf");
            for (JsonNode part : all) {
                merge(copy, (ObjectNode) resolve(part, depth, seen));
            }
        }
        // OpenAPI 3.1: "type": ["string", "null"]
        if (copy.path("type").isArray()) {
            String first = "string";
            for (JsonNode t : copy.path("type")) {
                if (!t.asString().equals("null")) {
                    first = t.asString();
                    break;
                }
            }
            copy.put("type", first);
        }
        if (copy.path("properties").isObject()) {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> p : copy.path("properties").properties()) {
                properties.set(p.getKey(), resolve(p.getValue(), depth + 1, seen));
            }
            copy.set("properties", properties);
            if (!copy.has("type")) {
                copy.put("type", "object");
            }
        }
        if (copy.path("items").isObject()) {
            copy.set("items", resolve(copy.path("items"), depth + 1, seen));
        }
        if (copy.path("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolve(copy.path("additionalProperties"), depth + 1, seen));
        }
        return copy;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            if (e.getKey().equals("properties") && into.path("properties").isObject()) {
                ((ObjectNode) into.path("properties")).setAll((ObjectNode) e.getValue());
            } else if (e.getKey().equals("required") && into.path("required").isArray()) {
                into.withArray("required").addAll((tools.jackson.databind.node.ArrayNode) e.getValue());
            } else if (!into.has(e.getKey())) {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private JsonNode deref(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 10) {
            node = pointer(node.path("$ref").asString());
        }
        return node;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return JsonNodeFactory.instance.objectNode();
        }
        return root.at(ref.substring(1));
    }
}
