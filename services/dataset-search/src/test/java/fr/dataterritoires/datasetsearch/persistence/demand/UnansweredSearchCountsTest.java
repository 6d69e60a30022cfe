package fr.dataterritoires.datasetsearch.persistence.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import fr.dataterritoires.datasetsearch.support.ServiceTest;

/**
 * Unanswered searches are counted in memory and written in batches: nothing is lost between searches counted at
 * the same time, nor when the service stops before the next periodic write.
 */
@ServiceTest
class UnansweredSearchCountsTest {

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentCountsAreWrittenWholeWhenTheServiceStopsBeforeThePeriodicWrite() throws Exception {
        // A periodic write that never comes within the test: only the stop writes.
        JdbcUnansweredSearches counts = new JdbcUnansweredSearches(jdbc, transactions, Duration.ofHours(1));
        String tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        Instant first = Instant.parse("2026-06-01T10:00:00Z");
        ExecutorService searchers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(searchers.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        counts.record("Réseau de chaleur " + tag, i % 2 == 0 ? null : "commune:69123",
                                first.plusSeconds(thread * 1000L + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            searchers.shutdown();
        }
        assertThat(count(tag, "")).as("not written before a flush").isZero();

        counts.stop();

        assertThat(count(tag, "")).isEqualTo(1000);
        assertThat(count(tag, "commune:69123")).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT first_seen FROM unanswered_search WHERE query = :q AND territory = ''",
                new MapSqlParameterSource("q", "reseau de chaleur " + tag), java.sql.Timestamp.class).toInstant())
                .isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT last_seen FROM unanswered_search WHERE query = :q AND territory = ''",
                new MapSqlParameterSource("q", "reseau de chaleur " + tag), java.sql.Timestamp.class).toInstant())
                .isEqualTo(first.plusSeconds(7 * 1000L + 248));
    }

    @Test
    void theReportShowsEverySearchCountedSoFarAndLaterCountsAddUp() {
        JdbcUnansweredSearches counts = new JdbcUnansweredSearches(jdbc, transactions, Duration.ofHours(1));
        String tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        try {
            counts.record("plan vélo " + tag, null, at);
            counts.record("PLAN  VÉLO " + tag, null, at.plusSeconds(60));

            assertThat(counts.top(null, 10_000)).filteredOn(e -> e.query().equals("plan velo " + tag))
                    .singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(2));

            counts.record("plan vélo " + tag, null, at.minusSeconds(60));
            assertThat(counts.top(null, 10_000)).filteredOn(e -> e.query().equals("plan velo " + tag))
                    .singleElement().satisfies(e -> {
                        assertThat(e.count()).isEqualTo(3);
                        assertThat(e.firstSeen()).isEqualTo(at.minusSeconds(60));
                        assertThat(e.lastSeen()).isEqualTo(at.plusSeconds(60));
                    });
        } finally {
            counts.stop();
        }
    }

    private long count(String tag, String territory) {
        List<Long> found = jdbc.queryForList("SELECT count FROM unanswered_search WHERE query = :q AND territory = :t",
                new MapSqlParameterSource("q", "reseau de chaleur " + tag).addValue("t", territory), Long.class);
        return found.isEmpty() ? 0 : found.getFirst();
    }
}
