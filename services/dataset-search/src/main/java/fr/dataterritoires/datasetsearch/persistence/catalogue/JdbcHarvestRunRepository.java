package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestRunRepository;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.platform.errors.ConflictException;

/**
 * Harvest runs in {@code harvest_run}; a unique partial index allows one running run per source, so two instances
 * of the service cannot harvest the same source at once either.
 */
@Repository
public class JdbcHarvestRunRepository implements HarvestRunRepository {

    private static final String COLUMNS = "id, source_id, trigger, started, finished, status, created, updated, "
            + "unchanged, withdrawn, failed, error";

    private final JdbcClient jdbc;

    public JdbcHarvestRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(HarvestRun run, String actor) {
        try {
            jdbc.sql("""
                            INSERT INTO harvest_run (id, source_id, trigger, actor, started, finished, heartbeat, status,
                                                     created, updated, unchanged, withdrawn, failed, error)
                            VALUES (:id, :source, :trigger, :actor, :started, :finished, :started, :status,
                                    :created, :updated, :unchanged, :withdrawn, :failed, :error)""")
                    .params(params(run))
                    .param("actor", actor)
                    .update();
        } catch (DuplicateKeyException running) {
            throw new ConflictException("Une moisson de la source « " + run.sourceId()
                    + " » est déjà en cours : attendez qu'elle se termine.");
        }
    }

    @Override
    public void update(HarvestRun run, Instant heartbeat) {
        jdbc.sql("""
                        UPDATE harvest_run SET finished = :finished, status = :status, created = :created,
                               updated = :updated, unchanged = :unchanged, withdrawn = :withdrawn, failed = :failed,
                               error = :error, heartbeat = :heartbeat
                        WHERE id = :id""")
                .params(params(run))
                .param("heartbeat", Timestamp.from(heartbeat))
                .update();
    }

    @Override
    public void addCounts(UUID runId, HarvestRun delta, Instant heartbeat) {
        jdbc.sql("""
                        UPDATE harvest_run SET created = created + :created, updated = updated + :updated,
                               unchanged = unchanged + :unchanged, withdrawn = withdrawn + :withdrawn,
                               failed = failed + :failed, heartbeat = :heartbeat
                        WHERE id = :id""")
                .param("created", delta.created())
                .param("updated", delta.updated())
                .param("unchanged", delta.unchanged())
                .param("withdrawn", delta.withdrawn())
                .param("failed", delta.failed())
                .param("heartbeat", Timestamp.from(heartbeat))
                .param("id", runId)
                .update();
    }

    @Override
    public Optional<HarvestRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_run WHERE id = :id").param("id", id)
                .query(JdbcHarvestRunRepository::run).optional();
    }

    @Override
    public Optional<String> actorOf(UUID id) {
        return jdbc.sql("SELECT actor FROM harvest_run WHERE id = :id").param("id", id).query(String.class).optional();
    }

    @Override
    public List<HarvestRun> findBySource(String sourceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_run WHERE source_id = :source "
                        + "ORDER BY started DESC, id LIMIT :limit")
                .param("source", sourceId).param("limit", limit)
                .query(JdbcHarvestRunRepository::run).list();
    }

    @Override
    public Optional<HarvestRun> findAbandoned(String sourceId, Instant silentSince) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_run WHERE source_id = :source AND status = 'RUNNING' "
                        + "AND heartbeat < :since FOR UPDATE")
                .param("source", sourceId).param("since", Timestamp.from(silentSince))
                .query(JdbcHarvestRunRepository::run).optional();
    }

    @Override
    public Map<String, Instant> lastCompleted() {
        Map<String, Instant> last = new LinkedHashMap<>();
        jdbc.sql("SELECT source_id, max(finished) AS finished FROM harvest_run WHERE status = 'COMPLETED' "
                        + "GROUP BY source_id")
                .query(rs -> {
                    last.put(rs.getString("source_id"), rs.getTimestamp("finished").toInstant());
                });
        return last;
    }

    private static Map<String, Object> params(HarvestRun run) {
        var params = new LinkedHashMap<String, Object>();
        params.put("id", run.id());
        params.put("source", run.sourceId());
        params.put("trigger", run.trigger().name());
        params.put("started", Timestamp.from(run.started()));
        params.put("finished", run.finished() == null ? null : Timestamp.from(run.finished()));
        params.put("status", run.status().name());
        params.put("created", run.created());
        params.put("updated", run.updated());
        params.put("unchanged", run.unchanged());
        params.put("withdrawn", run.withdrawn());
        params.put("failed", run.failed());
        params.put("error", run.error());
        return params;
    }

    private static HarvestRun run(ResultSet rs, int n) throws SQLException {
        return new HarvestRun(rs.getObject("id", UUID.class), rs.getString("source_id"),
                HarvestRun.Trigger.valueOf(rs.getString("trigger")),
                JdbcDatasetRepository.instant(rs, "started"), JdbcDatasetRepository.instant(rs, "finished"),
                HarvestRun.Status.valueOf(rs.getString("status")), rs.getInt("created"), rs.getInt("updated"),
                rs.getInt("unchanged"), rs.getInt("withdrawn"), rs.getInt("failed"), rs.getString("error"));
    }
}
