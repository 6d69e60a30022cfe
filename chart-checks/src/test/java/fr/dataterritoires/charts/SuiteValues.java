package fr.dataterritoires.charts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a render used, as Helm merges them: chart defaults, then the umbrella's section, then the values files.
 * The policies compare the rendered objects with what these values declare (flows, engines, ports).
 */
final class SuiteValues {

    private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> globals = new LinkedHashMap<>();

    static SuiteValues of(Workspace workspace, String chart, List<Path> valuesFiles) {
        SuiteValues values = new SuiteValues();
        Map<String, Object> supplied = new LinkedHashMap<>();
        for (Path file : valuesFiles) {
            supplied = Yaml.merge(supplied, Yaml.file(file));
        }
        if (chart.equals(Workspace.UMBRELLA)) {
            Map<String, Object> umbrella = Yaml.merge(Yaml.file(workspace.chart(chart).resolve("values.yaml")), supplied);
            for (String service : workspace.serviceCharts()) {
                Map<String, Object> defaults = Yaml.file(workspace.chart(service).resolve("values.yaml"));
                Map<String, Object> merged = Yaml.merge(defaults, Yaml.map(umbrella, service));
                if (Boolean.FALSE.equals(merged.get("enabled"))) {
                    continue;
                }
                values.globals.put(service, Yaml.merge(Yaml.map(defaults, "global"), Yaml.map(umbrella, "global")));
                values.services.put(service, merged);
            }
        } else {
            Map<String, Object> merged = Yaml.merge(Yaml.file(workspace.chart(chart).resolve("values.yaml")), supplied);
            values.globals.put(chart, Yaml.map(merged, "global"));
            values.services.put(chart, merged);
        }
        return values;
    }

    /** The services rendered (enabled). */
    java.util.Set<String> services() {
        return services.keySet();
    }

    Map<String, Object> service(String name) {
        return services.getOrDefault(name, Map.of());
    }

    /** The global section as the named service chart saw it. */
    Map<String, Object> global(String service) {
        return globals.getOrDefault(service, Map.of());
    }
}
