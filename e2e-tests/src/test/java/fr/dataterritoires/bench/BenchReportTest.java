package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report compares each path with its target and rewrites only its own section of docs/benchmarks.md. */
class BenchReportTest {

    private final BenchReport report = new BenchReport(BenchConfig.fromEnvironment());

    @Test
    void ratiosAreJudgedAgainstTheTargets() {
        report.harvest = new BenchReport.Harvest(1000, 10, 100, null);
        report.rebuild = new BenchReport.Rebuild(1000, 8, 125);
        report.rawBulk = new RawBulkBaseline.Result(1000, 5, 200, 1, 5, 200, 0, "datasets-v1");
        report.loads.add(new LoadRunner.Result("raw Elasticsearch", 16, 1000, 0, 20, 50, 5, 8, 10, 12, null));
        report.loads.add(new LoadRunner.Result("REST", 16, 900, 0, 20, 45, 6, 9, 12, 14, null));
        report.loads.add(new LoadRunner.Result("gRPC", 16, 800, 2, 20, 40, 7, 11, 14, 20, "UNAVAILABLE"));

        String markdown = report.markdown();

        assertThat(markdown).contains("Ratio service / raw: **0.50** (target ≥ 0.7: **not met**)");
        assertThat(markdown).contains("| service: index rebuild from PostgreSQL (`POST /api/index/rebuild`) | 1000 | 8.0 | 125 |");
        assertThat(markdown).contains("Ratio index rebuild / raw: **0.63**");
        assertThat(markdown).contains("| 16 | **1.20** (met) | **1.40** (not met) | 0.90 | 0.80 |");
        assertThat(markdown).contains("First error of gRPC at 16 clients: `UNAVAILABLE`");
    }

    @Test
    void onlyItsOwnSectionIsReplaced() {
        String existing = BenchReport.TITLE + BenchReport.SECTION + "\n\nold figures\n\n## roadmaps\n\nother figures\n";

        String document = report.document(existing);

        assertThat(document).startsWith(BenchReport.TITLE + BenchReport.SECTION);
        assertThat(document).doesNotContain("old figures");
        assertThat(document).endsWith("## roadmaps\n\nother figures\n");
        assertThat(report.document(null)).startsWith(BenchReport.TITLE + BenchReport.SECTION);
        assertThat(report.document("# Benchmarks\n\n## roadmaps\n\nx\n")).contains("## roadmaps\n\nx\n\n" + BenchReport.SECTION);
    }
}
