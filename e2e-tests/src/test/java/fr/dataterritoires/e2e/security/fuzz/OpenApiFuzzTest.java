package fr.dataterritoires.e2e.security.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.e2e.security.SecurityCounts;
import fr.dataterritoires.e2e.support.GatewayApi;
import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.PostgresBackend;
import fr.dataterritoires.testing.local.DevTokens;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 §2: every operation of every service's OpenAPI document (as the gateway serves it, {@code /openapi/<name>})
 * is sent malformed, boundary and hostile values through the gateway, as a caller who may use it, against the suite as
 * processes ({@link SharedSuite}). Passes when no answer is a 5xx, every 4xx is problem+json, and no refused request
 * changed the service's schema. Prints {@code fuzzer: N requests, X 2xx, Y 4xx, 5xx 0, problem+json refusals Y,
 * refused-but-changed 0}.
 *
 * <p>{@code make test}: a few cases per operation ({@code -Ddt.fuzz.cases=N}, default 6); {@code make e2e}
 * ({@code -Ddt.security.exhaustive=true}): 60 per operation. Seeded ({@code -Ddt.fuzz.seed}); a finding prints the
 * request, which replays against a {@code make run} with {@code -Ddt.e2e.gateway=URL -Ddt.e2e.database=NAME}.
 */
class OpenApiFuzzTest {

    static final List<String> SERVICES = List.of("dataset-search", "roadmaps", "commons-calls", "exchanges",
            "replication");

    @Test
    void badInputIsRefusedCleanlyAndChangesNothing() throws Exception {
        URI gateway = SharedSuite.gateway();
        boolean exhaustive = Boolean.getBoolean("dt.security.exhaustive");
        int perOperation = Integer.getInteger("dt.fuzz.cases", exhaustive ? 60 : 6);
        long seed = Long.getLong("dt.fuzz.seed", 20_261_129L);
        Map<String, String> database = database();
        // -Ddt.fuzz.only=REGEX: only the operations whose key it finds ("gateway": the gateway's own paths)
        String only = System.getProperty("dt.fuzz.only", "");
        java.util.regex.Pattern chosen = java.util.regex.Pattern.compile(only);

        GatewayApi api = new GatewayApi(gateway);
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(api, new DevTokens(gateway), System.out);
        String epci = Territories.get().childrenOf(TerritoryLevel.DEPARTEMENT, CaseGenerator.DEPARTEMENT,
                TerritoryLevel.EPCI).getFirst().code();
        CaseGenerator generator = new CaseGenerator(seed, fuzzer.identifiers(), epci);
        OpenApiFuzzer.Tally tally = new OpenApiFuzzer.Tally();
        System.out.println("fuzzer: seed " + seed + ", " + perOperation + " cases per operation"
                + (exhaustive ? " (exhaustive)" : ""));
        int operations = 0;
        try {
            for (String service : SERVICES) {
                JsonNode document = api.get("/openapi/" + service, null).ok().json();
                List<ApiOperation> ops = new ArrayList<>(new OpenApiDocument(document).operations(service));
                ops.removeIf(op -> !chosen.matcher(op.key()).find());
                if (ops.isEmpty()) {
                    continue;
                }
                ops.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
                operations += ops.size();
                System.out.println("fuzzer: " + service + ", " + ops.size() + " operations");
                try (DatabaseFingerprint fingerprint = new DatabaseFingerprint(database.get("url"),
                        database.get("user"), database.get("password"), service.replace('-', '_'))) {
                    fuzzer.run(ops, generator, perOperation, fingerprint, tally);
                }
            }
            if (chosen.matcher("the gateway's own paths").find()) {
                fuzzer.runGateway(GatewayCases.all(), tally);
            }
        } finally {
            System.out.println("fuzzer: " + operations + " operations, answers by status " + tally.statuses);
            tally.findings.forEach(f -> System.out.println("fuzzer finding: " + f));
            System.out.println(tally.notes());
            SecurityCounts.report("fuzzer", tally.line() + " (seed " + seed + ", " + perOperation
                    + " cases per operation, " + operations + " operations)");
        }
        assertThat(tally.findings).as("5xx, non-problem refusals and refused requests that changed data")
                .isEmpty();
        assertThat(tally.serverErrors).isZero();
        assertThat(tally.refusedButChanged).isZero();
        assertThat(tally.unexpectedStatus).isZero();
        if (only.isEmpty()) {
            assertThat(operations).as("operations").isGreaterThan(100);
            assertThat(tally.uploads).as("file uploads sent").isPositive();
            assertThat(tally.gatewayRequests).as("requests to the gateway's own paths").isPositive();
        }
        assertThat(tally.problemRefusals + tally.ckanRefusals).isEqualTo(tally.refused);
        assertThat(tally.refused).as("the fuzzer's cases are mostly refused").isGreaterThan(tally.requests / 2);
    }

    /** The suite's database: the shared suite's, or for a suite named by -Ddt.e2e.gateway, -Ddt.e2e.database. */
    private static Map<String, String> database() throws Exception {
        if (System.getProperty("dt.e2e.gateway", "").isBlank()) {
            Map<String, String> backends = SharedSuite.get().backends();
            return Map.of("url", backends.get("DT_POSTGRES_URL"), "user", backends.getOrDefault("DT_POSTGRES_USER", ""),
                    "password", backends.getOrDefault("DT_POSTGRES_PASSWORD", ""));
        }
        String name = System.getProperty("dt.e2e.database", "");
        assertThat(name).as("-Ddt.e2e.database=NAME: the database of the suite -Ddt.e2e.gateway names").isNotBlank();
        try (BackendResolver resolver = BackendResolver.system()) {
            PostgresBackend pg = resolver.postgres();
            String url = pg.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            return Map.of("url", url, "user", pg.username(), "password", pg.password() == null ? "" : pg.password());
        }
    }
}
