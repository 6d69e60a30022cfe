package fr.dataterritoires.replication.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.replication.application.InitiativeStore;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.initiative.MaturityStep;

import tools.jackson.core.type.TypeReference;

@Repository
class JdbcInitiativeStore implements InitiativeStore {

    private static final String SELECT = "SELECT id, lead_siren, maturity, territories, content, created_at, version "
            + "FROM initiative";

    private final JdbcTemplate jdbc;

    JdbcInitiativeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Initiative i) {
        jdbc.update("INSERT INTO initiative (id, lead_siren, title, policy_domain, maturity, territories, content, "
                        + "created_at, validated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
                i.id(), i.leadSiren(), i.title(), i.content().policyDomain(), i.maturity().name(),
                Rows.keys(i.territories()), Json.write(i.content()), Rows.timestamp(i.createdAt()),
                Rows.timestamp(i.validatedAt()), i.version());
        writeSteps(i, 0);
        writeAwards(i);
    }

    @Override
    public boolean update(Initiative i) {
        int n = jdbc.update("UPDATE initiative SET title = ?, policy_domain = ?, maturity = ?, territories = ?, "
                        + "content = ?::jsonb, validated_at = ?, version = ? WHERE id = ? AND version = ?",
                i.title(), i.content().policyDomain(), i.maturity().name(), Rows.keys(i.territories()),
                Json.write(i.content()), Rows.timestamp(i.validatedAt()), i.version(), i.id(), i.version() - 1);
        if (n == 0) {
            return false;
        }
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM maturity_step WHERE initiative_id = ?",
                Integer.class, i.id());
        writeSteps(i, stored == null ? 0 : stored);
        writeAwards(i);
        return true;
    }

    private void writeSteps(Initiative i, int stored) {
        List<MaturityStep> steps = i.steps();
        for (int s = stored; s < steps.size(); s++) {
            MaturityStep step = steps.get(s);
            jdbc.update("INSERT INTO maturity_step (initiative_id, seq, from_maturity, to_maturity, taken_at, actor, "
                            + "justification, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)", i.id(), s + 1,
                    step.from().name(), step.to().name(), Rows.timestamp(step.at()), step.actor(), step.justification(),
                    Json.write(step.evidence()));
        }
    }

    private void writeAwards(Initiative i) {
        for (UUID award : i.awardIds()) {
            jdbc.update("INSERT INTO initiative_award (award_id, initiative_id, received_at) VALUES (?, ?, now()) "
                    + "ON CONFLICT (award_id) DO NOTHING", award, i.id());
        }
    }

    @Override
    public Optional<Initiative> find(UUID id) {
        return one(SELECT + " WHERE id = ?", id);
    }

    @Override
    public Optional<Initiative> findForUpdate(UUID id) {
        return one(SELECT + " WHERE id = ? FOR UPDATE", id);
    }

    @Override
    public Optional<Initiative> findByAward(UUID awardId) {
        return one(SELECT + " WHERE id = (SELECT initiative_id FROM initiative_award WHERE award_id = ?)", awardId);
    }

    @Override
    public List<Initiative> list(String territoryKey, String leadSiren, String maturity, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> args = new ArrayList<>();
        if (territoryKey != null) {
            sql.append(" AND (territories @> ARRAY[?]::text[] OR id IN (SELECT initiative_id FROM replication "
                    + "WHERE territories @> ARRAY[?]::text[] AND status <> 'ABANDONED'))");
            args.add(territoryKey);
            args.add(territoryKey);
        }
        if (leadSiren != null) {
            sql.append(" AND lead_siren = ?");
            args.add(leadSiren);
        }
        if (maturity != null) {
            sql.append(" AND maturity = ?");
            args.add(maturity);
        }
        sql.append(" ORDER BY title, id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return many(sql.toString(), args.toArray());
    }

    @Override
    public List<Initiative> all() {
        return many(SELECT + " ORDER BY title, id");
    }

    private Optional<Initiative> one(String sql, Object... args) {
        return many(sql, args).stream().findFirst();
    }

    private List<Initiative> many(String sql, Object... args) {
        List<Row> rows = jdbc.query(sql, (rs, n) -> row(rs), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(r -> r.id().toString()).toArray(String[]::new);
        Map<UUID, List<MaturityStep>> steps = new HashMap<>();
        jdbc.query("SELECT initiative_id, from_maturity, to_maturity, taken_at, actor, justification, evidence "
                + "FROM maturity_step WHERE initiative_id = ANY(?::uuid[]) ORDER BY initiative_id, seq", rs -> {
                    steps.computeIfAbsent(Rows.uuid(rs, "initiative_id"), k -> new ArrayList<>()).add(new MaturityStep(
                            Maturity.valueOf(rs.getString("from_maturity")), Maturity.valueOf(rs.getString("to_maturity")),
                            Rows.instant(rs, "taken_at"), rs.getString("actor"), rs.getString("justification"),
                            Json.read(rs.getString("evidence"), new TypeReference<List<String>>() {
                            })));
                }, (Object) ids);
        Map<UUID, Set<UUID>> awards = new HashMap<>();
        jdbc.query("SELECT award_id, initiative_id FROM initiative_award WHERE initiative_id = ANY(?::uuid[]) "
                        + "ORDER BY received_at, award_id",
                rs -> {
                    awards.computeIfAbsent(Rows.uuid(rs, "initiative_id"), k -> new LinkedHashSet<>())
                            .add(Rows.uuid(rs, "award_id"));
                }, (Object) ids);
        List<Initiative> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Initiative(r.id(), r.leadSiren(), r.content(), r.maturity(),
                    steps.getOrDefault(r.id(), List.of()), awards.getOrDefault(r.id(), Set.of()), r.createdAt(),
                    r.version()));
        }
        return out;
    }

    private record Row(UUID id, String leadSiren, Maturity maturity, InitiativeContent content,
            java.time.Instant createdAt, long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(Rows.uuid(rs, "id"), rs.getString("lead_siren"), Maturity.valueOf(rs.getString("maturity")),
                content(rs.getString("content"), Rows.territories(rs, "territories")), Rows.instant(rs, "created_at"),
                rs.getLong("version"));
    }

    /** The content; its territories from the checked column (read under the current geography), not the JSON. */
    private static InitiativeContent content(String json, java.util.Set<fr.dataterritoires.replication.domain.TerritoryRef>
            territories) {
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) Json.tree(json);
        tree.remove("territories");
        InitiativeContent c = Json.convert(tree, InitiativeContent.class);
        return new InitiativeContent(c.title(), c.problem(), c.policyDomain(), territories, c.commons(), c.indicators(),
                c.ethicsCharter(), c.labels(), c.annualRunningCost(), c.skills(), c.kit());
    }
}
