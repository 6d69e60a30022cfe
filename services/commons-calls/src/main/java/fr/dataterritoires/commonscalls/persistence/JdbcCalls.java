package fr.dataterritoires.commonscalls.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.Calls;
import fr.dataterritoires.commonscalls.domain.ApplicantType;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CallStatus;
import fr.dataterritoires.commonscalls.domain.CommonsKind;
import fr.dataterritoires.commonscalls.domain.Criterion;

import tools.jackson.core.type.TypeReference;

@Repository
public class JdbcCalls implements Calls {

    private static final String COLUMNS = "funder_id = :funder, programme_id = :programme, kind = :kind, title = :title, "
            + "description = :description, budget = :budget, max_grant = :max, min_grant = :min, cofunding_rate = :cofunding, "
            + "opens_at = :opens, closes_at = :closes, decision_date = :decision, applicant_types = string_to_array(:types, ','), "
            + "min_consortium_size = :size, territorial_scope = string_to_array(:scope, ','), "
            + "commons_kinds = string_to_array(:kinds, ','), required_declarations = string_to_array(:declarations, ','), "
            + "reviews_per_application = :reviews, criteria = :criteria::jsonb, status = :status, awarded_total = :awarded, "
            + "opened_at = :opened, decided_at = :decided";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcCalls(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Call call) {
        jdbc.update("INSERT INTO call (id, funder_id, programme_id, kind, title, description, budget, max_grant, min_grant, "
                + "cofunding_rate, opens_at, closes_at, decision_date, applicant_types, min_consortium_size, territorial_scope, "
                + "commons_kinds, required_declarations, reviews_per_application, criteria, status, awarded_total, created_at) "
                + "VALUES (:id, :funder, :programme, :kind, :title, :description, :budget, :max, :min, :cofunding, :opens, "
                + ":closes, :decision, string_to_array(:types, ','), :size, string_to_array(:scope, ','), "
                + "string_to_array(:kinds, ','), string_to_array(:declarations, ','), :reviews, :criteria::jsonb, :status, "
                + ":awarded, :created)", params(call).addValue("created", Timestamp.from(call.createdAt())));
    }

    @Override
    public void update(Call call) {
        int n = jdbc.update("UPDATE call SET " + COLUMNS + ", version = version + 1 WHERE id = :id AND version = :version",
                params(call).addValue("version", call.version()));
        if (n != 1) {
            throw new OptimisticLockingFailureException("call " + call.id() + " changed meanwhile");
        }
    }

    @Override
    public Optional<Call> find(UUID id) {
        return jdbc.query("SELECT * FROM call WHERE id = :id", new MapSqlParameterSource("id", id), JdbcCalls::call)
                .stream().findFirst();
    }

    @Override
    public Optional<Call> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM call WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
                JdbcCalls::call).stream().findFirst();
    }

    @Override
    public Optional<Call> findForShare(UUID id) {
        return jdbc.query("SELECT * FROM call WHERE id = :id FOR SHARE", new MapSqlParameterSource("id", id),
                JdbcCalls::call).stream().findFirst();
    }

    @Override
    public List<Call> visible(UUID funderId, int limit, int offset) {
        return jdbc.query("SELECT * FROM call WHERE status <> 'DRAFT' OR funder_id = :funder ORDER BY created_at DESC, id "
                        + "LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("funder", funderId).addValue("limit", limit).addValue("offset", offset),
                JdbcCalls::call);
    }

    @Override
    public long countOpen() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM call WHERE status = 'OPEN'", new MapSqlParameterSource(),
                Long.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource params(Call call) {
        Call.Terms t = call.terms();
        return new MapSqlParameterSource("id", call.id()).addValue("funder", call.funderId())
                .addValue("programme", t.programmeId()).addValue("kind", t.kind().name()).addValue("title", t.title())
                .addValue("description", t.description()).addValue("budget", t.budget()).addValue("max", t.maxGrant())
                .addValue("min", t.minGrant()).addValue("cofunding", t.coFundingRate())
                .addValue("opens", Timestamp.from(t.opensAt())).addValue("closes", Timestamp.from(t.closesAt()))
                .addValue("decision", t.decisionDate()).addValue("types", join(t.applicantTypes()))
                .addValue("size", t.minConsortiumSize()).addValue("scope", String.join(",", t.territorialScope()))
                .addValue("kinds", join(t.commonsKinds()))
                .addValue("declarations", String.join(",", t.requiredDeclarations()))
                .addValue("reviews", t.reviewsPerApplication()).addValue("criteria", Json.write(t.criteria()))
                .addValue("status", call.status().name()).addValue("awarded", call.awardedTotal())
                .addValue("opened", ts(call.openedAt())).addValue("decided", ts(call.decidedAt()));
    }

    private static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Array array) throws SQLException {
        Set<E> set = EnumSet.noneOf(type);
        for (String s : strings(array)) {
            set.add(Enum.valueOf(type, s));
        }
        return set;
    }

    private static Call call(ResultSet rs, int n) throws SQLException {
        List<Criterion> criteria = Json.read(rs.getString("criteria"), new TypeReference<List<Criterion>>() {
        });
        Call.Terms terms = new Call.Terms(CallKind.valueOf(rs.getString("kind")), rs.getObject("programme_id", UUID.class),
                rs.getString("title"), rs.getString("description"), rs.getBigDecimal("budget"),
                rs.getBigDecimal("max_grant"), rs.getBigDecimal("min_grant"), rs.getBigDecimal("cofunding_rate"),
                instant(rs, "opens_at"), instant(rs, "closes_at"), rs.getObject("decision_date", java.time.LocalDate.class),
                enums(ApplicantType.class, rs.getArray("applicant_types")), rs.getInt("min_consortium_size"),
                strings(rs.getArray("territorial_scope")), enums(CommonsKind.class, rs.getArray("commons_kinds")),
                strings(rs.getArray("required_declarations")), rs.getInt("reviews_per_application"), criteria);
        return new Call(rs.getObject("id", UUID.class), rs.getObject("funder_id", UUID.class), terms,
                CallStatus.valueOf(rs.getString("status")), rs.getBigDecimal("awarded_total"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "opened_at"), instant(rs, "decided_at"));
    }
}
