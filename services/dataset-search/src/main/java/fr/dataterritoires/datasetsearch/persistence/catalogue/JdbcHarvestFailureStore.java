package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestFailureStore;

/** Records a run could not understand, in {@code harvest_failure}, raw as the source sent them. */
@Repository
public class JdbcHarvestFailureStore implements HarvestFailureStore {

    private final JdbcClient jdbc;

    public JdbcHarvestFailureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID runId, String recordKey, String raw, String reason, Instant at) {
        jdbc.sql("INSERT INTO harvest_failure (run_id, record_key, raw, reason, at) "
                        + "VALUES (:run, :key, :raw, :reason, :at)")
                .param("run", runId).param("key", recordKey)
                // PostgreSQL text refuses NUL characters, which a broken record may hold
                .param("raw", raw == null ? null : raw.replace('\u0000', '\uFFFD'))
                .param("reason", reason.replace('\u0000', '\uFFFD'))
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public List<Failure> list(UUID runId, int offset, int limit) {
        return jdbc.sql("SELECT record_key, raw, reason, at FROM harvest_failure WHERE run_id = :run "
                        + "ORDER BY id OFFSET :offset LIMIT :limit")
                .param("run", runId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Failure(rs.getString("record_key"), rs.getString("raw"), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Override
    public long count(UUID runId) {
        return jdbc.sql("SELECT count(*) FROM harvest_failure WHERE run_id = :run").param("run", runId)
                .query(Long.class).single();
    }
}
