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
 * Adding a service to the packaging is a tiny chart plus a few declarations (charts/README.md): done here for a
 * service the suite does not have, "observatory" (so that the example never collides with a real chart), in a copy
 * of the repository; the checks name what is missing until it is all there, then pass.
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
        Path to = workspace.chart("observatory");
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
        workspace.edit("charts/observatory/Chart.yaml", t -> t.replace("name: roadmaps", "name: observatory"));
        workspace.edit("charts/observatory/values.yaml", t -> t
                .replace("data-territoires/roadmaps", "data-territoires/observatory")
                .replace("  http: 8081\n", "  http: 8087\n  grpc: 9097\n")
                .replace("cluster: roadmaps-db", "cluster: observatory-db")
                .replace("  name: roadmaps\n", "  name: observatory\n")
                .replace("    - {from: roadmaps, to: dataset-search, port: grpc}\n", "")
                .replace("    - {from: gateway, to: roadmaps, port: http}", "    - {from: gateway, to: observatory, port: http}")
                .replace("    gateway: {httpPort: 8080}", "    observatory: {httpPort: 8087, grpcPort: 9097}\n    gateway: {httpPort: 8080}"));
    }

    @Test
    void aNewServiceIsATinyChartAndAFewDeclarations() throws IOException {
        addTheChart();
        // the chart on its own is already complete
        assertThat(ChartChecks.render(workspace, "observatory", List.of())).isEmpty();
        // but the suite does not run it yet
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of()))
                .contains("data-territoires (defaults): the umbrella renders no Deployment for service chart observatory");

        workspace.edit("charts/data-territoires/Chart.yaml", t -> t + """
                  - name: observatory
                    version: 0.1.0
                    repository: file://../observatory
                    condition: observatory.enabled
                """);
        workspace.edit("charts/data-territoires/values.yaml", t -> t.replace("roadmaps:\n  enabled: true\n",
                "roadmaps:\n  enabled: true\n\nobservatory:\n  enabled: true\n")
                .replace("    - {from: gateway, to: roadmaps, port: http}\n",
                        "    - {from: gateway, to: roadmaps, port: http}\n    - {from: gateway, to: observatory, port: http}\n")
                .replace("    gateway: {httpPort: 8080}",
                        "    observatory: {httpPort: 8087, grpcPort: 9097}\n    gateway: {httpPort: 8080}"));
        workspace.edit("charts/data-territoires/values.schema.json", t -> t.replace(
                "\"roadmaps\": {\"$ref\": \"#/$defs/serviceToggle\"},",
                "\"roadmaps\": {\"$ref\": \"#/$defs/serviceToggle\"},\n    \"observatory\": {\"$ref\": \"#/$defs/serviceToggle\"},"));
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of())).isEmpty();
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA, List.of(workspace.environmentValues("prod")))).isEmpty();
        List<Map<String, Object>> prod = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                workspace.environmentValues("prod")));
        assertThat(prod).anyMatch(o -> "Deployment".equals(o.get("kind"))
                && "observatory".equals(Yaml.string(o, "metadata", "name")));

        // the overlays want its database
        assertThat(ChartChecks.overlay(workspace, "prod")).anyMatch(p -> p.contains(
                "service observatory uses database observatory on cluster observatory-db, which no CloudNativePG Cluster declares"));
        workspace.edit("deploy/base/databases.yaml", t -> t + """
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: observatory-db
                spec:
                  instances: 3
                  storage:
                    size: 10Gi
                  bootstrap:
                    initdb:
                      database: observatory
                      owner: observatory
                """);
        assertThat(ChartChecks.overlay(workspace, "prod")).isEmpty();
    }
}
