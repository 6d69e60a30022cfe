package fr.dataterritoires.datasetsearch.persistence.demand;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.domain.demand.AnswerDeadline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business gauges of demand, read from the database when scraped (each a count on an indexed column): access
 * requests waiting for an answer and those past their legal deadline, priority declarations and those whose dataset
 * the catalogue does not hold.
 */
@Component
public class DemandMetrics {

    public DemandMetrics(MeterRegistry meters, JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        Gauge.builder("dt.demand.access_requests.open", () -> count(jdbc,
                        "SELECT count(*) FROM access_request WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED')"))
                .description("Access requests waiting for an answer").register(meters);
        Gauge.builder("dt.demand.access_requests.overdue", () -> count(jdbc,
                        "SELECT count(*) FROM access_request WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED') AND deadline < ?",
                        AnswerDeadline.legalDate(now.instant())))
                .description("Access requests past their one-month legal deadline, not yet recorded as implicitly refused")
                .register(meters);
        Gauge.builder("dt.demand.priority_declarations", () -> count(jdbc,
                        "SELECT count(*) FROM priority_declaration"))
                .description("Priority declarations from roadmaps (one per roadmap item)").register(meters);
        Gauge.builder("dt.demand.priority_declarations.outside_catalogue", () -> count(jdbc,
                        "SELECT count(*) FROM priority_declaration WHERE dataset_id IS NULL"))
                .description("Priority declarations of datasets to be produced or not harvested yet").register(meters);
    }

    private static double count(JdbcTemplate jdbc, String sql, Object... args) {
        try {
            Long n = args.length == 0 ? jdbc.queryForObject(sql, Long.class)
                    : jdbc.queryForObject(sql, Long.class, args);
            return n == null ? 0 : n;
        } catch (RuntimeException databaseAway) {
            return Double.NaN; // a scrape must not fail because the database is away
        }
    }

}
