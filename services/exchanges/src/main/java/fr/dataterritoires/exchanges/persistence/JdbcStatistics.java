package fr.dataterritoires.exchanges.persistence;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.exchanges.application.ExchangeStores;

/**
 * The anonymous statistics ({@code exchange_statistic}, {@code training_statistic}): written when an exchange or a
 * training completes, read by the public reciprocity and reach views. Nothing here links to a person.
 */
@Repository
public class JdbcStatistics implements ExchangeStores.Statistics {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcStatistics(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordExchange(ExchangeStores.ExchangeFact f) {
        jdbc.update("INSERT INTO exchange_statistic (direction, host_siren, host_region_code, employer_siren, "
                + "employer_region_code, territorial_region_code, state_ministry, days, completed_on, agent_key) "
                + "VALUES (:direction, :host, :hostRegion, :employer, :employerRegion, :region, :ministry, :days, "
                + ":on, :key)", new MapSqlParameterSource("direction", f.direction()).addValue("host", f.hostSiren())
                .addValue("hostRegion", f.hostRegionCode()).addValue("employer", f.employerSiren())
                .addValue("employerRegion", f.employerRegionCode()).addValue("region", f.territorialRegionCode())
                .addValue("ministry", f.stateMinistry()).addValue("days", f.days()).addValue("on", f.completedOn())
                .addValue("key", f.agentKey()));
    }

    @Override
    public void recordTraining(ExchangeStores.TrainingFact f) {
        jdbc.update("INSERT INTO training_statistic (training_id, format, learner_category, region_code, hours, "
                + "completed_on, learner_key) VALUES (:training, :format, :category, :region, :hours, :on, :key)",
                new MapSqlParameterSource("training", f.trainingId()).addValue("format", f.format())
                        .addValue("category", f.learnerCategory()).addValue("region", f.regionCode())
                        .addValue("hours", f.hours()).addValue("on", f.completedOn()).addValue("key", f.learnerKey()));
    }

    @Override
    public List<ExchangeStores.ReciprocityRow> byRegion() {
        return rows("territorial_region_code", "");
    }

    @Override
    public List<ExchangeStores.ReciprocityRow> byMinistry() {
        return rows("state_ministry", "WHERE state_ministry IS NOT NULL");
    }

    private List<ExchangeStores.ReciprocityRow> rows(String key, String where) {
        return jdbc.query("SELECT " + key + " AS k, count(*) FILTER (WHERE direction = 'STATE_TO_TERRITORIAL') AS s2t, "
                + "count(*) FILTER (WHERE direction = 'TERRITORIAL_TO_STATE') AS t2s, count(DISTINCT agent_key) AS agents "
                + "FROM exchange_statistic " + where + " GROUP BY " + key + " ORDER BY " + key,
                (rs, n) -> new ExchangeStores.ReciprocityRow(rs.getString("k"), rs.getLong("s2t"), rs.getLong("t2s"),
                        rs.getLong("s2t") - rs.getLong("t2s"), rs.getLong("agents")));
    }

    @Override
    public ExchangeStores.ReachCounts reach() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT "
                + "(SELECT count(*) FROM exchange_statistic) AS exchanges, "
                + "(SELECT count(DISTINCT agent_key) FROM exchange_statistic) AS agents, "
                + "(SELECT count(DISTINCT agent_key) FROM exchange_statistic WHERE direction = 'STATE_TO_TERRITORIAL') AS state_agents, "
                + "(SELECT count(DISTINCT agent_key) FROM exchange_statistic WHERE direction = 'TERRITORIAL_TO_STATE') AS territorial_agents, "
                + "(SELECT coalesce(sum(days), 0) FROM exchange_statistic) AS days, "
                + "(SELECT count(*) FROM training_statistic) AS trainings, "
                + "(SELECT count(DISTINCT learner_key) FROM training_statistic WHERE learner_category = 'STATE_AGENT') AS state_trained, "
                + "(SELECT count(DISTINCT learner_key) FROM training_statistic WHERE learner_category = 'TERRITORIAL_AGENT') AS territorial_trained, "
                + "(SELECT count(DISTINCT learner_key) FROM training_statistic WHERE learner_category = 'ELECTED_OFFICIAL') AS elected_trained",
                (rs, n) -> new ExchangeStores.ReachCounts(rs.getLong("exchanges"), rs.getLong("agents"),
                        rs.getLong("state_agents"), rs.getLong("territorial_agents"), rs.getLong("days"),
                        rs.getLong("trainings"), rs.getLong("state_trained"), rs.getLong("territorial_trained"),
                        rs.getLong("elected_trained")));
    }
}
