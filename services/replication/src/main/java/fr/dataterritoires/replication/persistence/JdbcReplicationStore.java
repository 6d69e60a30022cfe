package fr.dataterritoires.replication.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.replication.application.ReplicationStore;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.replica.CostShare;
import fr.dataterritoires.replication.domain.replica.Replication;
import fr.dataterritoires.replication.domain.replica.ReplicationStatus;

import tools.jackson.core.type.TypeReference;

@Repository
class JdbcReplicationStore implements ReplicationStore {

    private static final String SELECT = "SELECT id, initiative_id, based_on, adopter_siren, territories, status, "
            + "interested_on, planned_start, started_on, live_on, abandoned_on, abandon_reason, shared_costs, outcomes, "
            + "version FROM replication";

    private final JdbcTemplate jdbc;

    JdbcReplicationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Replication r) {
        jdbc.update("INSERT INTO replication (id, initiative_id, based_on, adopter_siren, territories, status, "
                        + "interested_on, planned_start, started_on, live_on, abandoned_on, abandon_reason, shared_costs, "
                        + "outcomes, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)",
                r.id(), r.initiativeId(), r.basedOn(), r.adopterSiren(), Rows.keys(r.territories()), r.status().name(),
                r.interestedOn(), r.plannedStartOn(), r.startedOn(), r.liveOn(), r.abandonedOn(), r.abandonReason(),
                Json.write(r.sharedCosts()), Json.write(r.outcomes()), r.version());
    }

    @Override
    public boolean update(Replication r) {
        return jdbc.update("UPDATE replication SET based_on = ?, status = ?, planned_start = ?, started_on = ?, "
                        + "live_on = ?, abandoned_on = ?, abandon_reason = ?, shared_costs = ?::jsonb, "
                        + "outcomes = ?::jsonb, version = ? WHERE id = ? AND version = ?",
                r.basedOn(), r.status().name(), r.plannedStartOn(), r.startedOn(), r.liveOn(), r.abandonedOn(),
                r.abandonReason(), Json.write(r.sharedCosts()), Json.write(r.outcomes()), r.version(), r.id(),
                r.version() - 1) == 1;
    }

    @Override
    public Optional<Replication> find(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", (rs, n) -> row(rs), id).stream().findFirst();
    }

    @Override
    public Optional<Replication> findForUpdate(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ? FOR UPDATE", (rs, n) -> row(rs), id).stream().findFirst();
    }

    @Override
    public List<Replication> ofInitiative(UUID initiativeId) {
        return jdbc.query(SELECT + " WHERE initiative_id = ? ORDER BY interested_on, id", (rs, n) -> row(rs),
                initiativeId);
    }

    @Override
    public List<Replication> active() {
        return jdbc.query(SELECT + " WHERE status <> 'ABANDONED' ORDER BY id", (rs, n) -> row(rs));
    }

    @Override
    public void lockInitiative(UUID initiativeId) {
        // the initiative's row stands for its whole lineage: two re-parentings of one tree never interleave
        jdbc.query("SELECT id FROM initiative WHERE id = ? FOR UPDATE", rs -> {
        }, initiativeId);
    }

    private static Replication row(ResultSet rs) throws SQLException {
        return new Replication(Rows.uuid(rs, "id"), Rows.uuid(rs, "initiative_id"), Rows.uuid(rs, "based_on"),
                rs.getString("adopter_siren"), Rows.territories(rs, "territories"),
                ReplicationStatus.valueOf(rs.getString("status")), Rows.date(rs, "interested_on"),
                Rows.date(rs, "planned_start"), Rows.date(rs, "started_on"), Rows.date(rs, "live_on"),
                Rows.date(rs, "abandoned_on"), rs.getString("abandon_reason"),
                Json.read(rs.getString("shared_costs"), new TypeReference<List<CostShare>>() {
                }), Json.read(rs.getString("outcomes"), new TypeReference<List<Indicator>>() {
                }), rs.getLong("version"));
    }
}
