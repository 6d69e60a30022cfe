package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The suite benchmark's report: percentiles, the ratios judged against issue 10's targets, its own section only. */
class WritesReportTest {

    private final WritesReport report = new WritesReport(WritesConfig.fromEnvironment());

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            values.add((double) i);
        }
        java.util.Collections.shuffle(values, new java.util.Random(7));

        WritesReport.Stats stats = WritesReport.Stats.of(values);

        assertThat(stats.count()).isEqualTo(200);
        assertThat(stats.p50()).isEqualTo(100.0);
        assertThat(stats.p90()).isEqualTo(180.0);
        assertThat(stats.p99()).isEqualTo(198.0);
        assertThat(stats.max()).isEqualTo(200.0);
        assertThat(WritesReport.Stats.of(List.of(4.0)).p99()).isEqualTo(4.0);
        assertThat(WritesReport.Stats.of(List.of()).count()).isZero();
    }

    @Test
    void writeRatiosCountPlainJdbcInOperationsOfTheService() {
        WritesReport.Scenario s = new WritesReport.Scenario("commons-calls", "submit an application (2 requests)", 2);
        s.loads.add(new LoadRunner.Result(WritesReport.GATEWAY, 16, 300, 0, 10, 30, 400, 500, 680, 700, null));
        s.loads.add(new LoadRunner.Result(WritesReport.SERVICE, 16, 400, 0, 10, 40, 300, 400, 600, 650, null));
        // 2 transactions per operation: 160 transactions/s are 80 operations/s
        s.loads.add(new LoadRunner.Result(WritesReport.JDBC, 16, 1600, 0, 10, 160, 5, 8, 12, 20, null));
        s.replays.put(16, new WritesReport.Replay(100, 200, 600, 100, Map.of("application", 100), Map.of(), 0));
        report.scenarios.add(s);

        String markdown = report.markdown();

        assertThat(s.jdbcOperationsPerSecond(16)).contains(80.0);
        assertThat(markdown).contains("| commons-calls (submit an application): throughput through the service ≥ 0.5× "
                + "plain JDBC at 16 clients | 0.50× | met |");
        assertThat(markdown).contains("| commons-calls (submit an application): the gateway adds ≤ 15% to p99 at 16 "
                + "clients | +13% (1.13×) | met |");
        assertThat(markdown).contains("| plain JDBC | 16 | 800 | 0 | 80.0 | 5.00 | 8.00 | 12.00 | 20.00 |");
    }

    @Test
    void propagationIsJudgedAgainstFiveBrokerRoundTripsAndTheRelayDelay() {
        report.brokerAtRest = new WritesReport.Stats(100, 1, 2, 3, 4);
        report.propagationAtRest = new WritesReport.Stats(100, 10, 14, 17, 20);
        report.brokerUnderLoad.put(16, new WritesReport.Stats(100, 2, 5, 10, 12));
        report.propagationUnderLoad.put(16, new WritesReport.Stats(100, 30, 45, 50, 90));

        String markdown = report.markdown();

        // the relay's own delay after a commit is 1 ms (woken by the commit): 5 × 3 + 1 = 16 < 17; 5 × 10 + 1 = 51 ≥ 50
        assertThat(markdown).contains("at rest ≤ 5 × broker round trip p99 + relay delay (16.0 ms) | 17.0 ms | **not met** |");
        assertThat(markdown).contains("under the 16-client write load ≤ 5 × broker round trip p99 (same load) + relay "
                + "delay (51.0 ms) | 50.0 ms | met |");
    }

    @Test
    void footprintIsJudgedAgainstTheMinimalApplication() {
        report.footprints.add(new Footprint.Result(WritesBench.MINIMAL_APP, 4.0, 200L * 1024 * 1024, 2.0,
                150L * 1024 * 1024, null));
        report.footprints.add(new Footprint.Result("roadmaps", 9.0, 290L * 1024 * 1024, 4.0, 250L * 1024 * 1024, null));

        String markdown = report.markdown();

        assertThat(markdown).contains("| roadmaps: idle resident memory ≤ 1.5× the minimal application | 1.45× | met |");
        assertThat(markdown).contains("| roadmaps: start-up ≤ 2× the minimal application | 2.25× | **not met** |");
        assertThat(markdown).contains("| roadmaps | 9.0 | 290 MiB | – | 4.0 | 250 MiB | 2.25 | 1.45 | 2.00 |");
    }

    @Test
    void onlyItsOwnSectionIsReplaced() {
        String existing = BenchDocument.TITLE + BenchReport.SECTION + "\n\nsearch figures\n\n" + WritesReport.SECTION
                + "\n\nold figures\n";

        String document = BenchDocument.withSection(existing, WritesReport.SECTION, report.markdown());

        assertThat(document).contains("search figures").doesNotContain("old figures");
        assertThat(document).contains(WritesReport.SECTION + "\n\nWritten by `make bench-writes`");
    }
}
