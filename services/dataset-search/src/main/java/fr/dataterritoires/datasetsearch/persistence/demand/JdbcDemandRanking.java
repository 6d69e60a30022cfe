package fr.dataterritoires.datasetsearch.persistence.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.demand.DemandRanking;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * Demand counted in SQL over {@code priority_declaration} and {@code access_request}. A territory T matches a row
 * whose scope (declared territories and their enclosing ones) contains T, or whose declared territories include one
 * enclosing T; national declarations only count in the national list.
 */
@Repository
public class JdbcDemandRanking implements DemandRanking {

    private static final String MATCH = "(territory_scope @> ARRAY[CAST(:territory AS text)] "
            + "OR territories && string_to_array(:enclosing, ','))";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcDemandRanking(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DatasetDemand> datasets(TerritoryFilter territory, int limit, int offset) {
        String declared = territory == null ? "" : " AND scope = 'TERRITORIAL' AND " + MATCH;
        // withdrawn requests are no longer demand (AccessRequestStore.countForDataset counts the same way)
        String requested = " WHERE state <> 'WITHDRAWN'" + (territory == null ? "" : " AND " + MATCH);
        String sql = "WITH d AS (SELECT dataset_id, count(*) AS declarations, bool_or(scope = 'NATIONAL') AS national "
                + "FROM priority_declaration WHERE dataset_id IS NOT NULL" + declared + " GROUP BY dataset_id), "
                + "a AS (SELECT dataset_id, count(*) AS requests FROM access_request" + requested
                + " GROUP BY dataset_id) "
                + "SELECT dataset_id, coalesce(d.declarations, 0) AS declarations, coalesce(d.national, false) AS national, "
                + "coalesce(a.requests, 0) AS requests FROM d FULL JOIN a USING (dataset_id) "
                + "ORDER BY 5 * coalesce(d.declarations, 0) + coalesce(a.requests, 0) DESC, "
                + "coalesce(d.declarations, 0) DESC, coalesce(a.requests, 0) DESC, dataset_id "
                + "LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, params(territory).addValue("limit", limit).addValue("offset", offset),
                (rs, n) -> new DatasetDemand(new DatasetId(rs.getObject("dataset_id", UUID.class)),
                        rs.getInt("declarations"), rs.getBoolean("national"), rs.getInt("requests")));
    }

    @Override
    public List<UnknownDemand> unknown(TerritoryFilter territory, int limit) {
        String declared = territory == null ? "" : " AND scope = 'TERRITORIAL' AND " + MATCH;
        // the same dataset to be produced is recognised by its normalised title, a known reference by itself
        String sql = "SELECT min(dataset_reference) AS reference, min(title) AS title, count(*) AS declarations, "
                + "bool_or(scope = 'NATIONAL') AS national, min(target_date) AS target_date "
                + "FROM priority_declaration WHERE dataset_id IS NULL" + declared
                + " GROUP BY coalesce('ref:' || dataset_reference, 'titre:' || title_key) "
                + "ORDER BY count(*) DESC, min(title) LIMIT :limit";
        return jdbc.query(sql, params(territory).addValue("limit", limit),
                (rs, n) -> new UnknownDemand(rs.getString("reference"), rs.getString("title"),
                        rs.getInt("declarations"), rs.getBoolean("national"),
                        rs.getObject("target_date", LocalDate.class)));
    }

    private static MapSqlParameterSource params(TerritoryFilter territory) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (territory != null) {
            params.addValue("territory", territory.key())
                    .addValue("enclosing", String.join(",", territory.enclosing()));
        }
        return params;
    }
}
