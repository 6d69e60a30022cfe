package fr.dataterritoires.roadmaps.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.roadmaps.application.governance.GovernanceBodies;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.governance.BodyKind;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.governance.Member;
import fr.dataterritoires.roadmaps.domain.governance.MemberRole;
import fr.dataterritoires.roadmaps.domain.governance.Membership;
import fr.dataterritoires.roadmaps.domain.governance.OrganisationType;
import fr.dataterritoires.territory.Siren;

/** Governance bodies ({@code governance_body}) and their memberships ({@code membership}, never deleted). */
@Repository
public class JdbcGovernanceBodies implements GovernanceBodies {

    private static final String COLUMNS = "id, kind, region_code, name, array_to_string(relevant_territory, ',') AS territory, version";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcGovernanceBodies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<GovernanceBody> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM governance_body WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    @Override
    public Optional<GovernanceBody> findForUpdate(UUID id) {
        return one("SELECT " + COLUMNS + " FROM governance_body WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", id));
    }

    @Override
    public Optional<GovernanceBody> committeeOf(String regionCode) {
        return one("SELECT " + COLUMNS + " FROM governance_body WHERE kind = 'REGIONAL_COMMITTEE' AND region_code = :region",
                new MapSqlParameterSource("region", regionCode == null ? "" : regionCode.strip()));
    }

    @Override
    public GovernanceBody nationalInstance() {
        return one("SELECT " + COLUMNS + " FROM governance_body WHERE kind = 'NATIONAL_INSTANCE'",
                new MapSqlParameterSource()).orElseThrow();
    }

    @Override
    public List<GovernanceBody> committees() {
        List<GovernanceBody> bodies = jdbc.query("SELECT " + COLUMNS
                + " FROM governance_body WHERE kind = 'REGIONAL_COMMITTEE' ORDER BY region_code", (rs, n) -> row(rs));
        return bodies.stream().map(this::withMembers).toList();
    }

    @Override
    public void insert(GovernanceBody body) {
        jdbc.update("INSERT INTO governance_body (id, kind, region_code, name, relevant_territory, version, created_at) "
                + "VALUES (:id, :kind, :region, :name, string_to_array(:territory, ','), 0, :now)", params(body)
                .addValue("now", Timestamp.from(Instant.now())));
        insertMembers(body, 0);
    }

    @Override
    public void update(GovernanceBody body) {
        int updated = jdbc.update("UPDATE governance_body SET name = :name, relevant_territory = "
                + "string_to_array(:territory, ','), version = version + 1 WHERE id = :id AND version = :version",
                params(body).addValue("version", body.version()));
        if (updated != 1) {
            throw new OptimisticLockingFailureException("governance body " + body.id() + " changed since it was read");
        }
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM membership WHERE body_id = :id",
                new MapSqlParameterSource("id", body.id()), Integer.class);
        int known = stored == null ? 0 : stored;
        for (Membership m : body.memberships().subList(0, known)) {
            jdbc.update("UPDATE membership SET left_on = :leftOn WHERE id = :id AND left_on IS NULL AND :leftOn IS NOT NULL",
                    new MapSqlParameterSource("id", m.id()).addValue("leftOn", m.leftOn(), java.sql.Types.DATE));
        }
        insertMembers(body, known);
    }

    private void insertMembers(GovernanceBody body, int from) {
        List<Membership> all = body.memberships();
        for (int i = from; i < all.size(); i++) {
            Membership m = all.get(i);
            MapSqlParameterSource p = new MapSqlParameterSource("id", m.id()).addValue("body", body.id())
                    .addValue("role", m.role().name()).addValue("joinedOn", m.joinedOn())
                    .addValue("leftOn", m.leftOn(), java.sql.Types.DATE).addValue("position", i)
                    .addValue("name", m.member().name());
            if (m.member() instanceof Member.Organisation o) {
                p.addValue("kind", "ORGANISATION").addValue("siren", o.siren().value()).addValue("type", o.type().name());
            } else {
                p.addValue("kind", "PERSON").addValue("siren", null).addValue("type", null);
            }
            jdbc.update("INSERT INTO membership (id, body_id, member_kind, siren, organisation_type, name, role, joined_on, "
                    + "left_on, position) VALUES (:id, :body, :kind, :siren, :type, :name, :role, :joinedOn, :leftOn, :position)", p);
        }
    }

    private Optional<GovernanceBody> one(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, (rs, n) -> row(rs)).stream().findFirst().map(this::withMembers);
    }

    private GovernanceBody withMembers(GovernanceBody body) {
        List<Membership> members = jdbc.query("SELECT id, member_kind, siren, organisation_type, name, role, joined_on, "
                        + "left_on FROM membership WHERE body_id = :id ORDER BY position",
                new MapSqlParameterSource("id", body.id()), (rs, n) -> {
                    Member member = rs.getString("member_kind").equals("ORGANISATION")
                            ? new Member.Organisation(new Siren(rs.getString("siren")),
                            OrganisationType.valueOf(rs.getString("organisation_type")), rs.getString("name"))
                            : new Member.Person(rs.getString("name"));
                    return new Membership(rs.getObject("id", UUID.class), member, MemberRole.valueOf(rs.getString("role")),
                            rs.getObject("joined_on", java.time.LocalDate.class),
                            rs.getObject("left_on", java.time.LocalDate.class));
                });
        return new GovernanceBody(body.id(), body.kind(), body.regionCode(), body.name(), body.relevantTerritory(),
                members, body.version());
    }

    private static GovernanceBody row(ResultSet rs) throws SQLException {
        String territory = rs.getString("territory");
        Set<TerritoryKey> keys = territory == null || territory.isEmpty() ? Set.of()
                : TerritoryKey.parseAll(Arrays.asList(territory.split(",")), "relevantTerritory");
        return new GovernanceBody(rs.getObject("id", UUID.class), BodyKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), rs.getString("name"), keys, new ArrayList<>(), rs.getLong("version"));
    }

    private static MapSqlParameterSource params(GovernanceBody body) {
        return new MapSqlParameterSource("id", body.id()).addValue("kind", body.kind().name())
                .addValue("region", body.regionCode()).addValue("name", body.name())
                .addValue("territory", body.relevantTerritory().stream().map(TerritoryKey::key).sorted()
                        .collect(Collectors.joining(",")));
    }
}
