package fr.dataterritoires.roadmaps.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.roadmaps.application.priority.PriorityStore;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;
import fr.dataterritoires.roadmaps.domain.priority.PrioritySubject;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;

/** National and local priorities ({@code priority}). */
@Repository
public class JdbcPriorityStore implements PriorityStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcPriorityStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Priority p) {
        jdbc.update("INSERT INTO priority (id, level, region_code, subject, title, dataset_reference, theme, territories, "
                        + "target_access_level, target_date, declared_by, declared_at) VALUES (:id, :level, :region, "
                        + ":subject, :title, :reference, :theme, string_to_array(:territories, ','), :access, :date, :by, :at)",
                new MapSqlParameterSource("id", p.id()).addValue("level", p.level().name())
                        .addValue("region", p.regionCode()).addValue("subject", p.subject().name())
                        .addValue("title", p.title()).addValue("reference", p.datasetReference())
                        .addValue("theme", p.theme())
                        .addValue("territories", p.territories().stream().map(TerritoryKey::key).sorted()
                                .collect(Collectors.joining(",")))
                        .addValue("access", p.targetAccessLevel() == null ? null : p.targetAccessLevel().name())
                        .addValue("date", p.targetDate(), java.sql.Types.DATE)
                        .addValue("by", p.declaredBy()).addValue("at", Timestamp.from(p.declaredAt())));
    }

    @Override
    public List<Priority> list(PriorityLevel level, String regionCode) {
        return query(level, regionCode, "", new MapSqlParameterSource());
    }

    @Override
    public List<Priority> list(PriorityLevel level, String regionCode, int limit, int offset) {
        return query(level, regionCode, " LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset));
    }

    private List<Priority> query(PriorityLevel level, String regionCode, String page, MapSqlParameterSource params) {
        return jdbc.query("SELECT id, level, region_code, subject, title, dataset_reference, theme, "
                        + "array_to_string(territories, ',') AS territories, target_access_level, target_date, declared_by, "
                        + "declared_at FROM priority WHERE (CAST(:level AS text) IS NULL OR level = :level) "
                        + "AND (CAST(:region AS text) IS NULL OR region_code = :region) ORDER BY declared_at, id" + page,
                params.addValue("level", level == null ? null : level.name()).addValue("region", regionCode),
                (rs, n) -> {
                    String territories = rs.getString("territories");
                    Set<TerritoryKey> keys = territories == null || territories.isEmpty() ? Set.of()
                            : TerritoryKey.parseAll(Arrays.asList(territories.split(",")), "territories");
                    String access = rs.getString("target_access_level");
                    return new Priority(rs.getObject("id", UUID.class), PriorityLevel.valueOf(rs.getString("level")),
                            rs.getString("region_code"), PrioritySubject.valueOf(rs.getString("subject")),
                            rs.getString("title"), rs.getString("dataset_reference"), rs.getString("theme"),
                            PriorityLevel.valueOf(rs.getString("level")) == PriorityLevel.NATIONAL ? Set.of() : keys,
                            access == null ? null : AccessLevel.valueOf(access),
                            rs.getObject("target_date", LocalDate.class), rs.getString("declared_by"),
                            rs.getTimestamp("declared_at").toInstant());
                });
    }
}
