package fr.dataterritoires.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert rules and dashboards name the meters the code really registers: every dt_* series in an expression must come
 * from a "dt...." meter name in libs/ or services/ main code (Micrometer's Prometheus naming: dots become
 * underscores, counters get _total, timers _seconds and _bucket/_count/_sum/_max), or be listed as planned with the
 * issue that adds it.
 */
class MonitoringTest {

    /** Meters that alert rules already use and that a later service registers. */
    static final Map<String, String> PLANNED = Map.of();
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_bucket", "_seconds_count",
            "_seconds_sum", "_seconds_max", "_bucket", "_count", "_sum", "_max");
    private static final Pattern SERIES = Pattern.compile("\\bdt_[a-z0-9_]+");
    private static final Pattern METER = Pattern.compile("\"(dt\\.[a-z0-9_.]+)\"");

    private final Path root = Workspace.repositoryRoot();

    /** Prometheus names of the meters registered in main code. */
    private Set<String> registeredMeters() throws IOException {
        Set<String> meters = new TreeSet<>();
        for (String area : List.of("libs", "services")) {
            try (Stream<Path> files = Files.walk(root.resolve(area))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && f.toString().contains("/src/main/java/")).toList()) {
                    Matcher matcher = METER.matcher(Files.readString(file));
                    while (matcher.find()) {
                        meters.add(matcher.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return meters;
    }

    private List<String> unknownSeries(String text, Set<String> meters) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = SERIES.matcher(text);
        while (matcher.find()) {
            String series = matcher.group();
            boolean known = SUFFIXES.stream().anyMatch(suffix -> series.endsWith(suffix)
                    && (meters.contains(series.substring(0, series.length() - suffix.length()))
                            || PLANNED.containsKey(series.substring(0, series.length() - suffix.length()))));
            if (!known) {
                unknown.add(series);
            }
        }
        return unknown;
    }

    @Test
    void theMeterScanFindsThePlatformAndServiceMeters() throws IOException {
        assertThat(registeredMeters()).contains("dt_events_dead_letters_pending", "dt_outbox_lag", "dt_harvest_runs",
                "dt_catalogue_datasets");
        assertThat(unknownSeries("dt_outbox_lagg_seconds > 1", registeredMeters())).containsExactly("dt_outbox_lagg_seconds");
    }

    @Test
    void noMeterNameEndsWithASuffixPrometheusReserves() throws IOException {
        // Prometheus' client strips these: "dt.x.created" is scraped as dt_x, which may be another meter's name, and
        // the registry then refuses the second one at run time (replication's initiatives counter did)
        assertThat(registeredMeters()).filteredOn(m -> m.endsWith("_created") || m.endsWith("_total")
                || m.endsWith("_info") || m.endsWith("_bucket")).isEmpty();
    }

    @Test
    void alertRulesUseRegisteredMetersAndPointToARunbook() throws IOException {
        Set<String> meters = registeredMeters();
        Map<String, Object> rules = Yaml.file(root.resolve("deploy/monitoring/alerts.yaml"));
        Set<String> alerts = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Map<String, Object> group : Yaml.maps(rules, "spec", "groups")) {
            for (Map<String, Object> rule : Yaml.maps(group, "rules")) {
                String alert = Yaml.string(rule, "alert");
                String expr = Yaml.string(rule, "expr");
                assertThat(alerts.add(alert)).as("alert names are unique: " + alert).isTrue();
                assertThat(unknownSeries(expr, meters)).as(alert + " names meters no code registers").isEmpty();
                String runbook = Yaml.string(rule, "annotations", "runbook_url");
                assertThat(runbook).as(alert + " runbook").isNotNull();
                assertThat(root.resolve(runbook.replaceFirst("#.*", ""))).as(alert + " runbook file").exists();
                Matcher series = SERIES.matcher(expr);
                while (series.find()) {
                    covered.add(series.group());
                }
                if (expr.contains("http_server_requests")) {
                    covered.add(expr.contains("histogram_quantile") ? "latency" : "error rate");
                }
            }
        }
        // the list: error rate, latency, outbox backlog, dead-letter depth, harvest failures, préciput ledger;
        // issue 11: a broken or unverified audit chain
        assertThat(covered).contains("error rate", "latency", "dt_outbox_lag_seconds", "dt_events_dead_letters_pending",
                "dt_harvest_runs_total", "dt_preciput_ledger_imbalance", "dt_audit_chain_valid",
                "dt_audit_chain_last_verification_seconds");
    }

    @Test
    void dashboardsUseRegisteredMetersOnePerServiceAndOneForTheSuite() throws IOException {
        Set<String> meters = registeredMeters();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> uids = new HashSet<>();
        Path dashboards = root.resolve("deploy/monitoring/dashboards");
        List<String> names;
        try (Stream<Path> files = Files.list(dashboards)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        List<String> services;
        try (Stream<Path> charts = Files.list(root.resolve("charts"))) {
            services = charts.filter(c -> Files.exists(c.resolve("templates/service.yaml")))
                    .map(c -> c.getFileName() + ".json").toList();
        }
        assertThat(names).contains("suite.json").containsAll(services);
        for (String name : names) {
            JsonNode dashboard = json.readTree(Files.readString(dashboards.resolve(name)));
            assertThat(uids.add(dashboard.path("uid").asString())).as(name + " uid unique").isTrue();
            assertThat(dashboard.path("panels").size()).as(name + " panels").isPositive();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("targets").size()).as(name + " " + panel.path("title")).isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(unknownSeries(target.path("expr").asString(), meters))
                            .as(name + " / " + panel.path("title").asString()).isEmpty();
                }
            }
        }
    }
}
