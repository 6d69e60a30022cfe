package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.instant;
import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.Applications;
import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.ApplicationStatus;
import fr.dataterritoires.commonscalls.domain.ConsortiumMember;
import fr.dataterritoires.commonscalls.domain.Proposal;

import tools.jackson.core.type.TypeReference;

@Repository
public class JdbcApplications implements Applications {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcApplications(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Application a) {
        jdbc.update("INSERT INTO application (id, call_id, status, lead_siren, created_by, content, requested_amount, "
                + "commons_title, commons_kind, roadmap_id, roadmap_item_id, automatic_findings, eligibility_reason, "
                + "decision_reason, created_at, submitted_at) VALUES (:id, :call, :status, :lead, :createdBy, :content::jsonb, "
                + ":requested, :title, :kind, :roadmap, :item, :findings::jsonb, :eligibility, :decision, :created, :submitted)",
                params(a).addValue("created", Timestamp.from(a.createdAt())));
        writeConsortium(a);
    }

    @Override
    public void update(Application a) {
        int n = jdbc.update("UPDATE application SET status = :status, lead_siren = :lead, content = :content::jsonb, "
                + "requested_amount = :requested, commons_title = :title, commons_kind = :kind, roadmap_id = :roadmap, "
                + "roadmap_item_id = :item, automatic_findings = :findings::jsonb, eligibility_reason = :eligibility, "
                + "decision_reason = :decision, submitted_at = :submitted, version = version + 1 "
                + "WHERE id = :id AND version = :version", params(a).addValue("version", a.version()));
        if (n != 1) {
            throw new OptimisticLockingFailureException("application " + a.id() + " changed meanwhile");
        }
        jdbc.update("DELETE FROM consortium_member WHERE application_id = :id", new MapSqlParameterSource("id", a.id()));
        writeConsortium(a);
    }

    private void writeConsortium(Application a) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int position = 0;
        for (ConsortiumMember m : a.proposal().consortium()) {
            rows.add(new MapSqlParameterSource("id", a.id()).addValue("siren", m.siren().value()).addValue("name", m.name())
                    .addValue("type", m.type().name()).addValue("role", m.role().name()).addValue("position", position++));
        }
        jdbc.batchUpdate("INSERT INTO consortium_member (application_id, siren, name, type, role, position) "
                + "VALUES (:id, :siren, :name, :type, :role, :position)", rows.toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public Optional<Application> find(UUID id) {
        return jdbc.query("SELECT * FROM application WHERE id = :id", new MapSqlParameterSource("id", id),
                JdbcApplications::application).stream().findFirst();
    }

    @Override
    public Optional<Application> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM application WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
                JdbcApplications::application).stream().findFirst();
    }

    @Override
    public List<Application> ofCall(UUID callId) {
        return jdbc.query("SELECT * FROM application WHERE call_id = :call ORDER BY created_at, id",
                new MapSqlParameterSource("call", callId), JdbcApplications::application);
    }

    @Override
    public List<Application> ledBy(String siren) {
        return jdbc.query("SELECT * FROM application WHERE lead_siren = :siren ORDER BY created_at DESC, id",
                new MapSqlParameterSource("siren", siren), JdbcApplications::application);
    }

    @Override
    public void recordConsensus(UUID applicationId, BigDecimal score, String comment) {
        jdbc.update("UPDATE application SET consensus_score = :score, consensus_comment = :comment WHERE id = :id",
                new MapSqlParameterSource("id", applicationId).addValue("score", score).addValue("comment", comment));
    }

    @Override
    public void recordRank(UUID applicationId, Integer rank) {
        jdbc.update("UPDATE application SET rank = :rank WHERE id = :id",
                new MapSqlParameterSource("id", applicationId).addValue("rank", rank));
    }

    @Override
    public Optional<BigDecimal> consensus(UUID applicationId) {
        return jdbc.query("SELECT consensus_score FROM application WHERE id = :id AND consensus_score IS NOT NULL",
                new MapSqlParameterSource("id", applicationId), (rs, n) -> rs.getBigDecimal(1)).stream().findFirst();
    }

    @Override
    public Optional<Integer> rank(UUID applicationId) {
        return jdbc.query("SELECT rank FROM application WHERE id = :id AND rank IS NOT NULL",
                new MapSqlParameterSource("id", applicationId), (rs, n) -> rs.getInt(1)).stream().findFirst();
    }

    private static MapSqlParameterSource params(Application a) {
        Proposal p = a.proposal();
        return new MapSqlParameterSource("id", a.id()).addValue("call", a.callId()).addValue("status", a.status().name())
                .addValue("lead", p.lead().siren().value()).addValue("createdBy", a.createdBy())
                .addValue("content", Json.write(p)).addValue("requested", p.requestedAmount())
                .addValue("title", p.commons().title()).addValue("kind", p.commons().kind().name())
                .addValue("roadmap", p.roadmapItem() == null ? null : p.roadmapItem().roadmapId())
                .addValue("item", p.roadmapItem() == null ? null : p.roadmapItem().itemId())
                .addValue("findings", Json.write(a.automaticFindings()))
                .addValue("eligibility", a.eligibilityReason()).addValue("decision", a.decisionReason())
                .addValue("submitted", ts(a.submittedAt()));
    }

    private static Application application(ResultSet rs, int n) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class),
                rs.getString("created_by"), Json.read(rs.getString("content"), Proposal.class),
                ApplicationStatus.valueOf(rs.getString("status")),
                Json.read(rs.getString("automatic_findings"), new TypeReference<List<String>>() {
                }), rs.getString("eligibility_reason"), rs.getString("decision_reason"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "submitted_at"));
    }
}
