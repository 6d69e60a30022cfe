package fr.dataterritoires.testing.local;

import static fr.dataterritoires.testing.process.IoCalls.unchecked;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Harvest sources of a running suite's dataset-search, declared and harvested through the gateway with a national
 * coordinator's token, as an operator would: dataset-search's real harvester reads the source over HTTP.
 */
public final class Harvests {

    private static final Set<String> UNFINISHED = Set.of("RUNNING", "QUEUED", "PENDING", "REQUESTED");
    private static final Set<String> SUCCEEDED = Set.of("SUCCEEDED", "COMPLETED", "PARTIAL");

    private final GatewayHttp http;
    private final String coordinator;

    public Harvests(URI gateway, String coordinatorToken) {
        this(new GatewayHttp(gateway), coordinatorToken);
    }

    Harvests(GatewayHttp http, String coordinatorToken) {
        this.http = http;
        this.coordinator = coordinatorToken;
    }

    /**
     * Declares source {@code id} of {@code kind} (DCAT, CSW, DATAGOUV, CKAN) at {@code url}, enabled, harvested on
     * demand; an existing one is pointed at {@code url} again (a local server has a new port every run).
     *
     * @return whether the source existed
     */
    public boolean declare(String id, String name, String kind, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("kind", kind);
        body.put("url", url);
        body.put("enabled", true);
        return unchecked(() -> {
            boolean present = http.send("GET", "/api/dataset-search/sources/" + id, null, null).status() == 200;
            if (present) {
                http.call("PUT", "/api/dataset-search/sources/" + id, coordinator, body, 200);
            } else {
                http.call("POST", "/api/dataset-search/sources", coordinator, body, 201);
            }
            return present;
        });
    }

    /** Harvests {@code source} now and waits for the run to end (3 minutes at most); returns the run as the API shows it. */
    public JsonNode run(String source) {
        return await(request(source));
    }

    /** Requests a run of {@code source}, after the one in progress if any (2 minutes at most); returns the run id. */
    public String request(String source) {
        return unchecked(() -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                GatewayHttp.Response r = http.send("POST", "/api/dataset-search/sources/" + source + "/runs",
                        coordinator, null);
                if (r.status() == 202) {
                    return r.body().path("id").asString();
                }
                // 409: a run of this source is in progress (a scheduled one): wait for it to end
                if (r.status() != 409 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("harvest of " + source + ": HTTP " + r.status() + " " + r.text());
                }
                Thread.sleep(1000);
            }
        });
    }

    /** Waits for run {@code run} to end (3 minutes at most); fails unless it succeeded, at least partly. */
    public JsonNode await(String run) {
        return unchecked(() -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode r = http.call("GET", "/api/dataset-search/harvest-runs/" + run, null, null, 200);
                String status = r.path("status").asString();
                if (!UNFINISHED.contains(status)) {
                    if (!SUCCEEDED.contains(status)) {
                        throw new IllegalStateException("harvest run " + run + " ended " + status + ": " + r);
                    }
                    return r;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("harvest run " + run + " did not finish within 3 minutes");
        });
    }
}
