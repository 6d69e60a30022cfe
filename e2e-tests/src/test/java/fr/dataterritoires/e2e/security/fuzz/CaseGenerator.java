package fr.dataterritoires.e2e.security.fuzz;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import fr.dataterritoires.e2e.security.fuzz.HostileValues.Named;
import fr.dataterritoires.e2e.security.fuzz.JsonText.Raw;
import tools.jackson.databind.JsonNode;

/**
 * The requests the fuzzer sends for one operation: first a nominal one (values that look valid, from the schema and
 * from what field names say: a région code, a SIREN, an amount), then mutations of it, each changing one thing —
 * a path or query parameter, one body field (wrong type, hostile string, invalid code, bad money or date), a required
 * field removed, the body's shape or encoding. Deterministic: the same seed, operation and identifiers give the same
 * requests in the same order, so a failure replays.
 */
final class CaseGenerator {

    /** Where an existing identifier comes from: the concrete collection path before the parameter, e.g. /roadmaps. */
    interface Identifiers {
        Optional<String> near(String service, String collectionPath);
    }

    /**
     * One request to send; {@code description} names what was changed; {@code expected}, when not 0, the one status
     * it must get (a file over the limit: 413; a binary file: 415), or {@link #REFUSED}.
     */
    record FuzzCase(String description, String method, String path, String contentType, byte[] body, int expected) {

        FuzzCase(String description, String method, String path, String contentType, byte[] body) {
            this(description, method, path, contentType, body, 0);
        }

        /** {@link #expected()} for "any 4xx": what must not be served at all (a traversal, a denied endpoint). */
        static final int REFUSED = -1;

        FuzzCase expecting(int status) {
            return new FuzzCase(description, method, path, contentType, body, status);
        }

        String bodyPreview() {
            if (body == null) {
                return "";
            }
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
        }
    }

    /** Codes of the fuzzer's own territory (Corse), away from the régions the journeys use. */
    static final String REGION = "94";
    static final String DEPARTEMENT = "2A";
    static final String COMMUNE = "2A004";
    static final String SIREN = "213800006";

    private final long seed;
    private final Identifiers identifiers;
    private final String epci;

    CaseGenerator(long seed, Identifiers identifiers, String epci) {
        this.seed = seed;
        this.identifiers = identifiers;
        this.epci = epci;
    }

    /** The nominal request: what a client filling every field sensibly would send. */
    FuzzCase nominal(ApiOperation op) {
        Request r = nominalRequest(op);
        return r.build("nominal", op);
    }

    /** Every mutation for the operation, interleaved by family (so a prefix of the list covers them all). */
    List<FuzzCase> cases(ApiOperation op, int limit) {
        Request nominal = nominalRequest(op);
        Map<String, List<FuzzCase>> families = new TreeMap<>();
        pathCases(op, nominal, families);
        queryCases(op, nominal, families);
        if (op.hasJsonBody()) {
            bodyCases(op, nominal, families);
        }
        if (op.isUpload()) {
            for (Uploads.File f : Uploads.mutations(op)) {
                Request r = nominal.copy();
                r.contentType = f.contentType();
                r.rawBody = f.body();
                add(families, f.family(), r.build(f.description(), op).expecting(f.expected()));
            }
        }
        Random random = new Random(seed * 31 + op.key().hashCode());
        List<List<FuzzCase>> lists = new ArrayList<>();
        for (List<FuzzCase> family : families.values()) {
            Collections.shuffle(family, random);
            lists.add(family);
        }
        Collections.shuffle(lists, random);
        List<FuzzCase> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<FuzzCase> family : lists) {
                if (i < family.size()) {
                    out.add(family.get(i));
                    any = true;
                    if (limit > 0 && out.size() >= limit) {
                        return out;
                    }
                }
            }
            if (!any) {
                return out;
            }
        }
    }

    // ---------------------------------------------------------------- the nominal request

    /** A request under construction: path values (raw: already encoded), query values, body. */
    private static final class Request {
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        Object body;
        String contentType = "application/json";
        byte[] rawBody;

        Request copy() {
            Request r = new Request();
            r.path.putAll(path);
            query.forEach((k, v) -> r.query.put(k, new ArrayList<>(v)));
            r.body = deepCopy(body);
            r.contentType = contentType;
            r.rawBody = rawBody;
            return r;
        }

        FuzzCase build(String description, ApiOperation op) {
            String p = op.path();
            for (Map.Entry<String, String> e : path.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            StringBuilder q = new StringBuilder();
            query.forEach((k, values) -> values.forEach(v -> q.append(q.isEmpty() ? '?' : '&').append(encode(k))
                    .append(v == null ? "" : "=" + encode(v))));
            byte[] bytes = rawBody != null ? rawBody
                    : op.hasJsonBody() ? JsonText.write(body).getBytes(StandardCharsets.UTF_8) : null;
            return new FuzzCase(description, op.method(), "/api/" + op.service() + p + q,
                    bytes == null ? null : contentType, bytes);
        }
    }

    private Request nominalRequest(ApiOperation op) {
        Request r = new Request();
        for (ApiOperation.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                String before = op.path().substring(0, op.path().indexOf("{" + p.name() + "}"));
                String concrete = before;
                for (Map.Entry<String, String> e : r.path.entrySet()) {
                    concrete = concrete.replace("{" + e.getKey() + "}", e.getValue());
                }
                concrete = concrete.endsWith("/") ? concrete.substring(0, concrete.length() - 1) : concrete;
                Optional<String> existing = isUuid(p.schema()) || p.name().toLowerCase(Locale.ROOT).endsWith("id")
                        ? identifiers.near(op.service(), concrete) : Optional.empty();
                r.path.put(p.name(), encode(existing.orElseGet(() -> String.valueOf(value(p.name(), p.schema(), 0)))));
            } else if (p.required()) {
                r.query.put(p.name(), new ArrayList<>(List.of(String.valueOf(value(p.name(), p.schema(), 0)))));
            }
        }
        if (op.hasJsonBody()) {
            r.body = value("body", op.bodySchema(), 0);
        }
        if (op.isUpload()) {
            // a dry run where the operation offers one: the file is read and every line checked, nothing imported
            op.parameters().stream().filter(p -> p.in().equals("query") && p.name().equals("dryRun"))
                    .forEach(p -> r.query.put(p.name(), new ArrayList<>(List.of("true"))));
            Uploads.File file = Uploads.nominal(op);
            r.contentType = file.contentType();
            r.rawBody = file.body();
        }
        return r;
    }

    /** A value that looks valid for this schema and name. */
    Object value(String name, JsonNode schema, int depth) {
        String n = name.toLowerCase(Locale.ROOT);
        String type = schema.path("type").asString("");
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asString();
        }
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth > 5) {
                    return object;
                }
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    if (!p.getValue().path("readOnly").asBoolean(false)) {
                        object.put(p.getKey(), value(p.getKey(), p.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                int count = Math.max(1, schema.path("minItems").asInt(1));
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < count && depth <= 5; i++) {
                    list.add(value(singular(name), schema.path("items"), depth + 1));
                }
                return list;
            }
            case "integer" -> {
                long v = n.contains("year") ? 2031 : n.contains("limit") || n.contains("size") ? 10 : 1;
                if (schema.has("minimum")) {
                    v = Math.max(v, schema.path("minimum").asLong());
                }
                if (schema.has("maximum")) {
                    v = Math.min(v, schema.path("maximum").asLong());
                }
                return v;
            }
            case "number" -> {
                if (HostileValues.isMoney(n) && !n.contains("rate")) {
                    return new BigDecimal("1000.00");
                }
                return n.contains("rate") ? new BigDecimal("0.05") : new BigDecimal("1");
            }
            case "boolean" -> {
                return Boolean.FALSE;
            }
            default -> {
                return string(name, schema);
            }
        }
    }

    private String string(String name, JsonNode schema) {
        String n = name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asString("");
        List<String> candidates = new ArrayList<>();
        switch (format) {
            case "uuid" -> candidates.add(new java.util.UUID(seed, n.hashCode()).toString());
            case "date" -> candidates.add("2031-03-15");
            case "date-time" -> candidates.add("2031-03-15T10:00:00Z");
            case "email" -> candidates.add("fuzz@example.fr");
            case "uri", "url" -> candidates.add("https://example.fr/fuzz");
            default -> {
            }
        }
        if (n.contains("siren") || n.contains("epci") && !n.contains("name")) {
            candidates.add(n.contains("epci") ? epci : SIREN);
        }
        if (n.contains("siret")) {
            candidates.add(SIREN + "00013");
        }
        if (n.contains("region")) {
            candidates.add(REGION);
        }
        if (n.contains("departement")) {
            candidates.add(DEPARTEMENT);
        }
        if (n.contains("commune") || n.contains("insee") || n.contains("territory")) {
            candidates.add(COMMUNE);
        }
        if (n.contains("email") || n.contains("mail")) {
            candidates.add("fuzz@example.fr");
        }
        if (n.contains("url") || n.contains("uri") || n.contains("link") || n.contains("website")) {
            candidates.add("https://example.fr/fuzz");
        }
        if (HostileValues.isMoney(n)) {
            candidates.add(n.contains("rate") ? "0.05" : "1000.00");
        }
        if (HostileValues.isDate(name)) {
            candidates.add("2031-03-15");
        }
        if (n.contains("year")) {
            candidates.add("2031");
        }
        candidates.addAll(List.of("Texte de test du fuzzer", "fuzz", "1", REGION, COMMUNE, SIREN, "A"));
        String pattern = schema.path("pattern").asString("");
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        for (String c : candidates) {
            String v = c;
            while (v.length() < min) {
                v = v + " " + c;
            }
            if (v.length() > max) {
                v = v.substring(0, max);
            }
            if (pattern.isEmpty() || matches(pattern, v)) {
                return v;
            }
        }
        return candidates.get(0);
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- mutations

    private void pathCases(ApiOperation op, Request nominal, Map<String, List<FuzzCase>> families) {
        for (ApiOperation.Parameter p : op.parameters()) {
            if (!p.in().equals("path")) {
                continue;
            }
            List<Named> values = new ArrayList<>(HostileValues.UUIDS);
            values.addAll(HostileValues.forName(p.name()));
            values.addAll(HostileValues.UNICODE.subList(0, 8));
            values.addAll(HostileValues.INJECTION);
            values.add(new Named("3 000 digits", "9".repeat(3000)));
            for (Named v : values) {
                if (String.valueOf(v.value()).isEmpty()) {
                    continue; // an empty segment is another route, not a bad value
                }
                Request r = nominal.copy();
                r.path.put(p.name(), encode(String.valueOf(v.value())));
                add(families, "path", r.build("path " + p.name() + " = " + v.name(), op));
            }
            // already encoded: bytes no correct encoder produces
            for (String raw : List.of("%00", "%ED%A0%80", "%C3%28", "..%2F..%2F", "%2e%2e", "%FF%FE", "%25%32%65")) {
                Request r = nominal.copy();
                r.path.put(p.name(), raw);
                add(families, "path", r.build("path " + p.name() + " = raw " + raw, op));
            }
        }
    }

    private void queryCases(ApiOperation op, Request nominal, Map<String, List<FuzzCase>> families) {
        List<ApiOperation.Parameter> query = op.parameters().stream().filter(p -> p.in().equals("query")).toList();
        for (ApiOperation.Parameter p : query) {
            List<Named> values = new ArrayList<>(HostileValues.forName(p.name()));
            String type = p.schema().path("type").asString("");
            if (type.equals("integer") || type.equals("number")) {
                values.addAll(HostileValues.NUMBERS);
            }
            if (p.schema().path("enum").isArray()) {
                values.add(new Named("unknown enum value", "VALEUR_INCONNUE"));
                values.add(new Named("lower-case enum value", p.schema().path("enum").path(0).asString("")
                        .toLowerCase(Locale.ROOT)));
            }
            values.addAll(HostileValues.TYPES.stream().filter(t -> t.value() != null).toList());
            values.addAll(HostileValues.UNICODE);
            values.addAll(HostileValues.INJECTION);
            values.add(new Named("string 5 000 chars", "Z".repeat(5_000)));
            for (Named v : values) {
                Request r = nominal.copy();
                r.query.put(p.name(), new ArrayList<>(List.of(asParameter(v.value()))));
                add(families, "query", r.build("query " + p.name() + " = " + v.name(), op));
            }
            Request repeated = nominal.copy();
            String one = String.valueOf(value(p.name(), p.schema(), 0));
            repeated.query.put(p.name(), new ArrayList<>(List.of(one, one + "x", "")));
            add(families, "query", repeated.build("query " + p.name() + " repeated", op));
            Request bare = nominal.copy();
            bare.query.put(p.name(), new ArrayList<>(java.util.Arrays.asList((String) null)));
            add(families, "query", bare.build("query " + p.name() + " without value", op));
            if (p.required()) {
                Request missing = nominal.copy();
                missing.query.remove(p.name());
                add(families, "query", missing.build("query " + p.name() + " (required) missing", op));
            }
        }
        Request unknown = nominal.copy();
        unknown.query.put("inconnu", new ArrayList<>(List.of("' OR 1=1 --")));
        add(families, "query", unknown.build("unknown query parameter", op));
    }

    private void bodyCases(ApiOperation op, Request nominal, Map<String, List<FuzzCase>> families) {
        // the body's shape and encoding
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("empty body", "");
        shapes.put("truncated JSON", "{\"a\":");
        shapes.put("JSON null", "null");
        shapes.put("JSON array", "[]");
        shapes.put("JSON string", "\"texte\"");
        shapes.put("JSON number", "123");
        shapes.put("nesting 5 000 deep", "[".repeat(5000) + "]".repeat(5000));
        shapes.put("object nesting 2 000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        shapes.put("trailing garbage", JsonText.write(nominal.body) + " }{");
        shapes.put("comments", "/* x */" + JsonText.write(nominal.body));
        shapes.put("NaN literal", "{\"a\":NaN}");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            Request r = nominal.copy();
            r.rawBody = shape.getValue().getBytes(StandardCharsets.UTF_8);
            add(families, "body shape", r.build("body: " + shape.getKey(), op));
        }
        byte[] nominalBytes = JsonText.write(nominal.body).getBytes(StandardCharsets.UTF_8);
        Request invalidUtf8 = nominal.copy();
        invalidUtf8.rawBody = withInvalidUtf8(nominalBytes);
        add(families, "body shape", invalidUtf8.build("body: invalid UTF-8 bytes", op));
        Request bom = nominal.copy();
        byte[] withBom = new byte[nominalBytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(nominalBytes, 0, withBom, 3, nominalBytes.length);
        bom.rawBody = withBom;
        add(families, "body shape", bom.build("body: UTF-8 BOM first", op));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1")) {
            Request r = nominal.copy();
            r.contentType = type;
            add(families, "body shape", r.build("body as " + type, op));
        }
        if (nominal.body instanceof Map<?, ?> object && !object.isEmpty()) {
            String first = object.keySet().iterator().next().toString();
            Request dup = nominal.copy();
            String text = JsonText.write(nominal.body);
            dup.rawBody = (text.substring(0, text.length() - 1) + "," + JsonText.write(Map.of(first, "doublon"))
                    .substring(1)).getBytes(StandardCharsets.UTF_8);
            add(families, "body shape", dup.build("body: duplicate key " + first, op));
            Request extra = nominal.copy();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) extra.body;
            m.put("__proto__", Map.of("admin", true));
            m.put("roles", List.of("NATIONAL_COORDINATOR"));
            add(families, "body shape", extra.build("body: unknown properties (__proto__, roles)", op));
            Request empty = nominal.copy();
            empty.body = new LinkedHashMap<>();
            add(families, "body missing", empty.build("body: empty object", op));
        }
        // field by field
        List<List<Object>> fields = new ArrayList<>();
        collectFields(nominal.body, op.bodySchema(), new ArrayList<>(), fields, 0);
        for (List<Object> field : fields) {
            JsonNode schema = schemaAt(op.bodySchema(), field);
            String name = field.isEmpty() ? "body" : lastName(field);
            String label = "body." + label(field);
            Object current = get(nominal.body, field);
            // required field removed
            if (!field.isEmpty() && field.getLast() instanceof String key && requiredAt(op.bodySchema(), field, key)) {
                Request r = nominal.copy();
                remove(r.body, field);
                add(families, "body missing", r.build(label + " (required) removed", op));
            }
            for (Named v : HostileValues.TYPES) {
                if (!sameJsonType(v.value(), current)) {
                    add(families, "body type", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
                }
            }
            if (current instanceof String) {
                for (Named v : HostileValues.UNICODE) {
                    add(families, "body unicode", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
                }
                for (Named v : HostileValues.INJECTION) {
                    add(families, "body injection", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
                }
                for (Named v : HostileValues.huge()) {
                    add(families, "body huge", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
                }
            }
            if (current instanceof Number) {
                for (Named v : HostileValues.NUMBERS) {
                    add(families, "body number", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
                }
            }
            if (schema.path("enum").isArray()) {
                add(families, "body domain", mutate(op, nominal, field, "VALEUR_INCONNUE", label + " = unknown enum value"));
                add(families, "body domain", mutate(op, nominal, field,
                        String.valueOf(current).toLowerCase(Locale.ROOT), label + " = lower-case enum value"));
            }
            for (Named v : HostileValues.forName(name)) {
                add(families, "body domain", mutate(op, nominal, field, v.value(), label + " = " + v.name()));
            }
            if (current instanceof List<?> list) {
                Object item = list.isEmpty() ? "x" : list.get(0);
                add(families, "body huge", mutate(op, nominal, field, Collections.nCopies(10_000, item),
                        label + " = 10 000 items"));
                add(families, "body type", mutate(op, nominal, field, java.util.Arrays.asList(item, null),
                        label + " = with a null item"));
            }
        }
    }

    private FuzzCase mutate(ApiOperation op, Request nominal, List<Object> field, Object value, String description) {
        Request r = nominal.copy();
        if (field.isEmpty()) {
            r.body = value;
        } else {
            set(r.body, field, value);
        }
        return r.build(description, op);
    }

    private static void add(Map<String, List<FuzzCase>> families, String family, FuzzCase c) {
        families.computeIfAbsent(family, f -> new ArrayList<>()).add(c);
    }

    // ---------------------------------------------------------------- body navigation

    private static void collectFields(Object value, JsonNode schema, List<Object> path, List<List<Object>> out,
                                      int depth) {
        if (depth > 3) {
            return;
        }
        if (!path.isEmpty()) {
            out.add(List.copyOf(path));
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                path.add(key.toString());
                collectFields(map.get(key), schema.path("properties").path(key.toString()), path, out, depth + 1);
                path.removeLast();
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            path.add(0);
            collectFields(list.get(0), schema.path("items"), path, out, depth + 1);
            path.removeLast();
        }
    }

    private static JsonNode schemaAt(JsonNode schema, List<Object> field) {
        JsonNode s = schema;
        for (Object step : field) {
            s = step instanceof String key ? s.path("properties").path(key) : s.path("items");
        }
        return s;
    }

    private static boolean requiredAt(JsonNode schema, List<Object> field, String key) {
        JsonNode parent = schemaAt(schema, field.subList(0, field.size() - 1));
        for (JsonNode r : parent.path("required")) {
            if (r.asString().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static String lastName(List<Object> field) {
        for (int i = field.size() - 1; i >= 0; i--) {
            if (field.get(i) instanceof String s) {
                return s;
            }
        }
        return "body";
    }

    private static String label(List<Object> field) {
        StringBuilder b = new StringBuilder();
        for (Object step : field) {
            if (step instanceof String s) {
                b.append(b.isEmpty() ? "" : ".").append(s);
            } else {
                b.append('[').append(step).append(']');
            }
        }
        return b.toString();
    }

    private static Object get(Object root, List<Object> field) {
        Object v = root;
        for (Object step : field) {
            v = step instanceof String key ? ((Map<?, ?>) v).get(key) : ((List<?>) v).get((Integer) step);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> field, Object value) {
        Object parent = get(root, field.subList(0, field.size() - 1));
        Object last = field.getLast();
        if (last instanceof String key) {
            ((Map<String, Object>) parent).put(key, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
    }

    private static void remove(Object root, List<Object> field) {
        Object parent = get(root, field.subList(0, field.size() - 1));
        if (parent instanceof Map<?, ?> map) {
            map.remove(field.getLast());
        }
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static boolean sameJsonType(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number || a instanceof Raw) {
            return b instanceof Number || b instanceof Raw;
        }
        if (a instanceof Map<?, ?>) {
            return b instanceof Map<?, ?>;
        }
        if (a instanceof List<?>) {
            return b instanceof List<?>;
        }
        return a.getClass() == b.getClass();
    }

    private static String asParameter(Object value) {
        if (value instanceof Raw raw) {
            return raw.text();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return JsonText.write(value);
        }
        return String.valueOf(value);
    }

    private static boolean isUuid(JsonNode schema) {
        return "uuid".equals(schema.path("format").asString(""));
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** Percent-encodes everything outside the unreserved set (a lone surrogate becomes '?', as any encoder does). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] withInvalidUtf8(byte[] json) {
        // a lone continuation byte and a truncated two-byte sequence inside the first string value
        int quote = -1;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == ':' && i + 1 < json.length && json[i + 1] == '"') {
                quote = i + 2;
                break;
            }
        }
        if (quote < 0) {
            return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0x80, '"', '}'};
        }
        byte[] out = new byte[json.length + 3];
        System.arraycopy(json, 0, out, 0, quote);
        out[quote] = (byte) 0xC3;
        out[quote + 1] = (byte) 0x28;
        out[quote + 2] = (byte) 0x80;
        System.arraycopy(json, quote, out, quote + 3, json.length - quote);
        return out;
    }
}
