package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's charts and overlays pass every check (make charts). */
class ChartsTest {

    private static Workspace workspace;

    @BeforeAll
    static void copy() {
        workspace = Workspace.copyOfRepository();
        workspace.buildDependencies();
    }

    @AfterAll
    static void clean() {
        workspace.delete();
    }

    @Test
    void everyChartLintsStrictly() {
        assertThat(workspace.charts()).contains(Workspace.LIBRARY, Workspace.UMBRELLA, "dataset-search", "roadmaps");
        assertThat(ChartChecks.lint(workspace)).isEmpty();
    }

    @Test
    void everyChartHasAValuesSchemaAndServiceChartsShareTheCanonicalOne() {
        assertThat(ChartChecks.schemaFiles(workspace)).isEmpty();
    }

    @Test
    void everyRenderIsStrictlyValidAndFollowsThePolicies() {
        assertThat(ChartChecks.helm(workspace)).isEmpty();
    }

    @Test
    void theUmbrellaWithProdValuesYieldsTheObjectsOfEveryService() {
        List<Map<String, Object>> objects = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                workspace.environmentValues("prod")));
        for (String service : workspace.serviceCharts()) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                    "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceMonitor")) {
                assertThat(objects).as(kind + " " + service).anyMatch(o -> kind.equals(o.get("kind"))
                        && service.equals(Yaml.string(o, "metadata", "name")));
            }
        }
        // prod pins one release tag for the suite and the production registry
        assertThat(objects).filteredOn(o -> "Deployment".equals(o.get("kind")))
                .allSatisfy(d -> assertThat(Yaml.string(Yaml.maps(d, "spec", "template", "spec", "containers").getFirst(),
                        "image")).startsWith("registry.data-territoires.gouv.fr/").endsWith(":0.1.0"));
    }

    @Test
    void theCallerGetsItsGrpcChannelFromTheDeclaredFlow() {
        List<Map<String, Object>> objects = Yaml.documents(workspace.render(Workspace.UMBRELLA));
        Map<String, Object> config = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))
                && "roadmaps".equals(Yaml.string(o, "metadata", "name"))).findFirst().orElseThrow();
        Map<String, Object> spring = Yaml.documents(Yaml.string(config, "data", "application-kubernetes.yaml")).getFirst();
        assertThat(Yaml.string(spring, "spring", "grpc", "client", "channels", "dataset-search", "address"))
                .isEqualTo("static://dataset-search:9095");
    }

    @Test
    void theGatewayCountsItsRateLimitsInTheRedisOfGlobalRedis() {
        List<Map<String, Object>> objects = Yaml.documents(workspace.render(Workspace.UMBRELLA));
        Map<String, Object> deployment = objects.stream().filter(o -> "Deployment".equals(o.get("kind"))
                && "gateway".equals(Yaml.string(o, "metadata", "name"))).findFirst().orElseThrow();
        List<Map<String, Object>> env = Yaml.maps(Yaml.maps(deployment, "spec", "template", "spec", "containers")
                .getFirst(), "env");
        assertThat(env).anyMatch(e -> "DT_REDIS_URL".equals(e.get("name"))
                && "redis://dataterritoires-redis:6379".equals(e.get("value")));
        assertThat(env).anyMatch(e -> "DT_ROADMAPS_URL".equals(e.get("name"))
                && "http://roadmaps:8081".equals(e.get("value")));
        Map<String, Object> policy = objects.stream().filter(o -> "NetworkPolicy".equals(o.get("kind"))
                && "gateway".equals(Yaml.string(o, "metadata", "name"))).findFirst().orElseThrow();
        assertThat(Yaml.maps(policy, "spec", "egress")).anyMatch(rule -> Yaml.maps(rule, "ports").stream()
                .anyMatch(p -> "6379".equals(String.valueOf(p.get("port")))));
        // a service without redis.enabled gets neither
        Map<String, Object> roadmaps = objects.stream().filter(o -> "Deployment".equals(o.get("kind"))
                && "roadmaps".equals(Yaml.string(o, "metadata", "name"))).findFirst().orElseThrow();
        assertThat(Yaml.maps(Yaml.maps(roadmaps, "spec", "template", "spec", "containers").getFirst(), "env"))
                .noneMatch(e -> "DT_REDIS_URL".equals(e.get("name")));
    }

    @Test
    void everyServiceContainerCarriesItsOwnRateLimitThePlatformsDefaultsUnlessItsValuesChangeThem() throws IOException {
        // the platform's defaults (platform-defaults.properties): on, 200 requests/s, bursts of 400
        List<Map<String, Object>> defaults = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                workspace.environmentValues("prod")));
        for (String service : workspace.serviceCharts()) {
            assertThat(containerEnv(defaults, service)).as(service)
                    .containsEntry("DT_SERVICE_RATE_LIMIT_ENABLED", "true")
                    .containsEntry("DT_SERVICE_RATE_LIMIT_REPLENISH_RATE", "200")
                    .containsEntry("DT_SERVICE_RATE_LIMIT_BURST_CAPACITY", "400");
        }
        // one service's values change its own limit only (a fractional rate is the platform's too: one every 2 s)
        Path values = Files.createTempFile(workspace.root, "values-", ".yaml");
        Files.writeString(values, """
                roadmaps:
                  serviceRateLimit: {enabled: true, replenishRate: 0.5, burstCapacity: 1000000}
                gateway:
                  serviceRateLimit: {enabled: false, replenishRate: 200, burstCapacity: 400}
                """);
        List<Map<String, Object>> changed = Yaml.documents(workspace.render(Workspace.UMBRELLA,
                List.of(workspace.environmentValues("prod"), values), Map.of()));
        assertThat(containerEnv(changed, "roadmaps"))
                .containsEntry("DT_SERVICE_RATE_LIMIT_REPLENISH_RATE", "0.5")
                // an integer the platform parses, not Go's 1e+06
                .containsEntry("DT_SERVICE_RATE_LIMIT_BURST_CAPACITY", "1000000")
                .containsEntry("DT_SERVICE_RATE_LIMIT_ENABLED", "true");
        assertThat(containerEnv(changed, "gateway")).containsEntry("DT_SERVICE_RATE_LIMIT_ENABLED", "false");
        assertThat(containerEnv(changed, "dataset-search")).containsEntry("DT_SERVICE_RATE_LIMIT_REPLENISH_RATE", "200")
                .containsEntry("DT_SERVICE_RATE_LIMIT_BURST_CAPACITY", "400");
    }

    /** The plain environment variables of a service's container (name → value; references left out). */
    private static Map<String, Object> containerEnv(List<Map<String, Object>> objects, String service) {
        Map<String, Object> deployment = objects.stream().filter(o -> "Deployment".equals(o.get("kind"))
                && service.equals(Yaml.string(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + service));
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : Yaml.maps(Yaml.maps(deployment, "spec", "template", "spec", "containers")
                .getFirst(), "env")) {
            if (variable.containsKey("value")) {
                assertThat(env.put((String) variable.get("name"), variable.get("value")))
                        .as(service + ": " + variable.get("name") + " set once").isNull();
            }
        }
        return env;
    }

    @Test
    void kustomizeOverlaysRenderValidObjects() {
        assertThat(ChartChecks.overlays(workspace)).isEmpty();
        List<Map<String, Object>> prod = Yaml.documents(workspace.kustomize("prod"));
        for (String kind : List.of("Cluster", "ScheduledBackup", "Elasticsearch", "RabbitmqCluster", "Policy",
                "PrometheusRule", "Deployment", "PriorityClass")) {
            assertThat(prod).as(kind).anyMatch(o -> kind.equals(o.get("kind")));
        }
        assertThat(prod).filteredOn(o -> "Cluster".equals(o.get("kind")))
                .extracting(o -> Yaml.string(o, "metadata", "name"))
                .containsExactlyInAnyOrder("dataset-search-db", "roadmaps-db", "exchanges-db", "commons-calls-db",
                        "replication-db");
        // helm-java's template leaves Helm hooks out; the helm binary kustomize runs includes them, so the
        // migration Jobs and their NetworkPolicies are checked here
        for (String service : workspace.serviceCharts()) {
            // a service without a database (the gateway, the portal) has no migrations
            if (!Boolean.TRUE.equals(Yaml.at(Yaml.file(workspace.root.resolve("charts/" + service + "/values.yaml")),
                    "migrations", "enabled"))) {
                assertThat(prod).as("no migrations Job for " + service).noneMatch(o -> "Job".equals(o.get("kind"))
                        && (service + "-migrations").equals(Yaml.string(o, "metadata", "name")));
                continue;
            }
            for (String kind : List.of("Job", "NetworkPolicy")) {
                assertThat(prod).as(kind + " " + service + "-migrations").anyMatch(o -> kind.equals(o.get("kind"))
                        && (service + "-migrations").equals(Yaml.string(o, "metadata", "name")));
            }
        }
        List<Map<String, Object>> dev = Yaml.documents(workspace.kustomize("dev"));
        assertThat(dev).filteredOn(o -> "Cluster".equals(o.get("kind")))
                .allSatisfy(c -> assertThat(Yaml.at(c, "spec", "instances")).isEqualTo(1));
    }
}
