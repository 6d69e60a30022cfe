package fr.dataterritoires.exchanges.persistence;

import static fr.dataterritoires.exchanges.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.domain.AgreementVersion;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.Direction;
import fr.dataterritoires.exchanges.domain.Party;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.exchanges.domain.PlacementStatus;

import tools.jackson.core.type.TypeReference;

/** Placements ({@code placement}) and their agreement versions ({@code agreement_version}). */
@Repository
public class JdbcPlacements implements ExchangeStores.Placements {

    private static final String SELECT = "SELECT id, application_id, offer_id, person_id, start_date, end_date, "
            + "direction, status, agent_report, agent_reported_at, host_feedback, host_feedback_at, cancel_reason, "
            + "started_at, completed_at, cancelled_at, created_at, updated_at, personal_data_erased, version "
            + "FROM placement ";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcPlacements(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Placement p) {
        jdbc.update("INSERT INTO placement (id, application_id, offer_id, person_id, start_date, end_date, direction, "
                + "status, created_at, updated_at) VALUES (:id, :application, :offer, :person, :start, :end, "
                + ":direction, :status, :created, :updated)", new MapSqlParameterSource("id", p.id())
                .addValue("application", p.applicationId()).addValue("offer", p.offerId())
                .addValue("person", p.personId()).addValue("start", p.dates().start())
                .addValue("end", p.dates().end()).addValue("direction", p.direction().name())
                .addValue("status", p.status().name()).addValue("created", ts(p.createdAt()))
                .addValue("updated", ts(p.updatedAt())));
    }

    @Override
    public void update(Placement p) {
        Rows.checkUpdated(jdbc.update("UPDATE placement SET status = :status, agreement_version = :agreement, "
                + "agent_report = :report, agent_reported_at = :reportedAt, host_feedback = :feedback, "
                + "host_feedback_at = :feedbackAt, cancel_reason = :reason, started_at = :started, "
                + "completed_at = :completed, cancelled_at = :cancelled, updated_at = :updated, "
                + "personal_data_erased = :erased, version = version + 1 WHERE id = :id AND version = :version",
                new MapSqlParameterSource("id", p.id()).addValue("status", p.status().name())
                        .addValue("agreement", p.agreement().size()).addValue("report", p.agentReport())
                        .addValue("reportedAt", ts(p.agentReportedAt())).addValue("feedback", p.hostFeedback())
                        .addValue("feedbackAt", ts(p.hostFeedbackAt())).addValue("reason", p.cancelReason())
                        .addValue("started", ts(p.startedAt())).addValue("completed", ts(p.completedAt()))
                        .addValue("cancelled", ts(p.cancelledAt())).addValue("updated", ts(p.updatedAt()))
                        .addValue("erased", p.personalDataErased()).addValue("version", p.version())), "placement");
        for (AgreementVersion v : p.agreement()) {
            MapSqlParameterSource params = new MapSqlParameterSource("id", p.id()).addValue("n", v.number())
                    .addValue("objectives", v.objectives() == null ? null
                            : CloudEvents.mapper().writeValueAsString(v.objectives()))
                    .addValue("by", v.proposedBy().name()).addValue("at", ts(v.proposedAt()))
                    .addValue("agent", ts(v.acceptances().get(Party.AGENT)))
                    .addValue("employer", ts(v.acceptances().get(Party.EMPLOYER)))
                    .addValue("host", ts(v.acceptances().get(Party.HOST)));
            jdbc.update("INSERT INTO agreement_version (placement_id, number, objectives, proposed_by_party, "
                    + "proposed_at, agent_accepted_at, employer_accepted_at, host_accepted_at) VALUES (:id, :n, "
                    + "CAST(:objectives AS jsonb), :by, :at, :agent, :employer, :host) ON CONFLICT (placement_id, "
                    + "number) DO UPDATE SET objectives = EXCLUDED.objectives, agent_accepted_at = "
                    + "EXCLUDED.agent_accepted_at, employer_accepted_at = EXCLUDED.employer_accepted_at, "
                    + "host_accepted_at = EXCLUDED.host_accepted_at", params);
        }
    }

    @Override
    public Optional<Placement> find(UUID id) {
        return withAgreements(jdbc.query(SELECT + "WHERE id = :id", Map.of("id", id), JdbcPlacements::map)).stream()
                .findFirst();
    }

    @Override
    public Optional<Placement> lock(UUID id) {
        return withAgreements(jdbc.query(SELECT + "WHERE id = :id FOR NO KEY UPDATE", Map.of("id", id), JdbcPlacements::map))
                .stream().findFirst();
    }

    @Override
    public Optional<Placement> byApplication(UUID applicationId) {
        return withAgreements(jdbc.query(SELECT + "WHERE application_id = :a", Map.of("a", applicationId),
                JdbcPlacements::map)).stream().findFirst();
    }

    @Override
    public List<Placement> byPerson(UUID personId) {
        return withAgreements(jdbc.query(SELECT + "WHERE person_id = :p ORDER BY start_date, id", Map.of("p", personId),
                JdbcPlacements::map));
    }

    @Override
    public List<Placement> byOffer(UUID offerId) {
        return withAgreements(jdbc.query(SELECT + "WHERE offer_id = :o ORDER BY start_date, id", Map.of("o", offerId),
                JdbcPlacements::map));
    }

    private List<Placement> withAgreements(List<Placement> placements) {
        if (placements.isEmpty()) {
            return placements;
        }
        Map<UUID, List<AgreementVersion>> versions = new HashMap<>();
        jdbc.query("SELECT placement_id, number, objectives::text AS objectives, proposed_by_party, proposed_at, "
                + "agent_accepted_at, employer_accepted_at, host_accepted_at FROM agreement_version "
                + "WHERE placement_id = ANY (:ids) ORDER BY placement_id, number",
                Map.of("ids", placements.stream().map(Placement::id).toArray(UUID[]::new)), rs -> {
                    Map<Party, Instant> acceptances = new EnumMap<>(Party.class);
                    put(acceptances, Party.AGENT, Rows.instant(rs, "agent_accepted_at"));
                    put(acceptances, Party.EMPLOYER, Rows.instant(rs, "employer_accepted_at"));
                    put(acceptances, Party.HOST, Rows.instant(rs, "host_accepted_at"));
                    String objectives = rs.getString("objectives");
                    versions.computeIfAbsent(rs.getObject("placement_id", UUID.class), k -> new ArrayList<>())
                            .add(new AgreementVersion(rs.getInt("number"), objectives == null ? null
                                    : CloudEvents.mapper().readValue(objectives, new TypeReference<List<String>>() { }),
                                    Party.valueOf(rs.getString("proposed_by_party")), Rows.instant(rs, "proposed_at"),
                                    acceptances));
                });
        return placements.stream().map(p -> new Placement(p.id(), p.applicationId(), p.offerId(), p.personId(),
                p.dates(), p.direction(), p.status(), versions.getOrDefault(p.id(), List.of()), p.agentReport(),
                p.agentReportedAt(), p.hostFeedback(), p.hostFeedbackAt(), p.cancelReason(), p.startedAt(),
                p.completedAt(), p.cancelledAt(), p.createdAt(), p.updatedAt(), p.personalDataErased(), p.version()))
                .toList();
    }

    private static void put(Map<Party, Instant> map, Party party, Instant at) {
        if (at != null) {
            map.put(party, at);
        }
    }

    private static Placement map(ResultSet rs, int n) throws SQLException {
        return new Placement(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("offer_id", UUID.class), rs.getObject("person_id", UUID.class),
                new DateRange(rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)),
                Direction.valueOf(rs.getString("direction")), PlacementStatus.valueOf(rs.getString("status")),
                List.of(), rs.getString("agent_report"), Rows.instant(rs, "agent_reported_at"),
                rs.getString("host_feedback"), Rows.instant(rs, "host_feedback_at"), rs.getString("cancel_reason"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "completed_at"), Rows.instant(rs, "cancelled_at"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getBoolean("personal_data_erased"),
                rs.getLong("version"));
    }
}
