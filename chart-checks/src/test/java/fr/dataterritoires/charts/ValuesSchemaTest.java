package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
            """)
    void rightValuesAreAccepted(String chart, String key, String value) {
        assertThat(workspace.render(chart, List.of(), Map.of(key, value))).contains("kind: Deployment");
    }
}
