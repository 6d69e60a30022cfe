package fr.dataterritoires.testing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start plan of {@code make run}: which jar starts, when, on which port. The run itself: e2e LocalRunTest. */
class LocalSuiteTest {

    @Test
    void everyExecJarIsFoundWhateverItsServiceAndOnlyThose(@TempDir Path repo) throws Exception {
        for (String name : List.of("roadmaps", "portal")) {
            Path target = Files.createDirectories(repo.resolve("services/" + name + "/target"));
            Files.writeString(target.resolve(name + "-0.1.0-SNAPSHOT-exec.jar"), "");
            Files.writeString(target.resolve(name + "-0.1.0-SNAPSHOT.jar"), "");
        }
        Files.createDirectories(repo.resolve("services/unbuilt/src"));
        Map<String, Path> jars = LocalSuite.findJars(repo);
        assertThat(jars).containsOnlyKeys("roadmaps", "portal");
        assertThat(jars.get("portal").getFileName()).hasToString("portal-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void aServiceAskedForWithoutItsJarIsNamedBeforeAnythingStarts(@TempDir Path repo) throws Exception {
        Path target = Files.createDirectories(repo.resolve("services/roadmaps/target"));
        Files.writeString(target.resolve("roadmaps-0.1.0-SNAPSHOT-exec.jar"), "");
        LocalSuite suite = LocalSuite.forTests(repo, repo.resolve("run"), 0, null, System.out)
                .services(List.of("roadmaps", "dataset-search"));
        org.assertj.core.api.Assertions.assertThatThrownBy(suite::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no executable jar for [dataset-search]");
        assertThat(suite.backends()).isEmpty(); // the backends were not started
    }

    @Test
    void grpcServersStartBeforeTheirClientsTheGatewayAfterThemAndUnknownServicesLast() {
        List<List<LocalSuite.Known>> waves = LocalSuite.plan(Set.of("gateway", "roadmaps", "dataset-search",
                "replication", "commons-calls", "exchanges", "portal", "atlas"));
        assertThat(names(waves.get(0))).containsExactlyInAnyOrder("dataset-search", "commons-calls", "exchanges");
        assertThat(names(waves.get(1))).containsExactlyInAnyOrder("roadmaps", "replication");
        assertThat(names(waves.get(2))).containsExactly("gateway");
        assertThat(waves.get(3)).extracting(LocalSuite.Known::name, LocalSuite.Known::http)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("atlas", 8087),
                        org.assertj.core.groups.Tuple.tuple("portal", 8086));
        LocalSuite.Known roadmaps = waves.get(1).stream().filter(k -> k.name().equals("roadmaps")).findFirst().orElseThrow();
        assertThat(roadmaps.grpcClients()).containsEntry("DT_DATASET_SEARCH_GRPC_ADDRESS", "dataset-search");
    }

    @Test
    void aMissingServiceLeavesItsWaveEmptyNotTheOthers() {
        List<List<LocalSuite.Known>> waves = LocalSuite.plan(Set.of("gateway", "exchanges"));
        assertThat(names(waves.get(0))).containsExactly("exchanges");
        assertThat(waves.get(1)).isEmpty();
        assertThat(names(waves.get(2))).containsExactly("gateway");
        assertThat(waves.get(3)).isEmpty();
    }

    private static List<String> names(List<LocalSuite.Known> wave) {
        return wave.stream().map(LocalSuite.Known::name).toList();
    }

    @Test
    void aFailedServicesLogEndIsShownAsLevelLoggerAndMessage(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("roadmaps.log");
        Files.writeString(log, String.join("\n",
                "{\"@timestamp\":\"2026-11-29T08:34:21Z\",\"log\":{\"level\":\"ERROR\",\"logger\":"
                        + "\"org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter\"},\"message\":"
                        + "\"\\n\\nAPPLICATION FAILED TO START\\n\\nWeb server failed to start. Port 8081 was already in use.\"}",
                "plain text line"));
        String tail = LocalSuite.readableTail(log, 25);
        assertThat(tail).contains("ERROR LoggingFailureAnalysisReporter: APPLICATION FAILED TO START",
                "Port 8081 was already in use.", "  plain text line");
        assertThat(tail).doesNotContain("@timestamp");
    }
}
