package fr.dataterritoires.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * A throw-away copy of the repository's charts/ and deploy/ (faults are injected into copies, never into the
 * repository), with the charts' file:// dependencies built, rendered in-JVM by helm-java.
 */
final class Workspace {

    static final String LIBRARY = "dataterritoires-lib";
    static final String UMBRELLA = "data-territoires";
    static final String RELEASE = "data-territoires";
    static final String NAMESPACE = "data-territoires";
    /** The Kubernetes version the charts target (Chart.yaml kubeVersion >= 1.30). */
    static final String KUBE_VERSION = "1.32.0";
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

    final Path root;
    private boolean dependenciesBuilt;

    private Workspace(Path root) {
        this.root = root;
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("dt.repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    /** A fresh copy of charts/ and deploy/ of the repository (without built dependencies). */
    static Workspace copyOfRepository() {
        try {
            Path target = Files.createTempDirectory("dt-charts-");
            Path source = repositoryRoot();
            for (String dir : List.of("charts", "deploy")) {
                copyTree(source.resolve(dir), target.resolve(dir));
            }
            return new Workspace(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                // built dependencies and lock files of a developer's own helm runs are not part of the sources
                if (relative.toString().matches("[^/]+/(charts|Chart\\.lock)(/.*)?")) {
                    continue;
                }
                Path destination = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Path chart(String name) {
        return root.resolve("charts").resolve(name);
    }

    Path overlay(String environment) {
        return root.resolve("deploy/overlays").resolve(environment);
    }

    Path environmentValues(String environment) {
        return overlay(environment).resolve("values.yaml");
    }

    /** Every chart directory under charts/. */
    List<String> charts() {
        try (Stream<Path> dirs = Files.list(root.resolve("charts"))) {
            return dirs.filter(d -> Files.exists(d.resolve("Chart.yaml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The charts of services: those built on the library chart. */
    List<String> serviceCharts() {
        return charts().stream().filter(name -> Yaml.maps(Yaml.file(chart(name).resolve("Chart.yaml")), "dependencies")
                .stream().anyMatch(d -> LIBRARY.equals(d.get("name")))).toList();
    }

    /** Edits a file of the copy (fault injection); fails if the edit changes nothing. */
    Workspace edit(String relativePath, UnaryOperator<String> change) {
        Path file = root.resolve(relativePath);
        try {
            String before = Files.readString(file);
            String after = change.apply(before);
            if (before.equals(after)) {
                throw new IllegalStateException("the edit of " + relativePath + " changed nothing");
            }
            Files.writeString(file, after);
            dependenciesBuilt = false;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** helm dependency update, service charts first (they vendor the library), then the umbrella. */
    synchronized void buildDependencies() {
        if (dependenciesBuilt) {
            return;
        }
        List<String> order = new ArrayList<>(serviceCharts());
        order.add(UMBRELLA);
        for (String name : order) {
            deleteTree(chart(name).resolve("charts"));
            new Helm(chart(name)).dependency().update().skipRefresh().call();
        }
        dependenciesBuilt = true;
    }

    LintResult lint(String chart) {
        buildDependencies();
        return new Helm(chart(chart)).lint().strict().call();
    }

    /** helm template; a schema violation or a template failure comes back as an exception with Helm's message. */
    String render(String chart, List<Path> valuesFiles, Map<String, Object> sets) {
        buildDependencies();
        TemplateCommand template = new Helm(chart(chart)).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    String render(String chart, Path... valuesFiles) {
        return render(chart, List.of(valuesFiles), Map.of());
    }

    /** kubectl kustomize --enable-helm of an overlay, with the helm binary of the same npm package. */
    String kustomize(String environment) {
        buildDependencies();
        String kubectl = System.getProperty("dt.kubectl", "kubectl");
        String helm = System.getProperty("dt.helm", "helm");
        try {
            Path out = Files.createTempFile(root, "kustomize-", ".yaml");
            Path err = Files.createTempFile(root, "kustomize-", ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", "--enable-helm", "--helm-command", helm,
                    overlay(environment).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + environment + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + environment + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void delete() {
        deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
