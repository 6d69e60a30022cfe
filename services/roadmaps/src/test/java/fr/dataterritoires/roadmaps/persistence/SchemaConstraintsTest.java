package fr.dataterritoires.roadmaps.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.roadmaps.support.ServiceTest;

/** The database holds the invariants it can express, whatever the code above it does. */
@ServiceTest
class SchemaConstraintsTest {

    @Autowired
    JdbcTemplate jdbc;

    UUID committee;
    UUID roadmap;

    @BeforeEach
    void rows() {
        jdbc.update("INSERT INTO governance_body (id, kind, region_code, name, created_at) VALUES (?, 'REGIONAL_COMMITTEE', "
                + "'27', 'Comité 27', now()) ON CONFLICT DO NOTHING", UUID.randomUUID());
        committee = jdbc.queryForObject("SELECT id FROM governance_body WHERE region_code = '27'", UUID.class);
        roadmap = UUID.randomUUID();
        // a period of its own (a random one collided now and then with the previous test's)
        int year = jdbc.queryForObject("SELECT COALESCE(max(end_year), 2039) + 1 FROM roadmap WHERE committee_id = ? "
                + "AND start_year >= 2040", Integer.class, committee);
        jdbc.update("INSERT INTO roadmap (id, kind, committee_id, region_code, start_year, end_year, title, status, version, "
                + "created_at, updated_at) VALUES (?, 'COMMITTEE', ?, '27', ?, ?, 'FdR', 'DRAFT', 1, now(), now())",
                roadmap, committee, year, year);
    }

    @Test
    void oneCommitteePerRegionAndOneRoadmapPerCommitteeAndPeriod() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO governance_body (id, kind, region_code, name, created_at) "
                + "VALUES (?, 'REGIONAL_COMMITTEE', '27', 'Doublon', now())", UUID.randomUUID()))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO roadmap (id, kind, committee_id, region_code, start_year, end_year, "
                + "title, status, version, created_at, updated_at) SELECT ?, kind, committee_id, region_code, start_year, "
                + "end_year, 'Doublon', 'DRAFT', 1, now(), now() FROM roadmap WHERE id = ?", UUID.randomUUID(), roadmap))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO roadmap (id, kind, ministry_code, start_year, end_year, title, "
                + "status, version, created_at, updated_at) VALUES (?, 'MINISTERIAL', 'MTECT', 2030, 2031, 'x', 'DRAFT', 1, "
                + "now(), now())", UUID.randomUUID())).as("a ministerial section covers one year")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE roadmap SET status = 'WITHDRAWN' WHERE id = ?", roadmap))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE roadmap SET status = 'PUBLISHED' WHERE id = ?", roadmap))
                .as("published needs its date").isInstanceOf(DataAccessException.class);
    }

    @Test
    void itemsKeepProgressAmountsAndGrantsInBounds() {
        assertThatCode(() -> item(UUID.randomUUID(), 0, "'FINANCIAL_LINE'", 50, "100.00", "80.00")).doesNotThrowAnyException();
        assertThatThrownBy(() -> item(UUID.randomUUID(), 1, "'FINANCIAL_LINE'", 101, "100.00", null))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> item(UUID.randomUUID(), 2, "'FINANCIAL_LINE'", 10, "-1.00", null))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> item(UUID.randomUUID(), 3, "'FINANCIAL_LINE'", 10, "100.00", "100.01"))
                .as("granted at most requested").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> item(UUID.randomUUID(), 4, "'WISH'", 10, null, null)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> item(UUID.randomUUID(), 5, "'USE_CASE'", 10, "5.00", null))
                .as("only financial lines and actions carry an amount").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO roadmap_item (id, roadmap_id, parent_id, position, kind, title, "
                + "weight, status, progress, content) VALUES (?, ?, ?, 9, 'USE_CASE', 't', 1, 'PLANNED', 0, '{}')",
                UUID.randomUUID(), roadmap, UUID.randomUUID())).as("the parent is an item of the same roadmap")
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void versionsAndMembershipsAreNeverRewritten() {
        jdbc.update("INSERT INTO roadmap_version (roadmap_id, number, action, actor, occurred_at, status, snapshot) "
                + "VALUES (?, 1, 'created', 'test', now(), 'DRAFT', '{}')", roadmap);
        assertThatThrownBy(() -> jdbc.update("UPDATE roadmap_version SET actor = 'autre' WHERE roadmap_id = ?", roadmap))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM roadmap_version WHERE roadmap_id = ?", roadmap))
                .isInstanceOf(DataAccessException.class);
        UUID member = UUID.randomUUID();
        jdbc.update("INSERT INTO membership (id, body_id, member_kind, name, role, joined_on, position) VALUES "
                + "(?, ?, 'PERSON', 'Camille', 'MEMBER', DATE '2026-01-01', (SELECT coalesce(max(position) + 1, 0) "
                + "FROM membership WHERE body_id = ?))", member, committee, committee);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM membership WHERE id = ?", member))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE membership SET left_on = DATE '2025-01-01' WHERE id = ?", member))
                .isInstanceOf(DataAccessException.class);
    }

    private void item(UUID id, int position, String kind, int progress, String requested, String granted) {
        jdbc.update("INSERT INTO roadmap_item (id, roadmap_id, position, kind, title, weight, status, progress, "
                + "requested_amount, granted_amount, grant_reason, content) VALUES (?, ?, ?, " + kind + ", 't', 1, 'PLANNED', "
                + "?, CAST(? AS numeric), CAST(? AS numeric), 'motif', '{}')", id, roadmap, position,
                progress, requested, granted);
    }
}
