package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses wrong values at render time, with Helm naming the value. */
class ValuesSchemaTest {

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

    @ParameterizedTest(name = "{0}: {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            dataset-search   | replicas                       | two           | replicas
            dataset-search   | replicas                       | 0             | replicas
            dataset-search   | image.tag                      | latest        | tag
            dataset-search   | ports.http                     | 80            | http
            dataset-search   | autoscaling.enabled            | yes           | enabled
            dataset-search   | resources.limits.memory        | lots          | memory
            dataset-search   | env.DB_PASSWORD                | hunter2       | DB_PASSWORD
            dataset-search   | secretEnv[0].value             | hunter2       | value
            dataset-search   | replicass                      | 2             | replicass
            dataset-search   | libContract                    | v2            | libContract
            roadmaps         | database.enabled               | maybe         | enabled
            roadmaps         | global.flows[0].port           | amqp          | port
            data-territoires | global.environment             | production    | environment
            data-territoires | global.imageTag                | latest        | imageTag
            data-territoires | dataset-search.replicas        | two           | replicas
            data-territoires | observatory.enabled            | true          | observatory
            roadmaps         | serviceRateLimit.enabled       | yes           | enabled
            roadmaps         | serviceRateLimit.replenishRate | 0             | replenishRate
            roadmaps         | serviceRateLimit.replenishRate | -20           | replenishRate
            roadmaps         | serviceRateLimit.replenishRate | lots          | replenishRate
            roadmaps         | serviceRateLimit.burstCapacity | 0             | burstCapacity
            roadmaps         | serviceRateLimit.burstCapacity | -400          | burstCapacity
            roadmaps         | serviceRateLimit.burstCapacity | four hundred  | burstCapacity
            roadmaps         | serviceRateLimit.burstRate     | 400           | burstRate
            gateway          | env.DT_SERVICE_RATE_LIMIT_ENABLED | false     | DT_SERVICE_RATE_LIMIT_ENABLED
            data-territoires | commons-calls.serviceRateLimit.burstCapacity | 0 | burstCapacity
            """)
    void wrongValuesAreRefused(String chart, String key, String value, String named) {
        assertThatThrownBy(() -> workspace.render(chart, List.of(), Map.of(key, value)))
                .hasMessageContaining("schema")
                .hasMessageContaining(named);
    }

    @ParameterizedTest(name = "{0}: {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            dataset-search   | replicas                | 3
            dataset-search   | image.tag               | 0.2.0
            data-territoires | global.environment      | staging
            data-territoires | roadmaps.enabled        | false
            roadmaps         | serviceRateLimit.enabled       | false
            """)
    void rightValuesAreAccepted(String chart, String key, String value) {
        assertThat(workspace.render(chart, List.of(), Map.of(key, value))).contains("kind: Deployment");
    }

    /** Fractions, from a values file (helm --set leaves "0.5" a string): a rate may be one, a bucket's size not. */
    @Test
    void aRateLimitsReplenishRateMayBeAFractionItsBurstCapacityNot() throws IOException {
        assertThat(workspace.render("roadmaps", List.of(values("serviceRateLimit: {enabled: true, replenishRate: 0.5, "
                + "burstCapacity: 2}")), Map.of())).contains("kind: Deployment");
        assertThatThrownBy(() -> workspace.render("roadmaps", List.of(values("serviceRateLimit: {enabled: true, "
                + "replenishRate: 20, burstCapacity: 40.5}")), Map.of()))
                .hasMessageContaining("schema").hasMessageContaining("burstCapacity");
        assertThatThrownBy(() -> workspace.render("roadmaps", List.of(values("serviceRateLimit: {enabled: true, "
                + "replenishRate: 0.0, burstCapacity: 40}")), Map.of()))
                .hasMessageContaining("schema").hasMessageContaining("replenishRate");
    }

    private static Path values(String yaml) throws IOException {
        Path file = Files.createTempFile(workspace.root, "values-", ".yaml");
        Files.writeString(file, yaml + "\n");
        return file;
    }
}
