package fr.dataterritoires.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.e2e.support.SharedSuite;
import fr.dataterritoires.testing.local.DemoSeed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make run SEED=demo} end to end, as a newcomer runs it: the launcher (LocalSuite) as a process of its own
 * with its backends and the six service processes, the demo world seeded through the gateway, checked through the
 * gateway, seeded again without doubling, then SIGTERM (what Ctrl-C does) stops every process it started.
 *
 * <p>About 1 to 3 minutes on a 2-core machine, part of {@code make test} (and so of CI). It runs beside
 * a developer's own {@code make run}: ports shifted by an offset, a database of its own (dropped before and after).
 */
class LocalRunTest {

    private static final String DATABASE = "dt_e2e_local_run";
    private static final List<String> ROLES = List.of("NATIONAL_COORDINATOR", "COMMITTEE_MEMBER", "MINISTRY_OFFICER",
            "FUNDER", "APPLICANT", "EVALUATOR", "AGENT", "HOST_MANAGER");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void makeRunStartsEverythingSeedsTheDemoWorldOnceAndStopsEveryProcess() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        int offset = freeOffset();
        URI gateway = URI.create("http://127.0.0.1:" + (8080 + offset));
        dropDatabase();
        Path output = Path.of("target", "local-run-test.log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classpath, "fr.dataterritoires.testing.local.LocalSuite", "--repo=" + repo,
                "--seed=demo", "--port-offset=" + offset, "--database=" + DATABASE,
                "--run-dir=" + Path.of("target", "local-run-test").toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            awaitReady(launcher, output);
            String printed = Files.readString(output);

            // What a newcomer is told to open, and a token per role.
            assertThat(printed).contains(gateway + "/api-docs", gateway + "/api/<service>/",
                    "(through the gateway: " + gateway + "/api/roadmaps/...)", "logs ");
            for (String role : ROLES) {
                assertThat(printed).containsPattern("export TOKEN_" + role + "=eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            }
            // The launcher's children: the six services (the backends run inside the launcher or are loopback servers).
            launcher.descendants().forEach(started::add);
            assertThat(started).hasSizeGreaterThanOrEqualTo(6);

            World first = world(gateway);
            assertThat(first.committees()).isEqualTo(18);
            assertThat(first.openCalls()).isGreaterThanOrEqualTo(1);
            assertThat(first.offers()).isGreaterThanOrEqualTo(3);
            assertThat(first.initiatives()).isGreaterThanOrEqualTo(3);
            assertThat(first.replications()).isGreaterThanOrEqualTo(1);
            assertThat(first.datasets()).isGreaterThanOrEqualTo(100);
            assertThat(first.guerande()).isGreaterThanOrEqualTo(1);
            assertThat(printed).containsPattern("committees\\s+18 / 18").containsPattern("harvested datasets\\s+1\\d\\d / 1\\d\\d");

            DemoSeed.Report again = new DemoSeed(gateway, repo).run();
            assertThat(again.totalCreated()).as(again.toString()).isZero();
            assertThat(world(gateway)).isEqualTo(first);
        } finally {
            // SIGTERM, as Ctrl-C's SIGINT: the launcher's hook stops the services, then the backends.
            launcher.descendants().forEach(p -> {
                if (!started.contains(p)) {
                    started.add(p);
                }
            });
            launcher.destroy();
            boolean exited = launcher.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                launcher.destroyForcibly();
                started.forEach(ProcessHandle::destroyForcibly);
            }
            assertThat(exited).as("the launcher ends on SIGTERM").isTrue();
        }
        String printed = Files.readString(output);
        assertThat(printed.indexOf("stopping the services")).isPositive()
                .isLessThan(printed.indexOf("stopping the backends"));
        assertThat(printed).contains("make run: stopped.");
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).as("pid " + p.pid() + " left running").isFalse());
        assertThat(listening(8080 + offset)).as("gateway port closed").isFalse();
        dropDatabase();
    }

    record World(int committees, int openCalls, int offers, int initiatives, int replications, long datasets,
                 long guerande) {
    }

    private World world(URI gateway) throws Exception {
        String coordinator = get(gateway, "/dev-issuer/token?role=NATIONAL_COORDINATOR", null)
                .path("access_token").asString();
        int committees = get(gateway, "/api/roadmaps/governance/committees", coordinator).size();
        int openCalls = 0;
        for (JsonNode c : get(gateway, "/api/commons-calls/calls", null)) {
            openCalls += "OPEN".equals(c.path("status").asString()) ? 1 : 0;
        }
        int offers = get(gateway, "/api/exchanges/offers", null).size();
        JsonNode initiatives = get(gateway, "/api/replication/initiatives?limit=200", null);
        int replications = 0;
        for (JsonNode i : initiatives) {
            replications += get(gateway, "/api/replication/initiatives/" + i.path("id").asString() + "/replications",
                    null).size();
        }
        // the index is written after the harvest commits: search until the catalogue has settled
        long datasets = 0;
        long guerande = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            datasets = get(gateway, "/api/dataset-search/datasets?size=1", null).path("total").asLong();
            guerande = get(gateway, "/api/dataset-search/datasets?q=Gu%C3%A9rande", null).path("total").asLong();
            if (datasets >= 100 && guerande >= 1) {
                break;
            }
            Thread.sleep(500);
        }
        return new World(committees, openCalls, offers, initiatives.size(), replications, datasets, guerande);
    }

    private JsonNode get(URI gateway, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static void awaitReady(Process launcher, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(output) ? Files.readString(output) : "";
            if (text.contains("Press Ctrl-C to stop everything.")) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited (" + launcher.exitValue() + "):\n" + text);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not ready and seeded within 6 minutes:\n" + Files.readString(output));
    }

    private static int freeOffset() {
        return SharedSuite.freeOffset();
    }

    private static boolean listening(int port) {
        return SharedSuite.listening(port);
    }

    private static void dropDatabase() {
        SharedSuite.dropDatabase(DATABASE);
    }
}
