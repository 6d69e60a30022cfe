package fr.dataterritoires.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.marcnuri.helm.LintResult;

/**
 * Every check of charts/ and deploy/ on a workspace, returning the problems found (empty = pass). The tests run it
 * on a copy of the repository (must pass) and on copies with injected faults (must fail, with the right problem).
 */
final class ChartChecks {

    static final StrictKubernetesModel MODEL = new StrictKubernetesModel();
    static final CustomResourceSchemas CUSTOM_RESOURCES = new CustomResourceSchemas();

    private ChartChecks() {
    }

    /** Lint, schemas, and every render (each chart with its defaults, the umbrella with each environment's values). */
    static List<String> helm(Workspace workspace) {
        List<String> problems = new ArrayList<>();
        problems.addAll(lint(workspace));
        problems.addAll(schemaFiles(workspace));
        for (String chart : workspace.charts()) {
            if (!chart.equals(Workspace.LIBRARY)) {
                problems.addAll(render(workspace, chart, List.of()));
            }
        }
        for (String environment : Workspace.ENVIRONMENTS) {
            problems.addAll(render(workspace, Workspace.UMBRELLA, List.of(workspace.environmentValues(environment))));
        }
        return problems;
    }

    static List<String> lint(Workspace workspace) {
        List<String> problems = new ArrayList<>();
        for (String chart : workspace.charts()) {
            try {
                LintResult result = workspace.lint(chart);
                if (result.isFailed()) {
                    problems.add("lint " + chart + ": " + String.join(" | ", result.getMessages()));
                }
            } catch (RuntimeException e) {
                problems.add("lint " + chart + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** Every chart has a values.schema.json; a service chart's is the library's canonical one, byte for byte. */
    static List<String> schemaFiles(Workspace workspace) {
        List<String> problems = new ArrayList<>();
        try {
            String canonical = Files.readString(workspace.chart(Workspace.LIBRARY).resolve("service-values.schema.json"));
            for (String chart : workspace.charts()) {
                Path schema = workspace.chart(chart).resolve("values.schema.json");
                if (!Files.exists(schema)) {
                    problems.add("chart " + chart + " has no values.schema.json");
                } else if (workspace.serviceCharts().contains(chart) && !Files.readString(schema).equals(canonical)) {
                    problems.add("chart " + chart + ": values.schema.json differs from dataterritoires-lib/"
                            + "service-values.schema.json (copy it again)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** One render: Helm's own errors (schema, templates), then every object, then the policies. */
    static List<String> render(Workspace workspace, String chart, List<Path> valuesFiles) {
        String label = chart + (valuesFiles.isEmpty() ? " (defaults)" : " " + valuesFiles.stream()
                .map(p -> workspace.root.relativize(p).toString()).toList());
        String yaml;
        try {
            yaml = workspace.render(chart, valuesFiles, Map.of());
        } catch (RuntimeException e) {
            return List.of("render " + label + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> objects;
        try {
            objects = Yaml.documents(yaml);
        } catch (RuntimeException e) {
            return List.of("render " + label + ": not valid YAML: " + e.getMessage());
        }
        problems.addAll(objects(label, objects));
        problems.addAll(Policies.check(objects, SuiteValues.of(workspace, chart, valuesFiles)).stream()
                .map(p -> label + ": " + p).toList());
        if (chart.equals(Workspace.UMBRELLA)) {
            for (String service : workspace.serviceCharts()) {
                boolean present = objects.stream().anyMatch(o -> "Deployment".equals(o.get("kind"))
                        && service.equals(Yaml.string(o, "metadata", "name")));
                if (!present) {
                    problems.add(label + ": the umbrella renders no Deployment for service chart " + service);
                }
            }
        }
        return problems;
    }

    /** API version served, then strict binding (built-in kinds) or the minimal strict schema (custom resources). */
    static List<String> objects(String label, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String apiVersion = Yaml.string(object, "apiVersion");
            String kind = Yaml.string(object, "kind");
            String name = kind + "/" + Yaml.string(object, "metadata", "name");
            Optional<String> api = ApiVersions.problem(apiVersion);
            api.ifPresent(p -> problems.add(label + ": " + name + ": " + p));
            if (MODEL.typeOf(apiVersion, kind).isPresent()) {
                MODEL.validate(object).ifPresent(p -> problems.add(label + ": " + name + ": " + p));
            } else if (CUSTOM_RESOURCES.knows(apiVersion, kind)) {
                CUSTOM_RESOURCES.validate(object).forEach(p -> problems.add(label + ": " + name + ": " + p));
            } else if (api.isEmpty()) {
                problems.add(label + ": " + name + ": unknown kind " + kind + " in " + apiVersion
                        + " (neither in the Kubernetes model nor among the custom resource schemas)");
            }
        }
        return problems;
    }

    /** The kustomize overlays: each renders, and what it renders passes the same object checks and policies. */
    static List<String> overlays(Workspace workspace) {
        List<String> problems = new ArrayList<>();
        for (String environment : Workspace.ENVIRONMENTS) {
            problems.addAll(overlay(workspace, environment));
        }
        return problems;
    }

    static List<String> overlay(Workspace workspace, String environment) {
        List<String> problems = new ArrayList<>();
        String label = "kustomize deploy/overlays/" + environment;
        List<Map<String, Object>> objects;
        try {
            objects = Yaml.documents(workspace.kustomize(environment));
        } catch (RuntimeException e) {
            problems.add(label + ": " + e.getMessage());
            return problems;
        }
        problems.addAll(objects(label, objects));
        SuiteValues suite = SuiteValues.of(workspace, Workspace.UMBRELLA, List.of(workspace.environmentValues(environment)));
        problems.addAll(Policies.check(objects, suite).stream().map(p -> label + ": " + p).toList());
        for (String service : suite.services()) {
            Map<String, Object> database = Yaml.map(suite.service(service), "database");
            boolean declared = objects.stream().anyMatch(o -> "Cluster".equals(o.get("kind"))
                    && "postgresql.cnpg.io/v1".equals(o.get("apiVersion"))
                    && Yaml.string(database, "cluster") != null
                    && Yaml.string(database, "cluster").equals(Yaml.string(o, "metadata", "name"))
                    && Yaml.string(database, "name").equals(Yaml.string(o, "spec", "bootstrap", "initdb", "database")));
            if (Boolean.TRUE.equals(database.get("enabled")) && !declared) {
                problems.add(label + ": service " + service + " uses database " + database.get("name") + " on cluster "
                        + database.get("cluster") + ", which no CloudNativePG Cluster declares (deploy/base/databases.yaml)");
            }
        }
        for (Map<String, Object> object : objects) {
            if (!Workspace.NAMESPACE.equals(Yaml.string(object, "metadata", "namespace"))
                    && !List.of("PriorityClass").contains(object.get("kind"))) {
                problems.add(label + ": " + object.get("kind") + "/" + Yaml.string(object, "metadata", "name")
                        + " is not in namespace " + Workspace.NAMESPACE);
            }
        }
        return problems;
    }
}
