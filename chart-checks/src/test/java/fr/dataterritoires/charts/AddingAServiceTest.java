package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adding a service to the packaging is a tiny chart plus a few declarations (charts/README.md): done here for
 * "replication" in a copy of the repository, the checks name what is missing until it is all there, then pass.
 */
class AddingAServiceTest {

    private Workspace workspace;

    @BeforeEach
    void copy() {
        workspace = Workspace.copyOfRepository();
    }

    @AfterEach
    void clean() {
        workspace.delete();
    }

    private void addTheChart() throws IOException {
        Path from = workspace.chart("roadmaps");
        Path to = workspace.chart("replication");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        workspace.edit("charts/replication/Chart.yaml", t -> t.replace("name: roadmaps", "name: replication"));
        workspace.edit("charts/replication/values.yaml", t -> t
                .replace("data-territoires/roadmaps", "data-territoires/replication")
                .replace("  http: 8081\n", "  http: 8084\n  grpc: 9094\n")
                .replace("cluster: roadmaps-db", "cluster: replication-db")
                .replace("  name: roadmaps\n", "  name: replication\n")
                .replace("    - {from: roadmaps, to: dataset-search, port: grpc}\n", "")
                .replace("    - {from: gateway, to: roadmaps, port: http}", "    - {from: gateway, to: replication, port: http}")
                .replace("    gateway: {httpPort: 8080}", "    replication: {httpPort: 8084, grpcPort: 9094}\n    gateway: {httpPort: 8080}"));
    }

    @Test
    void aNewServiceIsATinyChartAndAFewDeclarations() throws IOException {
        addTheChart();
        // the chart on its own is already complete
        assertThat(ChartChecks.render(workspace, "replication", List.of())).isEmpty();
        // but the suite does not run it yet
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of()))
                .contains("data-territoires (defaults): the umbrella renders no Deployment for service chart replication");

        workspace.edit("charts/data-territoires/Chart.yaml", t -> t + """
                  - name: replication
                    version: 0.1.0
                    repository: file://../replication
                    condition: replication.enabled
                """);
        workspace.edit("charts/data-territoires/values.yaml", t -> t.replace("roadmaps:\n  enabled: true\n",
                "roadmaps:\n  enabled: true\n\nreplication:\n  enabled: true\n")
                .replace("    - {from: gateway, to: roadmaps, port: http}\n",
                        "    - {from: gateway, to: roadmaps, port: http}\n    - {from: gateway, to: replication, port: http}\n"));
        workspace.edit("charts/data-territoires/values.schema.json", t -> t.replace(
                "\"roadmaps\": {\"$ref\": \"#/$defs/serviceToggle\"},",
                "\"roadmaps\": {\"$ref\": \"#/$defs/serviceToggle\"},\n    \"replication\": {\"$ref\": \"#/$defs/serviceToggle\"},"));
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of())).isEmpty();
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of(workspace.environmentValues("prod")))).isEmpty();
        List<Map<String, Object>> prod = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                workspace.environmentValues("prod")));
        assertThat(prod).anyMatch(o -> "Deployment".equals(o.get("kind"))
                && "replication".equals(Yaml.string(o, "metadata", "name")));

        // the overlays want its database
        assertThat(ChartChecks.overlay(workspace, "prod")).anyMatch(p -> p.contains(
                "service replication uses database replication on cluster replication-db, which no CloudNativePG Cluster declares"));
        workspace.edit("deploy/base/databases.yaml", t -> t + """
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: replication-db
                spec:
                  instances: 3
                  storage:
                    size: 10Gi
                  bootstrap:
                    initdb:
                      database: replication
                      owner: replication
                """);
        assertThat(ChartChecks.overlay(workspace, "prod")).isEmpty();
    }
}
