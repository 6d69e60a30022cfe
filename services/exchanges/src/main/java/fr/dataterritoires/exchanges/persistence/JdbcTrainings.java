package fr.dataterritoires.exchanges.persistence;

import static fr.dataterritoires.exchanges.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.domain.Enrolment;
import fr.dataterritoires.exchanges.domain.EnrolmentStatus;
import fr.dataterritoires.exchanges.domain.LearnerCategory;
import fr.dataterritoires.exchanges.domain.Training;
import fr.dataterritoires.exchanges.domain.TrainingFormat;

/** The training catalogue ({@code training}) and enrolments ({@code enrolment}). */
@Repository
public class JdbcTrainings implements ExchangeStores.Trainings {

    private static final String TRAINING = "SELECT id, provider, title, description, format, hours, competences, "
            + "audiences, employer_consent_required, status, created_by, created_at FROM training ";
    private static final String ENROLMENT = "SELECT id, training_id, person_id, learner_category, employer_siren, "
            + "region_code, status, consent_decided_by, enrolled_at, completed_at, updated_at FROM enrolment ";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcTrainings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Training t) {
        jdbc.update("INSERT INTO training (id, provider, title, description, format, hours, competences, audiences, "
                + "employer_consent_required, status, created_by, created_at) VALUES (:id, :provider, :title, "
                + ":description, :format, :hours, :competences, :audiences, :consent, :status, :by, :at)",
                new MapSqlParameterSource("id", t.id()).addValue("provider", t.provider())
                        .addValue("title", t.title()).addValue("description", t.description())
                        .addValue("format", t.format().name()).addValue("hours", t.hours())
                        .addValue("competences", Rows.array(t.competences()))
                        .addValue("audiences", Rows.array(t.audiences().stream().map(Enum::name).sorted().toList()))
                        .addValue("consent", t.employerConsentRequired())
                        .addValue("status", t.open() ? "OPEN" : "CLOSED").addValue("by", t.createdBy())
                        .addValue("at", ts(t.createdAt())));
    }

    @Override
    public Optional<Training> find(UUID id) {
        return jdbc.query(TRAINING + "WHERE id = :id", Map.of("id", id), JdbcTrainings::training).stream().findFirst();
    }

    @Override
    public List<Training> list(int limit, int offset) {
        return jdbc.query(TRAINING + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset",
                Map.of("limit", limit, "offset", offset), JdbcTrainings::training);
    }

    @Override
    public void insertEnrolment(Enrolment e) {
        jdbc.update("INSERT INTO enrolment (id, training_id, person_id, learner_category, employer_siren, region_code, "
                + "status, enrolled_at, updated_at) VALUES (:id, :training, :person, :category, :siren, :region, "
                + ":status, :enrolled, :updated)", new MapSqlParameterSource("id", e.id())
                .addValue("training", e.trainingId()).addValue("person", e.personId())
                .addValue("category", e.learnerCategory().name()).addValue("siren", e.employerSiren())
                .addValue("region", e.regionCode()).addValue("status", e.status().name())
                .addValue("enrolled", ts(e.enrolledAt())).addValue("updated", ts(e.updatedAt())));
    }

    @Override
    public void updateEnrolment(Enrolment e) {
        Rows.checkUpdated(jdbc.update("UPDATE enrolment SET status = :status, consent_decided_by = :by, "
                + "completed_at = :completed, updated_at = :updated, version = version + 1 WHERE id = :id",
                new MapSqlParameterSource("id", e.id()).addValue("status", e.status().name())
                        .addValue("by", e.consentDecidedBy()).addValue("completed", ts(e.completedAt()))
                        .addValue("updated", ts(e.updatedAt()))), "enrolment");
    }

    @Override
    public Optional<Enrolment> lockEnrolment(UUID id) {
        return jdbc.query(ENROLMENT + "WHERE id = :id FOR NO KEY UPDATE", Map.of("id", id), JdbcTrainings::enrolment).stream()
                .findFirst();
    }

    @Override
    public List<Enrolment> enrolmentsOf(UUID personId) {
        return jdbc.query(ENROLMENT + "WHERE person_id = :p ORDER BY enrolled_at, id", Map.of("p", personId),
                JdbcTrainings::enrolment);
    }

    @Override
    public List<Enrolment> enrolmentsAwaitingConsent(String employerSiren) {
        return jdbc.query(ENROLMENT + "WHERE employer_siren = :s AND status = 'AWAITING_CONSENT' ORDER BY enrolled_at, id",
                Map.of("s", employerSiren), JdbcTrainings::enrolment);
    }

    private static Training training(ResultSet rs, int n) throws SQLException {
        return new Training(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("title"),
                rs.getString("description"), TrainingFormat.valueOf(rs.getString("format")), rs.getInt("hours"),
                Rows.strings(rs, "competences"), Rows.strings(rs, "audiences").stream().map(LearnerCategory::valueOf)
                .collect(Collectors.toSet()), rs.getBoolean("employer_consent_required"),
                rs.getString("status").equals("OPEN"), rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }

    private static Enrolment enrolment(ResultSet rs, int n) throws SQLException {
        return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("training_id", UUID.class),
                rs.getObject("person_id", UUID.class), LearnerCategory.valueOf(rs.getString("learner_category")),
                rs.getString("employer_siren"), rs.getString("region_code"),
                EnrolmentStatus.valueOf(rs.getString("status")), rs.getString("consent_decided_by"),
                Rows.instant(rs, "enrolled_at"), Rows.instant(rs, "completed_at"), Rows.instant(rs, "updated_at"));
    }
}
