package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The acceptance of the Kubernetes issue: `make charts` fails on each injected fault. Every test copies the
 * repository's charts/ and deploy/, injects one fault into the copy, runs the same checks as ChartsTest and expects
 * the problem that names the fault (not just any failure).
 */
class FaultInjectionTest {

    private static final String WORKLOAD = "charts/dataterritoires-lib/templates/_workload.tpl";
    private static final String NETWORK_POLICY = "charts/dataterritoires-lib/templates/_networkpolicy.tpl";

    private static List<String> problemsWith(String file, UnaryOperator<String> fault) {
        return problemsWith(file, fault, ChartChecks::helm);
    }

    private static List<String> problemsWith(String file, UnaryOperator<String> fault,
            Function<Workspace, List<String>> checks) {
        Workspace workspace = Workspace.copyOfRepository();
        try {
            workspace.edit(file, fault);
            return checks.apply(workspace);
        } finally {
            workspace.delete();
        }
    }

    @Test
    void aMissingProbeFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("""
                readinessProbe:
                  httpGet:
                    path: /actuator/health/readiness
                    port: http
                    {{- if $tls }}
                    scheme: HTTPS
                    {{- end }}
                  periodSeconds: {{ $p.readiness.periodSeconds }}
                  failureThreshold: {{ $p.readiness.failureThreshold }}
                  timeoutSeconds: 3
                """, ""));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/dataset-search") && p.contains("no readinessProbe"));
    }

    @Test
    void aGrpcPortWithoutANativeGrpcProbeFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("""
                  grpc:
                    port: {{ .Values.ports.grpc }}
                """, """
                  tcpSocket:
                    port: {{ .Values.ports.grpc }}
                """));
        assertThat(problems).anyMatch(p -> p.contains("has a grpc port but no native gRPC probe"));
    }

    @Test
    void anUnknownFieldFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("""
                      enableServiceLinks: false
                """, """
                      enableServiceLinks: false
                      shareProcessNamespaces: true
                """));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/dataset-search") && p.contains("shareProcessNamespaces"));
    }

    @Test
    void aWrongTypeInValuesFails() {
        List<String> problems = problemsWith("charts/dataset-search/values.yaml",
                t -> t.replace("replicas: 2\n", "replicas: \"2\"\n"));
        assertThat(problems).anyMatch(p -> p.startsWith("render dataset-search") && p.contains("replicas"));
    }

    @Test
    void aWrongTypeThatTheTemplateProducesFails() {
        // a value the schema accepts, quoted by the template: the API server would refuse a string there
        List<String> problems = problemsWith(WORKLOAD,
                t -> t.replace("replicas: {{ .Values.replicas }}", "replicas: {{ .Values.replicas | quote }}"));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/dataset-search") && p.contains("replicas"));
    }

    @Test
    void aNetworkPolicyOpeningAnUndeclaredFlowFails() {
        List<String> problems = problemsWith(NETWORK_POLICY, t -> t.replace("""
                  ingress:
                    - from:
                """, """
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              app.kubernetes.io/name: exchanges
                      ports:
                        - port: grpc
                          protocol: TCP
                    - from:
                """));
        assertThat(problems).anyMatch(p -> p.contains("NetworkPolicy/dataset-search")
                && p.contains("opens exchanges->dataset-search:grpc, which global.flows does not declare"));
    }

    @Test
    void aNetworkPolicyOpenToEverySourceFails() {
        List<String> problems = problemsWith(NETWORK_POLICY, t -> t.replace("""
                  ingress:
                    - from:
                """, """
                  ingress:
                    - {}
                    - from:
                """));
        assertThat(problems).anyMatch(p -> p.contains("without peers or ports opens every source"));
    }

    @Test
    void aNewlyDeclaredFlowIsOpenedByTheTemplates() {
        List<String> problems = problemsWith("charts/data-territoires/values.yaml",
                t -> t.replace("    - {from: roadmaps, to: dataset-search, port: grpc}\n",
                        "    - {from: roadmaps, to: dataset-search, port: grpc}\n    - {from: dataset-search, to: roadmaps, port: grpc}\n"),
                workspace -> ChartChecks.render(workspace, Workspace.UMBRELLA, List.of()));
        // the new declaration is honoured by the templates: flows and policies agree, the check passes
        assertThat(problems).isEmpty();
    }

    @Test
    void aNetworkPolicyMissingADeclaredFlowFails() {
        List<String> problems = problemsWith(NETWORK_POLICY, t -> t.replace("""
                    {{- if eq $flow.from $self }}
                    {{- $target := index $g.services $flow.to }}
                """, """
                    {{- if eq $flow.from "nobody" }}
                    {{- $target := index $g.services $flow.to }}
                """));
        assertThat(problems).anyMatch(p -> p.contains("NetworkPolicy/roadmaps")
                && p.contains("does not open the declared flow roadmaps->dataset-search:grpc"));
    }

    @Test
    void aRemovedKubernetesApiVersionFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("apiVersion: policy/v1\n", "apiVersion: policy/v1beta1\n"));
        assertThat(problems).anyMatch(p -> p.contains("PodDisruptionBudget/dataset-search")
                && p.contains("apiVersion policy/v1beta1 is removed in Kubernetes 1.25"));
    }

    @Test
    void aRemovedAutoscalingVersionFailsWithProdValues() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("apiVersion: autoscaling/v2\n", "apiVersion: autoscaling/v2beta2\n"));
        assertThat(problems).anyMatch(p -> p.contains("overlays/prod/values.yaml")
                && p.contains("HorizontalPodAutoscaler/dataset-search") && p.contains("removed in Kubernetes 1.26"));
    }

    @Test
    void aServicePortThatDisagreesWithTheContainerFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("""
                    - name: http
                      port: {{ .Values.ports.http }}
                      targetPort: http
                """, """
                    - name: http
                      port: 80
                      targetPort: http
                """));
        assertThat(problems).anyMatch(p -> p.contains("Service/dataset-search")
                && p.contains("port http is 80 but the container listens on 8085"));
    }

    @Test
    void anHpaTargetingNothingFails() {
        List<String> problems = problemsWith(WORKLOAD, t -> t.replace("""
                    kind: Deployment
                    name: {{ include "dtlib.name.v1" . }}
                """, """
                    kind: Deployment
                    name: {{ include "dtlib.name.v1" . }}-old
                """));
        assertThat(problems).anyMatch(p -> p.contains("HorizontalPodAutoscaler/dataset-search") && p.contains("names no rendered object"));
    }

    @Test
    void aMissingPodDisruptionBudgetFails() {
        List<String> problems = problemsWith("charts/dataterritoires-lib/templates/_helpers.tpl", t -> t.replace("""
                ---
                {{ include "dtlib.pdb.v1" . }}
                """, "\n"));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/roadmaps") && p.contains("0 PodDisruptionBudgets"));
    }

    @Test
    void aSecretValueInAChartFails() throws Exception {
        Workspace workspace = Workspace.copyOfRepository();
        try {
            Files.writeString(workspace.chart("roadmaps").resolve("templates/secret.yaml"), """
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: roadmaps-db
                    stringData:
                      password: hunter2
                    """);
            assertThat(ChartChecks.render(workspace, "roadmaps", List.of()))
                    .anyMatch(p -> p.contains("Secret/roadmaps-db") && p.contains("never carry secret values"));
        } finally {
            workspace.delete();
        }
    }

    @Test
    void aPasswordInTheSpringConfigurationFails() {
        List<String> problems = problemsWith("charts/dataset-search/values.yaml", t -> t.replace("""
                springConfig:
                  dataterritoires:
                """, """
                springConfig:
                  spring:
                    datasource:
                      password: hunter2
                  dataterritoires:
                """));
        assertThat(problems).anyMatch(p -> p.contains("ConfigMap/dataset-search")
                && p.contains("spring:datasource:password looks like a credential"));
    }

    @Test
    void aServiceSchemaThatDriftsFromTheCanonicalOneFails() {
        List<String> problems = problemsWith("charts/roadmaps/values.schema.json",
                t -> t.replace("\"replicas\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 50}",
                        "\"replicas\": {\"type\": [\"integer\", \"string\"]}"),
                ChartChecks::schemaFiles);
        assertThat(problems).containsExactly("chart roadmaps: values.schema.json differs from dataterritoires-lib/"
                + "service-values.schema.json (copy it again)");
    }

    @Test
    void anUnknownFieldInACustomResourceFailsTheOverlays() {
        List<String> problems = problemsWith("deploy/base/databases.yaml",
                t -> t.replaceFirst("  instances: 3\n", "  instances: 3\n  instancess: 3\n"),
                workspace -> ChartChecks.overlay(workspace, "dev"));
        assertThat(problems).anyMatch(p -> p.contains("Cluster/dataset-search-db") && p.contains("instancess"));
    }

    @Test
    void aWrongTypeInACustomResourceFailsTheOverlays() {
        List<String> problems = problemsWith("deploy/base/elasticsearch.yaml",
                t -> t.replace("      count: 3\n", "      count: \"3\"\n"),
                workspace -> ChartChecks.overlay(workspace, "prod"));
        assertThat(problems).anyMatch(p -> p.contains("Elasticsearch/dataterritoires") && p.contains("count"));
    }

    @Test
    void aServiceWithoutItsDatabaseClusterFailsTheOverlays() {
        List<String> problems = problemsWith("charts/roadmaps/values.yaml",
                t -> t.replace("  cluster: roadmaps-db ", "  cluster: roadmap-db "),
                workspace -> ChartChecks.overlay(workspace, "prod"));
        assertThat(problems).anyMatch(p -> p.contains("service roadmaps uses database roadmaps on cluster roadmap-db"));
    }

    @Test
    void theFaultFreeCopyPasses() {
        // control: the copy mechanism itself does not make the checks fail
        Workspace workspace = Workspace.copyOfRepository();
        try {
            assertThat(Files.exists(workspace.root.resolve(Path.of(WORKLOAD)))).isTrue();
            assertThat(ChartChecks.render(workspace, "dataset-search", List.of())).isEmpty();
        } finally {
            workspace.delete();
        }
    }
}
