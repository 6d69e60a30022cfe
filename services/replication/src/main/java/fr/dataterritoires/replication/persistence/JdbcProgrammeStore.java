package fr.dataterritoires.replication.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.replication.application.ProgrammeStore;
import fr.dataterritoires.replication.domain.programme.CallStatus;
import fr.dataterritoires.replication.domain.programme.Candidacy;
import fr.dataterritoires.replication.domain.programme.CandidacyStatus;
import fr.dataterritoires.replication.domain.programme.CandidateCall;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.programme.Criterion;
import fr.dataterritoires.replication.domain.programme.SupportAction;
import fr.dataterritoires.replication.domain.programme.SupportKind;

import tools.jackson.core.type.TypeReference;

@Repository
class JdbcProgrammeStore implements ProgrammeStore {

    private static final String CALL = "SELECT id, title, content, opens_on, closes_on, capacity, minimum_score, "
            + "support_start, support_end, status, version FROM candidate_call";
    private static final String CANDIDACY = "SELECT id, call_id, initiative_id, motivation, submitted_at, scores, "
            + "status, version FROM candidacy";
    private static final String SUPPORT = "SELECT id, initiative_id, replication_id, cohort_id, kind, provider_siren, "
            + "provider_name, amount, received_on, description, source_ref FROM support_action";

    private final JdbcTemplate jdbc;

    JdbcProgrammeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record CallContent(String description, List<Criterion> criteria, List<CandidateCall.Juror> jury) {
    }

    @Override
    public void insertCall(CandidateCall c) {
        jdbc.update("INSERT INTO candidate_call (id, title, content, opens_on, closes_on, capacity, minimum_score, "
                        + "support_start, support_end, status, version) VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.title(), Json.write(new CallContent(c.description(), c.criteria(), c.jury())), c.opensOn(),
                c.closesOn(), c.capacity(), c.minimumScore(), c.supportStart(), c.supportEnd(), c.status().name(),
                c.version());
    }

    @Override
    public boolean updateCall(CandidateCall c) {
        return jdbc.update("UPDATE candidate_call SET status = ?, version = ? WHERE id = ? AND version = ?",
                c.status().name(), c.version(), c.id(), c.version() - 1) == 1;
    }

    @Override
    public Optional<CandidateCall> findCall(UUID id) {
        return jdbc.query(CALL + " WHERE id = ?", (rs, n) -> call(rs), id).stream().findFirst();
    }

    @Override
    public Optional<CandidateCall> findCallForUpdate(UUID id) {
        return jdbc.query(CALL + " WHERE id = ? FOR UPDATE", (rs, n) -> call(rs), id).stream().findFirst();
    }

    @Override
    public List<CandidateCall> calls(int limit, int offset) {
        return jdbc.query(CALL + " ORDER BY opens_on DESC, id LIMIT ? OFFSET ?", (rs, n) -> call(rs), limit, offset);
    }

    private static CandidateCall call(ResultSet rs) throws SQLException {
        CallContent content = Json.read(rs.getString("content"), CallContent.class);
        return new CandidateCall(Rows.uuid(rs, "id"), rs.getString("title"), content.description(), content.criteria(),
                content.jury(), Rows.date(rs, "opens_on"), Rows.date(rs, "closes_on"), rs.getInt("capacity"),
                rs.getBigDecimal("minimum_score"), Rows.date(rs, "support_start"), Rows.date(rs, "support_end"),
                CallStatus.valueOf(rs.getString("status")), rs.getLong("version"));
    }

    @Override
    public void insertCandidacy(Candidacy c) {
        jdbc.update("INSERT INTO candidacy (id, call_id, initiative_id, motivation, submitted_at, scores, status, "
                        + "version) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)", c.id(), c.callId(), c.initiativeId(),
                c.motivation(), Timestamp.from(c.submittedAt()), Json.write(c.scores()), c.status().name(), c.version());
    }

    @Override
    public boolean updateCandidacy(Candidacy c, BigDecimal score, Integer rank) {
        return jdbc.update("UPDATE candidacy SET scores = ?::jsonb, status = ?, score = ?, rank = ?, version = ? "
                        + "WHERE id = ? AND version = ?", Json.write(c.scores()), c.status().name(), score, rank,
                c.version(), c.id(), c.version() - 1) == 1;
    }

    @Override
    public Optional<Candidacy> findCandidacy(UUID id) {
        return jdbc.query(CANDIDACY + " WHERE id = ?", (rs, n) -> candidacy(rs), id).stream().findFirst();
    }

    @Override
    public List<Candidacy> candidacies(UUID callId) {
        return jdbc.query(CANDIDACY + " WHERE call_id = ? ORDER BY submitted_at, id", (rs, n) -> candidacy(rs), callId);
    }

    @Override
    public Optional<Ranking> ranking(UUID candidacyId) {
        return jdbc.query("SELECT score, rank FROM candidacy WHERE id = ? AND rank IS NOT NULL",
                (rs, n) -> new Ranking(rs.getBigDecimal("score"), rs.getInt("rank")), candidacyId).stream().findFirst();
    }

    private static Candidacy candidacy(ResultSet rs) throws SQLException {
        return new Candidacy(Rows.uuid(rs, "id"), Rows.uuid(rs, "call_id"), Rows.uuid(rs, "initiative_id"),
                rs.getString("motivation"), Rows.instant(rs, "submitted_at"),
                Json.read(rs.getString("scores"), new TypeReference<Map<String, Map<String, Integer>>>() {
                }), CandidacyStatus.valueOf(rs.getString("status")), rs.getLong("version"));
    }

    @Override
    public void insertCohort(Cohort c) {
        jdbc.update("INSERT INTO cohort (id, call_id, name, support_start, support_end) VALUES (?, ?, ?, ?, ?)", c.id(),
                c.callId(), c.name(), c.supportStart(), c.supportEnd());
        for (UUID initiative : c.initiativeIds()) {
            jdbc.update("INSERT INTO cohort_member (cohort_id, initiative_id) VALUES (?, ?)", c.id(), initiative);
        }
    }

    @Override
    public Optional<Cohort> cohortOfCall(UUID callId) {
        return cohorts("WHERE c.call_id = ?", callId).stream().findFirst();
    }

    @Override
    public Optional<Cohort> findCohort(UUID id) {
        return cohorts("WHERE c.id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Cohort> cohortOf(UUID initiativeId) {
        return cohorts("WHERE c.id IN (SELECT cohort_id FROM cohort_member WHERE initiative_id = ?)", initiativeId)
                .stream().findFirst();
    }

    private List<Cohort> cohorts(String where, Object arg) {
        return jdbc.query("SELECT c.id, c.call_id, c.name, c.support_start, c.support_end, "
                + "coalesce(array_agg(m.initiative_id::text ORDER BY m.initiative_id) FILTER (WHERE m.initiative_id "
                + "IS NOT NULL), '{}') AS members FROM cohort c LEFT JOIN cohort_member m ON m.cohort_id = c.id "
                + where + " GROUP BY c.id ORDER BY c.support_start, c.id", (rs, n) -> new Cohort(Rows.uuid(rs, "id"),
                Rows.uuid(rs, "call_id"), rs.getString("name"), Rows.date(rs, "support_start"),
                Rows.date(rs, "support_end"), java.util.Arrays.stream((String[]) rs.getArray("members").getArray())
                .map(UUID::fromString).toList()), arg);
    }

    @Override
    public boolean insertSupport(SupportAction s) {
        return jdbc.update("INSERT INTO support_action (id, initiative_id, replication_id, cohort_id, kind, "
                        + "provider_siren, provider_name, amount, received_on, description, source_ref, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (kind, source_ref) DO NOTHING",
                s.id(), s.initiativeId(), s.replicationId(), s.cohortId(), s.kind().name(), s.providerSiren(),
                s.providerName(), s.amount(), s.receivedOn(), s.description(), s.sourceRef()) == 1;
    }

    @Override
    public List<SupportAction> supportsOf(UUID initiativeId) {
        return jdbc.query(SUPPORT + " WHERE initiative_id = ? ORDER BY received_on, id", (rs, n) -> new SupportAction(
                Rows.uuid(rs, "id"), Rows.uuid(rs, "initiative_id"), Rows.uuid(rs, "replication_id"),
                Rows.uuid(rs, "cohort_id"), SupportKind.valueOf(rs.getString("kind")), rs.getString("provider_siren"),
                rs.getString("provider_name"), rs.getBigDecimal("amount"), Rows.date(rs, "received_on"),
                rs.getString("description"), rs.getString("source_ref")), initiativeId);
    }
}
