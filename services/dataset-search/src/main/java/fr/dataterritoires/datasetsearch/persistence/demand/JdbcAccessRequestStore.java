package fr.dataterritoires.datasetsearch.persistence.demand;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.demand.AccessRequestStore;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequest;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestId;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestState;
import fr.dataterritoires.datasetsearch.domain.demand.Requester;
import fr.dataterritoires.datasetsearch.domain.demand.WishedPeriod;
import fr.dataterritoires.territory.Siren;

/** Access requests in PostgreSQL ({@code access_request}). */
@Repository
public class JdbcAccessRequestStore implements AccessRequestStore {

    private static final String COLUMNS = "id, dataset_id, producer_siren, organisation_siren, requester_subject, "
            + "requester_name, requester_email, requester_erased_at, purpose, wished_start, wished_end, legal_basis, "
            + "state, submitted_at, deadline, acknowledged_at, answered_at, refusal_reason, version";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcAccessRequestStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccessRequest r, Set<String> territories, Set<String> scope) {
        jdbc.update("INSERT INTO access_request (" + COLUMNS + ", territories, territory_scope) VALUES (:id, :dataset, "
                        + ":producer, :organisation, :subject, :name, :email, :erasedAt, :purpose, :start, :end, :legalBasis, "
                        + ":state, :submittedAt, :deadline, :acknowledgedAt, :answeredAt, :reason, 0, "
                        + "string_to_array(:territories, ','), string_to_array(:scope, ','))",
                params(r).addValue("territories", String.join(",", territories))
                        .addValue("scope", String.join(",", scope)));
    }

    @Override
    public void update(AccessRequest r) {
        int updated = jdbc.update("UPDATE access_request SET state = :state, acknowledged_at = :acknowledgedAt, "
                + "answered_at = :answeredAt, refusal_reason = :reason, requester_subject = :subject, requester_name = :name, "
                + "requester_email = :email, requester_erased_at = :erasedAt, version = version + 1 "
                + "WHERE id = :id AND version = :version", params(r).addValue("version", r.version()));
        if (updated != 1) {
            throw new OptimisticLockingFailureException("access request " + r.id() + " changed since it was read");
        }
    }

    @Override
    public Optional<AccessRequest> find(AccessRequestId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM access_request WHERE id = :id",
                new MapSqlParameterSource("id", id.value()), ROW).stream().findFirst();
    }

    @Override
    public Optional<AccessRequest> findForUpdate(AccessRequestId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM access_request WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", id.value()), ROW).stream().findFirst();
    }

    @Override
    public List<AccessRequest> list(Filter filter, int limit, int offset) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", limit).addValue("offset", offset);
        if (filter.requesterSubject() != null && filter.producerSiren() != null) {
            where.add("(requester_subject = :subject OR producer_siren = :producer)");
        } else if (filter.requesterSubject() != null) {
            where.add("requester_subject = :subject");
        } else if (filter.producerSiren() != null) {
            where.add("producer_siren = :producer");
        }
        params.addValue("subject", filter.requesterSubject()).addValue("producer", filter.producerSiren());
        if (filter.state() != null) {
            where.add("state = :state");
            params.addValue("state", filter.state().name());
        }
        if (filter.overdueOn() != null) {
            where.add("state IN ('SUBMITTED', 'ACKNOWLEDGED') AND deadline < :today");
            params.addValue("today", filter.overdueOn());
        }
        if (filter.dataset() != null) {
            where.add("dataset_id = :dataset");
            params.addValue("dataset", filter.dataset().value());
        }
        String sql = "SELECT " + COLUMNS + " FROM access_request"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY submitted_at DESC, id LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, params, ROW);
    }

    @Override
    public List<AccessRequest> lockOpenPastDeadline(LocalDate today, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM access_request WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED') "
                        + "AND deadline < :today ORDER BY deadline, id LIMIT :limit FOR UPDATE SKIP LOCKED",
                new MapSqlParameterSource("today", today).addValue("limit", limit), ROW);
    }

    @Override
    public List<AccessRequest> lockClosedAnsweredBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM access_request WHERE requester_erased_at IS NULL "
                        + "AND answered_at IS NOT NULL AND answered_at <= :cutoff "
                        + "ORDER BY answered_at, id LIMIT :limit FOR UPDATE SKIP LOCKED",
                new MapSqlParameterSource("cutoff", timestamp(cutoff)).addValue("limit", limit), ROW);
    }

    @Override
    public int countForDataset(DatasetId dataset) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM access_request WHERE dataset_id = :dataset AND state <> 'WITHDRAWN'",
                new MapSqlParameterSource("dataset", dataset.value()), Integer.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource params(AccessRequest r) {
        return new MapSqlParameterSource()
                .addValue("id", r.id().value())
                .addValue("dataset", r.datasetId().value())
                .addValue("producer", r.producer() == null ? null : r.producer().value())
                .addValue("organisation", r.organisation().value())
                .addValue("subject", r.requester().subject())
                .addValue("name", r.requester().name())
                .addValue("email", r.requester().email())
                .addValue("erasedAt", timestamp(r.requester().erasedAt()))
                .addValue("purpose", r.purpose())
                .addValue("start", r.period().start())
                .addValue("end", r.period().end())
                .addValue("legalBasis", r.legalBasis())
                .addValue("state", r.state().name())
                .addValue("submittedAt", timestamp(r.submittedAt()))
                .addValue("deadline", r.deadline())
                .addValue("acknowledgedAt", timestamp(r.acknowledgedAt()))
                .addValue("answeredAt", timestamp(r.answeredAt()))
                .addValue("reason", r.refusalReason());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<AccessRequest> ROW = (rs, n) -> {
        String producer = rs.getString("producer_siren");
        return new AccessRequest(
                new AccessRequestId(rs.getObject("id", java.util.UUID.class)),
                new DatasetId(rs.getObject("dataset_id", java.util.UUID.class)),
                producer == null ? null : new Siren(producer),
                new Siren(rs.getString("organisation_siren")),
                new Requester(rs.getString("requester_subject"), rs.getString("requester_name"),
                        rs.getString("requester_email"), instant(rs, "requester_erased_at")),
                rs.getString("purpose"),
                new WishedPeriod(rs.getObject("wished_start", LocalDate.class), rs.getObject("wished_end", LocalDate.class)),
                rs.getString("legal_basis"),
                instant(rs, "submitted_at"),
                rs.getObject("deadline", LocalDate.class),
                AccessRequestState.valueOf(rs.getString("state")),
                instant(rs, "acknowledged_at"),
                instant(rs, "answered_at"),
                rs.getString("refusal_reason"),
                rs.getLong("version"));
    };

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
