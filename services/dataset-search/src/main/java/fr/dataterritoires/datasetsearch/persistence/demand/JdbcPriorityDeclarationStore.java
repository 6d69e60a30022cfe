package fr.dataterritoires.datasetsearch.persistence.demand;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.demand.PriorityDeclarationStore;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityScope;
import fr.dataterritoires.datasetsearch.domain.demand.SearchQueryKey;

/** Priority declarations in PostgreSQL ({@code priority_declaration}), one row per roadmap item. */
@Repository
public class JdbcPriorityDeclarationStore implements PriorityDeclarationStore {

    private static final String COLUMNS = "roadmap_id, item_id, declared_by, scope, territories, territory_scope, "
            + "dataset_reference, dataset_id, title, target_access_level, target_date, last_event_id, declared_at, "
            + "recorded_at";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcPriorityDeclarationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> findForUpdate(String roadmapId, String itemId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM priority_declaration WHERE roadmap_id = :roadmap "
                        + "AND item_id = :item FOR UPDATE",
                new MapSqlParameterSource("roadmap", roadmapId).addValue("item", itemId), ROW).stream().findFirst();
    }

    @Override
    public void save(Stored stored) {
        PriorityDeclaration d = stored.declaration();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("roadmap", d.roadmapId())
                .addValue("item", d.itemId())
                .addValue("declaredBy", d.declaredBy())
                .addValue("scope", d.scope().name())
                .addValue("territories", String.join(",", d.territories().stream().map(TerritoryRef::key).sorted().toList()))
                .addValue("territoryScope", String.join(",", new TreeSet<>(stored.scope())))
                .addValue("reference", d.datasetReference())
                .addValue("dataset", stored.dataset() == null ? null : stored.dataset().value())
                .addValue("title", d.title())
                .addValue("titleKey", SearchQueryKey.normalise(d.title()))
                .addValue("targetAccessLevel", d.targetAccessLevel() == null ? null : d.targetAccessLevel().name())
                .addValue("targetDate", d.targetDate())
                .addValue("event", stored.eventId())
                .addValue("declaredAt", Timestamp.from(stored.declaredAt()))
                .addValue("recordedAt", Timestamp.from(stored.recordedAt()));
        jdbc.update("INSERT INTO priority_declaration (" + COLUMNS + ", title_key) VALUES (:roadmap, :item, "
                + ":declaredBy, :scope, string_to_array(:territories, ','), string_to_array(:territoryScope, ','), "
                + ":reference, :dataset, :title, :targetAccessLevel, :targetDate, :event, :declaredAt, :recordedAt, "
                + ":titleKey) ON CONFLICT (roadmap_id, item_id) DO UPDATE SET declared_by = EXCLUDED.declared_by, "
                + "scope = EXCLUDED.scope, territories = EXCLUDED.territories, "
                + "territory_scope = EXCLUDED.territory_scope, dataset_reference = EXCLUDED.dataset_reference, "
                + "dataset_id = EXCLUDED.dataset_id, title = EXCLUDED.title, title_key = EXCLUDED.title_key, "
                + "target_access_level = EXCLUDED.target_access_level, target_date = EXCLUDED.target_date, "
                + "last_event_id = EXCLUDED.last_event_id, declared_at = EXCLUDED.declared_at, "
                + "recorded_at = EXCLUDED.recorded_at", params);
    }

    @Override
    public Counts countsFor(DatasetId dataset) {
        return jdbc.queryForObject("SELECT count(*) AS n, coalesce(bool_or(scope = 'NATIONAL'), false) AS national "
                        + "FROM priority_declaration WHERE dataset_id = :dataset",
                new MapSqlParameterSource("dataset", dataset.value()),
                (rs, i) -> new Counts(rs.getInt("n"), rs.getBoolean("national")));
    }

    @Override
    public List<Stored> unresolved(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM priority_declaration WHERE dataset_id IS NULL "
                        + "AND dataset_reference IS NOT NULL ORDER BY recorded_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                new MapSqlParameterSource("limit", limit), ROW);
    }

    private static final RowMapper<Stored> ROW = (rs, n) -> {
        Set<TerritoryRef> territories = new LinkedHashSet<>();
        for (String key : JdbcAccessRequestStore.strings(rs.getArray("territories"))) {
            territories.add(TerritoryRef.parse(key));
        }
        String level = rs.getString("target_access_level");
        UUID dataset = rs.getObject("dataset_id", UUID.class);
        PriorityDeclaration declaration = new PriorityDeclaration(rs.getString("roadmap_id"), rs.getString("item_id"),
                rs.getString("declared_by"), PriorityScope.valueOf(rs.getString("scope")), territories,
                rs.getString("dataset_reference"), rs.getString("title"),
                level == null ? null : AccessLevel.valueOf(level), rs.getObject("target_date", LocalDate.class));
        return new Stored(declaration, dataset == null ? null : new DatasetId(dataset),
                new TreeSet<>(JdbcAccessRequestStore.strings(rs.getArray("territory_scope"))),
                rs.getObject("last_event_id", UUID.class), rs.getTimestamp("declared_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant());
    };
}
