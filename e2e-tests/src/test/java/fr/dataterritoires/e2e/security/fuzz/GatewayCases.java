package fr.dataterritoires.e2e.security.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.dataterritoires.e2e.security.fuzz.CaseGenerator.FuzzCase;

/**
 * Hostile requests to what the gateway answers itself rather than proxying to a service: the services' OpenAPI
 * documents ({@code /openapi/{service}}), its own OpenAPI document and documentation page ({@code /v3/api-docs},
 * {@code /api-docs}, {@code /swagger-ui/**}), its actuator ({@code health}, {@code info}, {@code prometheus}; any other
 * endpoint denied), the development issuer of a local suite ({@code /dev-issuer/**}), and the paths no route takes.
 * Path traversal (plain, encoded, double-encoded, with {@code ;} parameters), an encoded NUL, invalid UTF-8, huge path
 * segments and query strings, odd methods. Sent as they are: the paths are already encoded.
 */
final class GatewayCases {

    private GatewayCases() {
    }

    static List<FuzzCase> all() {
        List<FuzzCase> out = new ArrayList<>();
        // nominal: what the gateway serves to anyone
        for (String path : List.of("/openapi/roadmaps", "/v3/api-docs", "/actuator/health", "/actuator/info",
                "/actuator/prometheus")) {
            out.add(new FuzzCase("nominal " + path, "GET", path, null, null).expecting(200));
        }
        // the OpenAPI documents' service name
        for (String service : List.of("inconnu", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00", "roadmaps%00",
                "%ED%A0%80", "%C3%28", "roadmaps%2Factuator", "roadmaps;jsessionid=1", "%252e%252e",
                "a".repeat(5_000), "%7B%7D", "roadmaps%0D%0ASet-Cookie:%20a=1")) {
            refused(out, "/openapi/{service} = " + abbreviated(service), "/openapi/" + service);
        }
        refused(out, "/openapi/roadmaps with a sub-path", "/openapi/roadmaps/paths");
        refused(out, "/openapi with no service", "/openapi/");
        get(out, "/openapi/roadmaps with a 6 000-char query", "/openapi/roadmaps?q=" + "A".repeat(6_000));
        get(out, "/openapi/roadmaps with a 100 000-char query", "/openapi/roadmaps?q=" + "A".repeat(100_000));
        get(out, "/openapi/roadmaps with 2 000 parameters", "/openapi/roadmaps?" + "a=1&".repeat(2_000) + "b=2");
        get(out, "/openapi/roadmaps with an encoded NUL in the query", "/openapi/roadmaps?q=%00");
        get(out, "/openapi/roadmaps with invalid UTF-8 in the query", "/openapi/roadmaps?q=%C3%28");
        // the actuator: only health, info and prometheus are open, the rest denied, never reached by a detour
        for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/configprops",
                "/actuator/health/..%2Fenv", "/actuator/health/%2e%2e/env", "/actuator/health;/../env",
                "/actuator/health/..;/env", "/actuator/%00", "/actuator/health/%00", "/actuator/health/x%ED%A0%80",
                "/actuator/loggers/ROOT")) {
            refused(out, "actuator " + abbreviated(path), path);
        }
        get(out, "actuator health with a 20 000-char query", "/actuator/health?x=" + "A".repeat(20_000));
        out.add(new FuzzCase("actuator POST /actuator/shutdown", "POST", "/actuator/shutdown", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).expecting(FuzzCase.REFUSED));
        out.add(new FuzzCase("actuator POST /actuator/loggers/ROOT", "POST", "/actuator/loggers/ROOT",
                "application/json", "{\"configuredLevel\":\"TRACE\"}".getBytes(StandardCharsets.UTF_8))
                .expecting(FuzzCase.REFUSED));
        // documentation resources: a traversal must not serve a file of the host or of the jar
        for (String path : List.of("/swagger-ui/..%2F..%2F..%2Fetc%2Fpasswd", "/swagger-ui/%2e%2e/%2e%2e/etc/passwd",
                "/swagger-ui/%252e%252e%252fapplication.yml", "/swagger-ui/..%5C..%5Capplication.yml",
                "/swagger-ui/inconnu.js", "/swagger-ui/%00.js", "/v3/api-docs/..%2F..%2Fetc%2Fpasswd",
                "/v3/api-docs/inconnu", "/api-docs/%00", "/META-INF/MANIFEST.MF", "/application.yml",
                "/WEB-INF/web.xml", "/%2e%2e/%2e%2e/etc/passwd")) {
            refused(out, "documentation " + path, path);
        }
        // the development issuer (a local suite's; absent in production)
        get(out, "dev-issuer token for an unknown role", "/dev-issuer/token?role=ROI");
        get(out, "dev-issuer token with a NUL in the role", "/dev-issuer/token?role=AGENT%00");
        get(out, "dev-issuer token with a 20 000-char subject",
                "/dev-issuer/token?role=AGENT&subject=" + "s".repeat(20_000));
        out.add(new FuzzCase("dev-issuer POST token with a garbage form", "POST", "/dev-issuer/token",
                "application/x-www-form-urlencoded", "grant_type=%ZZ&&=&code=%00".getBytes(StandardCharsets.UTF_8)));
        // nothing routed there
        for (String path : List.of("/", "/api", "/api/", "/api/inconnu/x", "/api/%2e%2e/actuator/env",
                "/api/roadmaps/..%2F..%2Factuator%2Fenv", "/api/..;/actuator/env", "/%00", "/x%ED%A0%80",
                "/" + "a".repeat(10_000))) {
            refused(out, "unrouted " + abbreviated(path), path);
        }
        // methods
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "PROPFIND",
                "FUZZ")) {
            boolean body = !List.of("TRACE", "OPTIONS", "HEAD").contains(method);
            out.add(new FuzzCase(method + " /openapi/roadmaps", method, "/openapi/roadmaps",
                    body ? "application/json" : null, body ? "{}".getBytes(StandardCharsets.UTF_8) : null));
        }
        out.add(new FuzzCase("DELETE /actuator/health", "DELETE", "/actuator/health", null, null));
        out.add(new FuzzCase("TRACE /actuator/health", "TRACE", "/actuator/health", null, null));
        out.add(new FuzzCase("PUT /v3/api-docs", "PUT", "/v3/api-docs", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static void get(List<FuzzCase> out, String description, String path) {
        out.add(new FuzzCase(description, "GET", path, null, null));
    }

    /** A request that must be refused (4xx): nothing is there, or nothing may be served to it. */
    private static void refused(List<FuzzCase> out, String description, String path) {
        out.add(new FuzzCase(description, "GET", path, null, null).expecting(FuzzCase.REFUSED));
    }

    private static String abbreviated(String s) {
        return s.length() <= 60 ? s : s.substring(0, 40) + "... (" + s.length() + " chars)";
    }
}
