package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.instant;
import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.Grants;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Tranche;

import tools.jackson.core.type.TypeReference;

@Repository
public class JdbcGrants implements Grants {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcGrants(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Assignment a) {
        jdbc.update("INSERT INTO assignment (id, application_id, evaluator_subject, evaluator_siren, status, conflict_reason, "
                + "scores, total, assigned_at, submitted_at) VALUES (:id, :application, :subject, :siren, :status, :reason, "
                + ":scores::jsonb, :total, :assigned, :submitted)", params(a));
    }

    @Override
    public void update(Assignment a) {
        jdbc.update("UPDATE assignment SET status = :status, conflict_reason = :reason, scores = :scores::jsonb, "
                + "total = :total, submitted_at = :submitted WHERE id = :id", params(a));
    }

    private static MapSqlParameterSource params(Assignment a) {
        return new MapSqlParameterSource("id", a.id()).addValue("application", a.applicationId())
                .addValue("subject", a.evaluatorSubject()).addValue("siren", a.evaluatorSiren())
                .addValue("status", a.status()).addValue("reason", a.conflictReason())
                .addValue("scores", a.scores() == null ? null : Json.write(a.scores())).addValue("total", a.total())
                .addValue("assigned", Timestamp.from(a.assignedAt())).addValue("submitted", ts(a.submittedAt()));
    }

    @Override
    public Optional<Assignment> assignment(UUID applicationId, String evaluatorSubject) {
        return jdbc.query("SELECT * FROM assignment WHERE application_id = :application AND evaluator_subject = :subject "
                        + "FOR UPDATE", new MapSqlParameterSource("application", applicationId).addValue("subject", evaluatorSubject),
                JdbcGrants::assignment).stream().findFirst();
    }

    @Override
    public List<Assignment> assignments(UUID applicationId) {
        return jdbc.query("SELECT * FROM assignment WHERE application_id = :application ORDER BY assigned_at, id",
                new MapSqlParameterSource("application", applicationId), JdbcGrants::assignment);
    }

    private static Assignment assignment(ResultSet rs, int n) throws SQLException {
        String scores = rs.getString("scores");
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("evaluator_subject"), rs.getString("evaluator_siren"), rs.getString("status"),
                rs.getString("conflict_reason"), scores == null ? null : Json.read(scores,
                new TypeReference<Map<String, Object>>() {
                }), rs.getBigDecimal("total"), instant(rs, "assigned_at"), instant(rs, "submitted_at"));
    }

    @Override
    public void insert(Award a) {
        jdbc.update("INSERT INTO award (id, application_id, call_id, amount, rank, reason, granted_at) VALUES (:id, "
                        + ":application, :call, :amount, :rank, :reason, :granted)",
                new MapSqlParameterSource("id", a.id()).addValue("application", a.applicationId()).addValue("call", a.callId())
                        .addValue("amount", a.amount()).addValue("rank", a.rank()).addValue("reason", a.reason())
                        .addValue("granted", Timestamp.from(a.grantedAt())));
    }

    @Override
    public Optional<Award> award(UUID id) {
        return jdbc.query("SELECT * FROM award WHERE id = :id", new MapSqlParameterSource("id", id), JdbcGrants::award)
                .stream().findFirst();
    }

    @Override
    public Optional<Award> awardOf(UUID applicationId) {
        return jdbc.query("SELECT * FROM award WHERE application_id = :id", new MapSqlParameterSource("id", applicationId),
                JdbcGrants::award).stream().findFirst();
    }

    @Override
    public List<Award> awardsOf(UUID callId) {
        return jdbc.query("SELECT * FROM award WHERE call_id = :id ORDER BY rank NULLS LAST, granted_at, id",
                new MapSqlParameterSource("id", callId), JdbcGrants::award);
    }

    @Override
    public List<Award> awards(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM award WHERE id IN (:ids) ORDER BY granted_at, id",
                new MapSqlParameterSource("ids", ids), JdbcGrants::award);
    }

    @Override
    public List<Award> awardsOfOrganisation(String siren) {
        return jdbc.query("SELECT a.* FROM award a WHERE EXISTS (SELECT 1 FROM consortium_member m WHERE "
                        + "m.application_id = a.application_id AND m.siren = :siren) ORDER BY a.granted_at, a.id",
                new MapSqlParameterSource("siren", siren), JdbcGrants::award);
    }

    private static Award award(ResultSet rs, int n) throws SQLException {
        return new Award(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("call_id", UUID.class), rs.getBigDecimal("amount"), (Integer) rs.getObject("rank"),
                rs.getString("reason"), instant(rs, "granted_at"), rs.getObject("agreement_signed_on", LocalDate.class),
                rs.getString("agreement_reference"));
    }

    @Override
    public void signAgreement(UUID awardId, LocalDate signedOn, String reference, List<Tranche.Planned> plan) {
        jdbc.update("UPDATE award SET agreement_signed_on = :signed, agreement_reference = :reference WHERE id = :id",
                new MapSqlParameterSource("id", awardId).addValue("signed", signedOn).addValue("reference", reference));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int position = 1;
        for (Tranche.Planned p : plan) {
            rows.add(new MapSqlParameterSource("id", UUID.randomUUID()).addValue("award", awardId)
                    .addValue("position", position++).addValue("kind", p.kind().name()).addValue("amount", p.amount())
                    .addValue("condition", p.condition()).addValue("due", p.dueOn()));
        }
        jdbc.batchUpdate("INSERT INTO tranche (id, award_id, position, kind, amount, condition, due_on, status) VALUES "
                + "(:id, :award, :position, :kind, :amount, :condition, :due, 'PLANNED')",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public List<Tranche> tranches(UUID awardId) {
        return jdbc.query("SELECT t.*, (SELECT count(*) FROM tranche_report r WHERE r.tranche_id = t.id) AS reports "
                        + "FROM tranche t WHERE award_id = :award ORDER BY position",
                new MapSqlParameterSource("award", awardId), (rs, n) -> new Tranche(rs.getObject("id", UUID.class),
                        rs.getObject("award_id", UUID.class), rs.getInt("position"), Tranche.Kind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("amount"), rs.getString("condition"), rs.getObject("due_on", LocalDate.class),
                        rs.getString("status").equals("PAID"), rs.getBigDecimal("paid_amount"),
                        rs.getObject("paid_on", LocalDate.class), rs.getString("payment_reference"), rs.getInt("reports")));
    }

    @Override
    public void pay(UUID trancheId, BigDecimal amount, LocalDate paidOn, String reference) {
        jdbc.update("UPDATE tranche SET status = 'PAID', paid_amount = :amount, paid_on = :paid, payment_reference = :ref "
                        + "WHERE id = :id AND status = 'PLANNED'", new MapSqlParameterSource("id", trancheId)
                .addValue("amount", amount).addValue("paid", paidOn).addValue("ref", reference));
    }

    @Override
    public void insert(Report r) {
        jdbc.update("INSERT INTO tranche_report (id, tranche_id, title, summary, document_url, submitted_by, submitted_at) "
                        + "VALUES (:id, :tranche, :title, :summary, :url, :by, :at)",
                new MapSqlParameterSource("id", r.id()).addValue("tranche", r.trancheId()).addValue("title", r.title())
                        .addValue("summary", r.summary()).addValue("url", r.documentUrl()).addValue("by", r.submittedBy())
                        .addValue("at", Timestamp.from(r.submittedAt())));
    }

    @Override
    public List<Report> reports(UUID trancheId) {
        return jdbc.query("SELECT * FROM tranche_report WHERE tranche_id = :id ORDER BY submitted_at, id",
                new MapSqlParameterSource("id", trancheId), (rs, n) -> new Report(rs.getObject("id", UUID.class),
                        rs.getObject("tranche_id", UUID.class), rs.getString("title"), rs.getString("summary"),
                        rs.getString("document_url"), rs.getString("submitted_by"), instant(rs, "submitted_at")));
    }

    @Override
    public BigDecimal disbursed(UUID awardId) {
        return jdbc.queryForObject("SELECT coalesce(sum(paid_amount), 0.00) FROM tranche WHERE award_id = :id",
                new MapSqlParameterSource("id", awardId), BigDecimal.class).setScale(2);
    }
}
