package fr.dataterritoires.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.testing.local.LocalSuite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace id follows a user's operation from the gateway through REST, gRPC and the events it causes, across the
 * suite's processes (ADR 0016), and every hop's JSON log lines carry it. The caller (a portal page would do the same)
 * sends its own W3C {@code traceparent} with the two requests of one operation on a committee's roadmap:
 * <ol>
 * <li>adding a dataset item: gateway → roadmaps (REST) → dataset-search's {@code DatasetDirectory/GetDatasets}
 * (gRPC), which answers that the dataset is not in the catalogue;</li>
 * <li>declaring a national priority: gateway → roadmaps (REST), whose outbox event {@code PriorityDatasetDeclared}
 * is consumed by dataset-search (AMQP).</li>
 * </ol>
 * Then the trace id must be in the gateway's access lines, in roadmaps' line of the events it recorded, in
 * dataset-search's line of the gRPC call it served and in its line of the event it handled (that event's id).
 * No single request of the suite does REST, gRPC and an event at once: the operation's two requests share the trace
 * as they would from a traced front end.
 *
 * <p>Runs in {@code make test} on the shared suite ({@link SharedSuite}: every service as a process of its own).
 */
class TraceAcrossServicesTest {

    private static final String REGION = "24"; // not the journey's région 52: its random periods would crowd the journey's next one past 2100
    private static final Duration LOG_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void oneTraceIdFollowsTheOperationThroughTheGatewayRestGrpcAndTheEventsItCausesIntoEveryServicesLogs()
            throws Exception {
        LocalSuite suite = SharedSuite.get();
        URI gateway = suite.gateway();
        String coordinator = token(gateway, "NATIONAL_COORDINATOR", Map.of());
        String committee = token(gateway, "COMMITTEE_MEMBER", Map.of("region", REGION));
        UUID roadmap = committeeRoadmap(gateway, coordinator, committee);

        // a fresh suite's first gRPC call (connection, cold code on both sides) can outlast the 2 s deadline: the
        // roadmap's dataset check is warmed up first, outside the trace
        addUnknownDataset(gateway, committee, roadmap, null);

        String traceId = hex(16);

        // 1. REST then gRPC: roadmaps asks dataset-search's catalogue whether the dataset exists
        addUnknownDataset(gateway, committee, roadmap, traceId);

        // 2. REST then an event: the national priority is announced to dataset-search
        Response priority = send(gateway, "POST", "/api/roadmaps/priorities", coordinator,
                Map.of("level", "NATIONAL", "subject", "THEME", "title", "Priorité suivie par sa trace " + traceId,
                        "theme", "traces"), traceId);
        assertThat(priority.status()).as(priority.text()).isEqualTo(201);

        // every hop logged the operation in its trace
        List<JsonNode> gatewayLines = linesOf(suite, "gateway", traceId,
                line -> message(line).contains("/api/roadmaps/priorities") && message(line).contains("status=201"));
        assertThat(gatewayLines).anySatisfy(line -> assertThat(message(line))
                .startsWith("POST /api/roadmaps/roadmaps/" + roadmap + "/items").contains("status=422"));

        List<JsonNode> roadmapsLines = linesOf(suite, "roadmaps", traceId,
                line -> message(line).contains("recorded for publication"));
        String recorded = roadmapsLines.stream().map(TraceAcrossServicesTest::message)
                .filter(m -> m.contains("recorded for publication")).findFirst().orElseThrow();
        Matcher event = Pattern.compile("fr\\.dataterritoires\\.roadmaps\\.PriorityDatasetDeclared\\.v1 ([0-9a-f-]{36})")
                .matcher(recorded);
        assertThat(event.find()).as(recorded).isTrue();

        linesOf(suite, "dataset-search", traceId, line -> message(line)
                .startsWith("gRPC fr.dataterritoires.datasetsearch.v1.DatasetDirectory/GetDatasets OK"));
        linesOf(suite, "dataset-search", traceId, line -> message(line)
                .startsWith("event " + event.group(1) + " (fr.dataterritoires.roadmaps.PriorityDatasetDeclared.v1)")
                && message(line).endsWith(" handled"));
    }

    /**
     * Adds a dataset item naming a dataset the catalogue does not have, as the committee: roadmaps checks it with
     * dataset-search over gRPC and refuses it (422). A 503 (dataset-search did not answer within the deadline, the
     * machine being loaded) is tried again, in the same trace, a few times.
     *
     * @return the unknown dataset id
     */
    private String addUnknownDataset(URI gateway, String committee, UUID roadmap, String traceId) throws Exception {
        String unknownDataset = "trace-" + UUID.randomUUID();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("catalogueDatasetId", unknownDataset);
        dataset.put("targetAccessLevel", "OPEN");
        dataset.put("targetDate", LocalDate.now().plusYears(1).toString());
        dataset.put("responsibleSiren", "213800006");
        dataset.put("answers", "LOCAL");
        Response item = null;
        for (int attempt = 0; attempt < 5 && (item == null || item.status() == 503); attempt++) {
            item = send(gateway, "POST", "/api/roadmaps/roadmaps/" + roadmap + "/items", committee,
                    Map.of("version", version(gateway, committee, roadmap), "kind", "DATASET",
                            "title", "Jeu de données suivi par sa trace", "dataset", dataset), traceId);
        }
        assertThat(item.status()).as(item.text()).isEqualTo(422);
        assertThat(item.text()).as("dataset-search answered over gRPC").contains(unknownDataset)
                .contains("n'est pas dans le catalogue");
        return unknownDataset;
    }

    // ---- the operation's setting (outside the trace) -------------------------------------------------------------

    /** A roadmap of the région's committee, created for this test on a period no other test uses. */
    private UUID committeeRoadmap(URI gateway, String coordinator, String committee) throws Exception {
        Response committees = send(gateway, "GET", "/api/roadmaps/governance/committees", coordinator, null, null);
        boolean present = false;
        for (JsonNode c : committees.body().isArray() ? committees.body() : committees.body().path("content")) {
            present |= REGION.equals(c.path("regionCode").asString());
        }
        if (!present) {
            Response created = send(gateway, "POST", "/api/roadmaps/governance/committees", coordinator,
                    Map.of("regionCode", REGION, "name", "Comité régional de la donnée — Centre-Val de Loire",
                            "relevantTerritory", List.of()), null);
            assertThat(created.status()).as(created.text()).isIn(201, 409);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(2040, 2100);
            Response created = send(gateway, "POST", "/api/roadmaps/roadmaps/committee", committee,
                    Map.of("regionCode", REGION, "startYear", start, "endYear", start,
                            "title", "Feuille de route suivie par sa trace"), null);
            if (created.status() == 201) {
                return UUID.fromString(created.body().path("id").asString());
            }
            assertThat(created.status()).as(created.text()).isEqualTo(409); // that period is taken: another one
        }
        throw new AssertionError("no free period for a committee roadmap of région " + REGION);
    }

    private long version(URI gateway, String token, UUID roadmap) throws Exception {
        Response r = send(gateway, "GET", "/api/roadmaps/roadmaps/" + roadmap, token, null, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().path("version").asLong();
    }

    // ---- logs ----------------------------------------------------------------------------------------------------

    /**
     * The JSON log lines of {@code service} in trace {@code traceId}, once one of them matches {@code wanted}
     * (polled: the consumers log after the request returned); fails after {@link #LOG_WAIT} showing what was there.
     */
    private List<JsonNode> linesOf(LocalSuite suite, String service, String traceId, Predicate<JsonNode> wanted)
            throws Exception {
        Path log = suite.service(service).log();
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        List<JsonNode> inTrace;
        do {
            inTrace = inTrace(log, traceId);
            if (inTrace.stream().anyMatch(wanted)) {
                return inTrace;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching line of " + service + " in trace " + traceId + " within " + LOG_WAIT
                + " (" + log + "); its lines in that trace: "
                + inTrace.stream().map(TraceAcrossServicesTest::message).toList());
    }

    private List<JsonNode> inTrace(Path log, String traceId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains(traceId)) {
                try {
                    JsonNode node = json.readTree(line);
                    if (traceId.equals(node.path("traceId").asString())) {
                        lines.add(node);
                    }
                } catch (RuntimeException halfWritten) {
                    // the line being written: read again on the next poll
                }
            }
        }
        return lines;
    }

    private static String message(JsonNode line) {
        return line.path("message").asString("");
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    record Response(int status, String text, JsonNode body) {
    }

    /** A call through the gateway; with {@code traceId}, in that trace (a span of the caller's own as parent). */
    private Response send(URI gateway, String method, String path, String token, Object body, String traceId)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (traceId != null) {
                b.header("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // the gateway's rate limit, shared with the other journeys of the suite: wait as told
            if (r.statusCode() == 429 && attempt < 20) {
                Thread.sleep(Math.max(1, r.headers().firstValueAsLong("Retry-After").orElse(1)) * 1000);
                continue;
            }
            JsonNode node;
            try {
                node = r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
            } catch (RuntimeException notJson) {
                node = json.nullNode();
            }
            return new Response(r.statusCode(), r.body(), node);
        }
    }

    /** A development token of the gateway's dev issuer (loopback only). */
    private String token(URI gateway, String role, Map<String, String> scope) throws Exception {
        StringBuilder query = new StringBuilder("role=" + role);
        scope.forEach((k, v) -> query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Response r = send(gateway, "GET", "/dev-issuer/token?" + query, null, null, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().path("access_token").asString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
