package fr.dataterritoires.datasetsearch.persistence.demand;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearchReport;
import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearches;
import fr.dataterritoires.datasetsearch.domain.demand.SearchQueryKey;

/**
 * Counts searches that found nothing per normalised query and territory filter, with first and last seen; nothing
 * about who searched is kept, and e-mail addresses or phone numbers typed in are masked ({@link SearchQueryKey}).
 *
 * <p>Counting stays off the search's path: {@link #record} only adds to counts held in memory, which are written
 * in one transaction every {@code dataterritoires.demand.unanswered-flush-interval} (1 s), before every read of the
 * report (so that it shows every search counted so far), and when the service stops (after the web and gRPC
 * servers stopped taking searches). A write that fails puts its counts back for the next one; a crash loses at
 * most the last interval's counts.
 */
@Repository
public class JdbcUnansweredSearches implements UnansweredSearches, UnansweredSearchReport {

    private static final Logger log = LoggerFactory.getLogger(JdbcUnansweredSearches.class);
    static final int TERRITORY_MAX = 64;
    /** Distinct searches held before {@link #record} writes them itself rather than waiting for the next flush. */
    static final int MAX_PENDING = 10_000;

    private static final String UPSERT = "INSERT INTO unanswered_search (query, territory, count, first_seen, "
            + "last_seen) VALUES (:query, :territory, :count, :first, :last) ON CONFLICT (query, territory) DO UPDATE "
            + "SET count = unanswered_search.count + EXCLUDED.count, "
            + "first_seen = least(unanswered_search.first_seen, EXCLUDED.first_seen), "
            + "last_seen = greatest(unanswered_search.last_seen, EXCLUDED.last_seen)";

    private record Key(String query, String territory) {
    }

    private record Count(long count, Instant first, Instant last) {
        Count add(Count other) {
            return new Count(count + other.count, first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<Key, Count> pending = new ConcurrentHashMap<>();
    private final Object flushing = new Object();
    private final ScheduledExecutorService flusher;

    public JdbcUnansweredSearches(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                                  @Value("${dataterritoires.demand.unanswered-flush-interval:1s}") Duration interval) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own transaction, also when called inside another (a read-only report): PostgreSQL would refuse there
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "unanswered-searches-flush");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, interval.toMillis());
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(String text, String territory, Instant at) {
        String query = SearchQueryKey.normalise(text);
        String place = territory == null || territory.isBlank() ? "" : territory.strip();
        if (query.isEmpty() && place.isEmpty()) {
            return; // an empty search with no territory says nothing about what is missing
        }
        if (place.length() > TERRITORY_MAX) {
            place = place.substring(0, TERRITORY_MAX);
        }
        pending.merge(new Key(query, place), new Count(1, at, at), Count::add);
        if (pending.size() > MAX_PENDING) {
            flushQuietly(); // the database is slow or away: hold the caller rather than memory without bound
        }
    }

    /** Writes the counts held so far, in one transaction; on failure they are put back for the next attempt. */
    void flush() {
        synchronized (flushing) {
            if (pending.isEmpty()) {
                return;
            }
            List<Map.Entry<Key, Count>> batch = new ArrayList<>();
            for (Key key : List.copyOf(pending.keySet())) {
                Count count = pending.remove(key);
                if (count != null) {
                    batch.add(Map.entry(key, count));
                }
            }
            // the same order in every transaction: concurrent writers (other instances) never deadlock
            batch.sort(Comparator.comparing((Map.Entry<Key, Count> e) -> e.getKey().query())
                    .thenComparing(e -> e.getKey().territory()));
            SqlParameterSource[] rows = batch.stream().map(e -> (SqlParameterSource) new MapSqlParameterSource()
                            .addValue("query", e.getKey().query()).addValue("territory", e.getKey().territory())
                            .addValue("count", e.getValue().count())
                            .addValue("first", Timestamp.from(e.getValue().first()))
                            .addValue("last", Timestamp.from(e.getValue().last())))
                    .toArray(SqlParameterSource[]::new);
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(UPSERT, rows));
            } catch (RuntimeException e) {
                batch.forEach(entry -> pending.merge(entry.getKey(), entry.getValue(), Count::add));
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (DataAccessException e) {
            // counting demand must never fail a search; the counts wait for the next flush
            log.warn("unanswered searches not written yet ({} pending): {}", pending.size(),
                    e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.warn("unanswered searches not written yet ({} pending): {}", pending.size(), e.toString());
        }
    }

    /** Last write when the service stops: the servers stopped taking searches before beans are destroyed. */
    @PreDestroy
    void stop() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
        if (!pending.isEmpty()) {
            log.error("{} unanswered searches could not be written before the stop", pending.size());
        }
    }

    @Override
    public List<Entry> top(String territory, int limit) {
        flushQuietly(); // the report shows every search counted so far
        String where = territory == null ? "" : " WHERE territory = :territory";
        return jdbc.query("SELECT query, territory, count, first_seen, last_seen FROM unanswered_search" + where
                        + " ORDER BY count DESC, last_seen DESC, query LIMIT :limit",
                new MapSqlParameterSource("territory", territory).addValue("limit", limit),
                (rs, n) -> new Entry(rs.getString("query"),
                        rs.getString("territory").isEmpty() ? null : rs.getString("territory"), rs.getLong("count"),
                        rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant()));
    }
}
