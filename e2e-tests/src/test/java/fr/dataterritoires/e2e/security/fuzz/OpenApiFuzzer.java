package fr.dataterritoires.e2e.security.fuzz;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.e2e.security.fuzz.CaseGenerator.FuzzCase;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.HttpApi.Response;
import fr.dataterritoires.testing.local.DevTokens;
import tools.jackson.databind.JsonNode;

/**
 * Sends every operation's cases through the gateway as a caller who may use the operation (found by sending the
 * nominal request as the likely roles, the first one not refused with 401/403 wins), and checks each answer: no 5xx;
 * every 4xx a problem+json; after every 4xx, the service's schema unchanged ({@link DatabaseFingerprint}; a change is
 * confirmed by replaying the request once the schema is quiet, so background work — the outbox relay, an event from
 * another service — is not blamed on it).
 */
final class OpenApiFuzzer {

    /** Roles tried first per service: the ones its write operations are meant for. */
    static final Map<String, List<String>> LIKELY_ROLES = Map.of(
            "roadmaps", List.of("COMMITTEE_MEMBER", "NATIONAL_COORDINATOR", "MINISTRY_OFFICER"),
            "commons-calls", List.of("FUNDER", "APPLICANT", "EVALUATOR", "NATIONAL_COORDINATOR"),
            "exchanges", List.of("AGENT", "HOST_MANAGER", "NATIONAL_COORDINATOR"),
            "replication", List.of("APPLICANT", "COMMITTEE_MEMBER", "NATIONAL_COORDINATOR"),
            "dataset-search", List.of("NATIONAL_COORDINATOR", "AGENT"));

    /**
     * Operations whose success acts on the whole suite rather than on the fuzzer's own data: not sent, said in the
     * output. Rebuilding the search index under the journeys would make their searches miss for a while.
     */
    static final Set<String> NOT_SENT = Set.of("POST /api/dataset-search/index/rebuild");

    /**
     * Operations whose refusal is itself recorded, by design: a refused préciput file is kept (status REJECTED, its
     * errors listed for the funder) and audited (ADR 0010). Only these tables may change on their refusals.
     */
    static final Map<String, Set<String>> REFUSAL_RECORDED = Map.of(
            "POST /api/commons-calls/preciput/imports", Set.of("preciput_import", "audit_record", "audit_head"));

    /**
     * dataset-search's CKAN action API answers refusals in CKAN's own envelope ({@code "success": false}), which the
     * CKAN clients it serves expect: counted apart, not as a finding.
     */
    static final String CKAN_ACTION_API = "/api/dataset-search/3/action/";

    /** Counts and findings of a run. */
    static final class Tally {
        int requests;
        int success;
        int refused;
        int serverErrors;
        int problemRefusals;
        int refusedButChanged;
        int ckanRefusals;
        int retriedUnderLoad;
        int other;
        int uploads;
        int gatewayRequests;
        int unexpectedStatus;
        final List<String> findings = new ArrayList<>();
        final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        String line() {
            return "fuzzer: " + requests + " requests (" + uploads + " file uploads, " + gatewayRequests
                    + " to the gateway's own paths), " + success + " 2xx, " + refused + " 4xx, 5xx " + serverErrors
                    + ", problem+json refusals " + problemRefusals + ", refused-but-changed " + refusedButChanged
                    + ", unexpected status " + unexpectedStatus;
        }

        String notes() {
            return "fuzzer: of the 4xx, " + ckanRefusals + " from the CKAN action API in CKAN's error format; "
                    + retriedUnderLoad + " answers 503/504 (time budget, dependency) sent again once";
        }
    }

    /** {@code -Ddt.fuzz.verbose=true}: every case and its status on the output. */
    static final boolean VERBOSE = Boolean.getBoolean("dt.fuzz.verbose");

    private final HttpApi api;
    private final DevTokens tokens;
    private final PrintStream out;
    private final Map<String, String> callers = new HashMap<>();
    private final Map<String, Optional<String>> identifiers = new HashMap<>();

    OpenApiFuzzer(HttpApi api, DevTokens tokens, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.out = out;
    }

    CaseGenerator.Identifiers identifiers() {
        return this::identifierNear;
    }

    /** Fuzzes one service's operations, its schema watched by {@code fingerprint}. */
    void run(List<ApiOperation> operations, CaseGenerator generator, int casesPerOperation,
             DatabaseFingerprint fingerprint, Tally tally) {
        DatabaseFingerprint.Snapshot last = fingerprint.settled(200);
        for (ApiOperation op : operations) {
            if (NOT_SENT.contains(op.key())) {
                out.println("  not sent (acts on the whole suite): " + op.key());
                continue;
            }
            long start = System.nanoTime();
            int before = tally.requests;
            String role = null;
            String token = null;
            FuzzCase nominal = generator.nominal(op);
            String kept = null;
            for (String candidate : rolesFor(op.service())) {
                token = token(candidate);
                role = candidate;
                if (op.isUpload()) {
                    tally.uploads++;
                }
                Response r = sendPatiently(nominal, token, tally);
                last = check(op, nominal, token, r, fingerprint, last, tally);
                if (r != null && r.status() >= 200 && r.status() < 300) {
                    kept = null;
                    break;
                }
                if (r != null && r.status() != 401 && r.status() != 403) {
                    if (!op.isUpload()) {
                        break;
                    }
                    // an upload's file is read deeper by a caller whose nominal file goes through: the next roles
                    // are tried too, and the first not refused with 401/403 kept if none does
                    kept = kept == null ? candidate : kept;
                }
            }
            if (kept != null) {
                role = kept;
                token = token(kept);
            }
            for (FuzzCase c : generator.cases(op, casesPerOperation)) {
                if (op.isUpload()) {
                    tally.uploads++;
                }
                Response r = sendPatiently(c, token, tally);
                last = check(op, c, token, r, fingerprint, last, tally);
            }
            out.printf("  %-75s as %-20s %4d requests %6.1f s%n", op.key(), role, tally.requests - before,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private List<String> rolesFor(String service) {
        List<String> roles = new ArrayList<>(LIKELY_ROLES.getOrDefault(service, List.of("NATIONAL_COORDINATOR")));
        return roles;
    }

    String token(String role) {
        return callers.computeIfAbsent(role, r -> {
            Map<String, String> scope = new LinkedHashMap<>();
            scope.put("subject", "fuzz-" + r.toLowerCase().replace('_', '-'));
            if (r.equals("COMMITTEE_MEMBER")) {
                scope.put("region", CaseGenerator.REGION);
            }
            return tokens.token(r, scope);
        });
    }

    private Response send(FuzzCase c, String token) {
        try {
            return api.send(c.method(), c.path(), token, c.contentType(), c.body());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return null; // no answer at all: a finding
        }
    }

    /**
     * A 503 or 504 problem is a time budget or a dependency, which a loaded machine (2 cores, several suites) reaches
     * now and then: sent again once after a pause; a second one is a finding.
     */
    private Response sendPatiently(FuzzCase c, String token, Tally tally) {
        Response r = send(c, token);
        if (r != null && (r.status() == 503 || r.status() == 504)
                && r.contentType().startsWith("application/problem+json")) {
            tally.retriedUnderLoad++;
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r = send(c, token);
        }
        return r;
    }

    private DatabaseFingerprint.Snapshot check(ApiOperation op, FuzzCase c, String token, Response r,
                                               DatabaseFingerprint fingerprint, DatabaseFingerprint.Snapshot before,
                                               Tally tally) {
        if (!classify(c, r, tally)) {
            return fingerprint.take();
        }
        DatabaseFingerprint.Snapshot after = fingerprint.take();
        if (after.equals(before)) {
            return after;
        }
        // Changed: the request, or background work at the same time? Once quiet, the same request again.
        DatabaseFingerprint.Snapshot quiet = fingerprint.settled(300);
        Response again = send(c, token);
        DatabaseFingerprint.Snapshot replayed = fingerprint.take();
        List<String> changed = quiet.changedTables(replayed);
        changed.removeAll(REFUSAL_RECORDED.getOrDefault(op.key(), Set.of()));
        if (again != null && again.status() >= 400 && again.status() < 500 && !changed.isEmpty()) {
            tally.refusedButChanged++;
            tally.findings.add("refused but changed " + quiet.changesTo(replayed) + ": " + describe(c, again));
        }
        return replayed;
    }

    /**
     * Counts the answer and notes what is wrong with it: no answer, a 5xx, a refusal not problem+json, a status other
     * than the one the case expects. True when it is a refusal (4xx).
     */
    private static boolean classify(FuzzCase c, Response r, Tally tally) {
        tally.requests++;
        if (r == null) {
            tally.other++;
            tally.findings.add("no answer: " + describe(c, null));
            return false;
        }
        tally.statuses.merge(r.status(), 1, Integer::sum);
        boolean unexpected = c.expected() == FuzzCase.REFUSED ? r.status() < 400
                : c.expected() != 0 && r.status() != c.expected() && r.status() < 500;
        if (unexpected) {
            tally.unexpectedStatus++;
            tally.findings.add("expected " + (c.expected() == FuzzCase.REFUSED ? "a 4xx" : c.expected()) + ": "
                    + describe(c, r));
        }
        if (VERBOSE) {
            System.out.println("    " + r.status() + " " + c.method() + " " + abbreviate(c.path(), 120) + " ["
                    + c.description() + "]");
        }
        if (r.status() >= 500) {
            tally.serverErrors++;
            tally.findings.add("5xx: " + describe(c, r));
            return false;
        }
        if (r.status() >= 200 && r.status() < 300) {
            tally.success++;
            return false;
        }
        if (r.status() < 400) {
            tally.other++;
            return false;
        }
        tally.refused++;
        if (r.contentType().startsWith("application/problem+json")) {
            tally.problemRefusals++;
        } else if (c.path().startsWith(CKAN_ACTION_API) && r.contentType().startsWith("application/json")
                && r.body().replace(" ", "").contains("\"success\":false")) {
            tally.ckanRefusals++;
        } else {
            tally.findings.add("refusal not problem+json (" + r.contentType() + "): " + describe(c, r));
        }
        return true;
    }

    /**
     * The gateway's own paths ({@link GatewayCases}): answered by the gateway itself, which holds no data; the same
     * checks but the database's. Sent anonymously, as the internet would.
     */
    void runGateway(List<FuzzCase> cases, Tally tally) {
        long start = System.nanoTime();
        int before = tally.requests;
        for (FuzzCase c : cases) {
            classify(c, sendPatiently(c, null, tally), tally);
            tally.gatewayRequests++;
        }
        out.printf("  %-75s as %-20s %4d requests %6.1f s%n", "the gateway's own paths", "anonymous",
                tally.requests - before, (System.nanoTime() - start) / 1e9);
    }

    private static String describe(FuzzCase c, Response r) {
        String answer = r == null ? "(connection failed)" : r.status() + " " + abbreviate(r.body(), 300);
        return c.method() + " " + abbreviate(c.path(), 200) + " [" + c.description() + "]"
                + (c.body() == null ? "" : " body " + c.contentType() + " " + c.bodyPreview()) + "\n      → " + answer;
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "...";
    }

    // ---------------------------------------------------------------- existing identifiers

    /**
     * An identifier that exists under {@code collection} (a concrete path of the service, e.g. {@code /roadmaps} or
     * {@code /roadmaps/<id>/items}): the smallest {@code id} the collection lists, else one its parent's detail lists
     * under the collection's name. Asked as the national coordinator; empty when neither answers.
     */
    private Optional<String> identifierNear(String service, String collection) {
        return identifiers.computeIfAbsent(service + collection, k -> {
            TreeSet<String> ids = new TreeSet<>();
            idsOf(get(service, collection), ids);
            int slash = collection.lastIndexOf('/');
            if (ids.isEmpty() && slash > 0) {
                JsonNode parent = get(service, collection.substring(0, slash));
                if (parent != null) {
                    idsOf(parent.path(collection.substring(slash + 1)), ids);
                }
            }
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.first());
        });
    }

    private JsonNode get(String service, String path) {
        try {
            Response r = api.get("/api/" + service + path, token("NATIONAL_COORDINATOR"));
            return r.status() == 200 && r.contentType().contains("json") ? r.json() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void idsOf(JsonNode node, Set<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.path("id").isString() || element.path("id").isNumber()) {
                    ids.add(element.path("id").asString());
                }
            }
            return;
        }
        for (String field : List.of("items", "content", "results", "data", "elements")) {
            if (node.path(field).isArray()) {
                idsOf(node.path(field), ids);
            }
        }
    }
}
