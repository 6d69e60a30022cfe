package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS between services, configurable in the charts (issue 11 §4): with global.tls.enabled the umbrella renders, for
 * every service, its certificate Secret and the suite's trust bundle mounted, Spring Boot's server.ssl (and the gRPC
 * server's) on that certificate, clients that trust the bundle (gRPC channels, the JVM's trust store for HTTP calls),
 * https URLs between services, HTTPS probes and scrapes; the render passes every strict check and policy. Off, the
 * renders carry none of it.
 */
class TlsTest {

    private static Workspace workspace;
    private static Path tlsValues;

    @BeforeAll
    static void copy() throws IOException {
        workspace = Workspace.copyOfRepository();
        workspace.buildDependencies();
        tlsValues = workspace.root.resolve("deploy/overlays/prod/tls-test-values.yaml");
        Files.writeString(tlsValues, """
                global:
                  tls:
                    enabled: true
                roadmaps:
                  tls:
                    secretName: roadmaps-certificate
                """);
    }

    @AfterAll
    static void clean() {
        workspace.delete();
    }

    private static List<Map<String, Object>> prodWithTls() {
        return Yaml.documents(workspace.render(Workspace.UMBRELLA, workspace.environmentValues("prod"), tlsValues));
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(Yaml.string(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return Yaml.maps(deployment, "spec", "template", "spec", "containers").getFirst();
    }

    private static Map<String, Object> springConfig(List<Map<String, Object>> objects, String service) {
        return Yaml.documents(Yaml.string(object(objects, "ConfigMap", service), "data", "application-kubernetes.yaml"))
                .getFirst();
    }

    private static String env(Map<String, Object> container, String name) {
        return Yaml.maps(container, "env").stream().filter(e -> name.equals(e.get("name")))
                .map(e -> Yaml.string(e, "value")).findFirst().orElse(null);
    }

    @Test
    void theTlsRenderPassesEveryStrictCheckAndPolicy() {
        assertThat(ChartChecks.render(workspace, Workspace.UMBRELLA,
                List.of(workspace.environmentValues("prod"), tlsValues))).isEmpty();
    }

    @Test
    void everyServiceServesWithItsCertificateAndTrustsTheBundle() {
        List<Map<String, Object>> objects = prodWithTls();
        for (String service : workspace.serviceCharts()) {
            Map<String, Object> deployment = object(objects, "Deployment", service);
            Map<String, Object> pod = Yaml.map(deployment, "spec", "template", "spec");
            String secret = service.equals("roadmaps") ? "roadmaps-certificate" : service + "-tls";
            assertThat(Yaml.maps(pod, "volumes")).as(service).anySatisfy(v -> {
                assertThat(v.get("name")).isEqualTo("tls-server");
                assertThat(Yaml.string(v, "secret", "secretName")).isEqualTo(secret);
            }).anySatisfy(v -> {
                assertThat(v.get("name")).isEqualTo("tls-trust");
                assertThat(Yaml.string(v, "configMap", "name")).isEqualTo("dataterritoires-ca-bundle");
            });
            Map<String, Object> container = container(deployment);
            assertThat(Yaml.maps(container, "volumeMounts")).as(service)
                    .anyMatch(m -> "/tls/server".equals(m.get("mountPath")) && Boolean.TRUE.equals(m.get("readOnly")))
                    .anyMatch(m -> "/tls/trust".equals(m.get("mountPath")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Yaml.string(container, probe, "httpGet", "scheme")).as(service + " " + probe)
                        .isEqualTo("HTTPS");
            }
            assertThat(env(container, "JDK_JAVA_OPTIONS")).as(service)
                    .contains("-Djavax.net.ssl.trustStore=/tls/trust/truststore.p12");

            Map<String, Object> spring = springConfig(objects, service);
            assertThat(Yaml.string(spring, "server", "ssl", "bundle")).as(service).isEqualTo("dt-server");
            assertThat(Yaml.string(spring, "spring", "ssl", "bundle", "pem", "dt-server", "keystore", "private-key"))
                    .isEqualTo("file:/tls/server/tls.key");
            assertThat(Yaml.string(spring, "spring", "ssl", "bundle", "pem", "dt-trust", "truststore", "certificate"))
                    .isEqualTo("file:/tls/trust/ca.crt");
            boolean grpcServer = Yaml.maps(container, "ports").stream().anyMatch(p -> "grpc".equals(p.get("name")));
            if (grpcServer) {
                assertThat(Yaml.string(spring, "spring", "grpc", "server", "ssl", "bundle")).as(service)
                        .isEqualTo("dt-server");
            }

            Map<String, Object> monitor = object(objects, "ServiceMonitor", service);
            Map<String, Object> endpoint = Yaml.maps(monitor, "spec", "endpoints").getFirst();
            assertThat(endpoint.get("scheme")).isEqualTo("https");
            assertThat(Yaml.string(endpoint, "tlsConfig", "serverName")).isEqualTo(service);
        }
    }

    @Test
    void callersUseTlsTowardsTheServicesTheyCall() {
        List<Map<String, Object>> objects = prodWithTls();
        // gRPC: roadmaps → dataset-search, replication → commons-calls
        Map<String, Object> channel = Yaml.map(springConfig(objects, "roadmaps"), "spring", "grpc", "client", "channels",
                "dataset-search");
        assertThat(channel).containsEntry("address", "static://dataset-search:9095")
                .containsEntry("negotiation-type", "tls");
        assertThat(Yaml.string(channel, "ssl", "bundle")).isEqualTo("dt-trust");
        assertThat(Yaml.string(springConfig(objects, "replication"), "spring", "grpc", "client", "channels",
                "commons-calls", "negotiation-type")).isEqualTo("tls");
        // HTTP: the gateway towards each service, the portal towards the gateway; each variable once
        Map<String, Object> gateway = container(object(objects, "Deployment", "gateway"));
        assertThat(env(gateway, "DT_ROADMAPS_URL")).isEqualTo("https://roadmaps:8081");
        assertThat(env(gateway, "DT_DATASET_SEARCH_URL")).isEqualTo("https://dataset-search:8085");
        assertThat(env(container(object(objects, "Deployment", "portal")), "DT_GATEWAY_URL"))
                .isEqualTo("https://gateway:8080");
        for (String service : workspace.serviceCharts()) {
            Set<String> names = new HashSet<>();
            assertThat(Yaml.maps(container(object(objects, "Deployment", service)), "env"))
                    .allMatch(e -> names.add(Yaml.string(e, "name")), service + ": no variable twice");
        }
        // nothing between services is plain http any more
        for (String service : workspace.serviceCharts()) {
            assertThat(Yaml.maps(container(object(objects, "Deployment", service)), "env"))
                    .noneMatch(e -> String.valueOf(e.get("value")).matches("http://(" + String.join("|",
                            workspace.serviceCharts()) + "):.*"));
        }
    }

    @Test
    void withoutTlsNothingOfItIsRendered() {
        List<Map<String, Object>> objects = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                workspace.environmentValues("prod")));
        for (String service : workspace.serviceCharts()) {
            Map<String, Object> container = container(object(objects, "Deployment", service));
            assertThat(Yaml.maps(container, "volumeMounts")).noneMatch(m -> String.valueOf(m.get("mountPath"))
                    .startsWith("/tls"));
            assertThat(Yaml.string(container, "readinessProbe", "httpGet", "scheme")).isNull();
            assertThat(Yaml.at(springConfig(objects, service), "server", "ssl")).isNull();
        }
        assertThat(env(container(object(objects, "Deployment", "gateway")), "DT_ROADMAPS_URL"))
                .isEqualTo("http://roadmaps:8081");
    }

    @Test
    void aPlainHttpProbeOnAServiceServingTlsFails() throws IOException {
        Workspace faulty = Workspace.copyOfRepository();
        try {
            faulty.edit("charts/dataterritoires-lib/templates/_workload.tpl", t -> t.replaceFirst(
                    "(readinessProbe:\n  httpGet:\n    path: /actuator/health/readiness\n    port: http\n)"
                            + "    \\{\\{- if \\$tls }}\n    scheme: HTTPS\n    \\{\\{- end }}\n", "$1"));
            Path values = faulty.root.resolve("deploy/overlays/prod/tls-test-values.yaml");
            Files.writeString(values, "global:\n  tls:\n    enabled: true\n");
            assertThat(ChartChecks.render(faulty, Workspace.UMBRELLA, List.of(faulty.environmentValues("prod"), values)))
                    .anyMatch(p -> p.contains("Deployment/roadmaps") && p.contains("serves TLS but its readinessProbe "
                            + "is plain HTTP"));
        } finally {
            faulty.delete();
        }
    }

    @Test
    void tlsWithoutATrustBundleIsRefused() throws IOException {
        Path incomplete = workspace.root.resolve("deploy/overlays/prod/tls-incomplete.yaml");
        Files.writeString(incomplete, "global:\n  tls:\n    enabled: true\n    trustBundle: null\n");
        try {
            assertThatThrownBy(() -> workspace.render("roadmaps", List.of(incomplete), Map.of()))
                    .hasMessageContaining("trustBundle");
        } finally {
            try {
                Files.deleteIfExists(incomplete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
