package fr.dataterritoires.datasetsearch.persistence.demand;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearchReport;
import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearches;
import fr.dataterritoires.datasetsearch.domain.demand.SearchQueryKey;

/**
 * Counts searches that found nothing per normalised query and territory filter, with first and last seen; nothing
 * about who searched is kept, and e-mail addresses or phone numbers typed in are masked ({@link SearchQueryKey}).
 */
@Repository
public class JdbcUnansweredSearches implements UnansweredSearches, UnansweredSearchReport {

    private static final Logger log = LoggerFactory.getLogger(JdbcUnansweredSearches.class);
    static final int TERRITORY_MAX = 64;

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcUnansweredSearches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In a transaction of its own: a failure here must not abort the caller's (PostgreSQL would). */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String text, String territory, Instant at) {
        String query = SearchQueryKey.normalise(text);
        String place = territory == null || territory.isBlank() ? "" : territory.strip();
        if (query.isEmpty() && place.isEmpty()) {
            return; // an empty search with no territory says nothing about what is missing
        }
        if (place.length() > TERRITORY_MAX) {
            place = place.substring(0, TERRITORY_MAX);
        }
        try {
            // one statement: concurrent searches add up without a lock held across calls
            jdbc.update("INSERT INTO unanswered_search (query, territory, count, first_seen, last_seen) "
                    + "VALUES (:query, :territory, 1, :at, :at) ON CONFLICT (query, territory) DO UPDATE SET "
                    + "count = unanswered_search.count + 1, "
                    + "first_seen = least(unanswered_search.first_seen, EXCLUDED.first_seen), "
                    + "last_seen = greatest(unanswered_search.last_seen, EXCLUDED.last_seen)",
                    new MapSqlParameterSource("query", query).addValue("territory", place)
                            .addValue("at", Timestamp.from(at)));
        } catch (DataAccessException e) {
            // counting demand must never fail the search that reported it
            log.warn("unanswered search not counted: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public List<Entry> top(String territory, int limit) {
        String where = territory == null ? "" : " WHERE territory = :territory";
        return jdbc.query("SELECT query, territory, count, first_seen, last_seen FROM unanswered_search" + where
                        + " ORDER BY count DESC, last_seen DESC, query LIMIT :limit",
                new MapSqlParameterSource("territory", territory).addValue("limit", limit),
                (rs, n) -> new Entry(rs.getString("query"),
                        rs.getString("territory").isEmpty() ? null : rs.getString("territory"), rs.getLong("count"),
                        rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant()));
    }
}
