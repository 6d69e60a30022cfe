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
    private static final Pattern RAW_COUNTER = Pattern.compile("\\b[a-z_:][a-z0-9_:]*_total\\b");
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
                Path runbookFile = root.resolve(runbook.replaceFirst("#.*", ""));
                assertThat(runbookFile).as(alert + " runbook file").exists();
                if (runbook.contains("#")) {
                    assertThat(headingAnchors(runbookFile)).as(alert + " runbook section")
                            .contains(runbook.substring(runbook.indexOf('#') + 1));
                }
                assertThat(rawCounters(expr)).as(alert + ": a counter is only meaningful through rate() or increase()")
                        .isEmpty();
                Matcher series = SERIES.matcher(expr);
                while (series.find()) {
                    covered.add(series.group());
                }
                if (expr.contains("http_server_requests")) {
                    covered.add(expr.contains("histogram_quantile") ? "latency" : "error rate");
                }
            }
        }
        // the issue's list: error rate, latency, outbox backlog, dead-letter depth, harvest failures, préciput ledger;
        // issue 11: a broken or unverified audit chain, the services' own rate-limit refusals (ADR 0018)
        assertThat(covered).contains("error rate", "latency", "dt_outbox_lag_seconds", "dt_events_dead_letters_pending",
                "dt_harvest_runs_total", "dt_preciput_ledger_imbalance", "dt_audit_chain_valid",
                "dt_audit_chain_last_verification_seconds", "dt_rate_limit_refusals_total");
    }

    @Test
    void theServicesOwnRateLimitRefusalsAlertOnTheirRatePerApplication() {
        Map<String, Object> rule = rule("DtServiceRateLimitRefusals");
        // the counter the platform registers (ServiceRateLimiter.REFUSALS, scraped as such by ServiceRateLimitTest),
        // summed over REST and gRPC per service
        assertThat(Yaml.string(rule, "expr")).contains("rate(dt_rate_limit_refusals_total[").contains("by (application)")
                .doesNotContain("protocol=");
        assertThat(Yaml.string(rule, "for")).as("sustained, not one burst").isNotBlank();
        assertThat(Yaml.string(rule, "labels", "severity")).isEqualTo("warning");
        assertThat(Yaml.string(rule, "annotations", "summary")).contains("{{ $labels.application }}");
        assertThat(Yaml.string(rule, "annotations", "runbook_url")).isEqualTo("docs/runbooks/gateway.md#too-many-429");
    }

    @Test
    void theRuleChecksCatchAMissingSectionAndARawCounter() throws IOException {
        assertThat(headingAnchors(root.resolve("docs/runbooks/gateway.md"))).contains("too-many-429",
                "redis-unreachable", "a-service-is-down-or-slow").doesNotContain("too-many-refusals");
        assertThat(rawCounters("sum(dt_rate_limit_refusals_total) > 1")).containsExactly("dt_rate_limit_refusals_total");
        assertThat(rawCounters("sum by (application) (rate(dt_rate_limit_refusals_total[5m])) > 1"
                + " and increase(dt_events_unroutable_total{a=\"b\"}[30m]) > 0")).isEmpty();
    }

    private Map<String, Object> rule(String name) {
        return Yaml.maps(Yaml.file(root.resolve("deploy/monitoring/alerts.yaml")), "spec", "groups").stream()
                .flatMap(group -> Yaml.maps(group, "rules").stream())
                .filter(rule -> name.equals(Yaml.string(rule, "alert"))).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + name));
    }

    /** The anchors GitHub gives the headings of a Markdown file (lower case, punctuation dropped, spaces → '-'). */
    private static Set<String> headingAnchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** Counters (*_total) an expression reads outside rate() or increase(): their raw value only ever grows. */
    private static List<String> rawCounters(String expr) {
        List<String> raw = new ArrayList<>();
        Matcher counter = RAW_COUNTER.matcher(expr);
        while (counter.find()) {
            String before = expr.substring(0, counter.start());
            if (!before.endsWith("rate(") && !before.endsWith("increase(")) {
                raw.add(counter.group());
            }
        }
        return raw;
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
