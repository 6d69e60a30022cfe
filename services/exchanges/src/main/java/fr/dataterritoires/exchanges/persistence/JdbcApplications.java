package fr.dataterritoires.exchanges.persistence;

import static fr.dataterritoires.exchanges.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.domain.ApplicationStatus;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Side;

/** Applications ({@code application}). */
@Repository
public class JdbcApplications implements ExchangeStores.Applications {

    private static final String SELECT = "SELECT id, offer_id, person_id, start_date, end_date, motivation, status, "
            + "employer_siren, employer_side, employer_region_code, employer_ministry, employer_decided_by, "
            + "employer_decided_at, employer_reason, host_decided_by, host_decided_at, host_reason, waitlisted_at, "
            + "submitted_at, updated_at, personal_data_erased, version FROM application ";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcApplications(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ExchangeApplication a) {
        jdbc.update("INSERT INTO application (id, offer_id, person_id, start_date, end_date, motivation, status, "
                + "employer_siren, employer_side, employer_region_code, employer_ministry, waitlisted_at, submitted_at, "
                + "updated_at) VALUES (:id, :offer, :person, :start, :end, :motivation, :status, :siren, :side, "
                + ":region, :ministry, :waitlisted, :submitted, :updated)", params(a)
                .addValue("offer", a.offerId()).addValue("person", a.personId())
                .addValue("start", a.dates().start()).addValue("end", a.dates().end())
                .addValue("siren", a.employerSiren()).addValue("side", a.employerSide().name())
                .addValue("region", a.employerRegionCode()).addValue("ministry", a.employerMinistry())
                .addValue("submitted", ts(a.submittedAt())));
    }

    @Override
    public void update(ExchangeApplication a) {
        Rows.checkUpdated(jdbc.update("UPDATE application SET motivation = :motivation, status = :status, "
                + "employer_decided_by = :eby, employer_decided_at = :eat, employer_reason = :ereason, "
                + "host_decided_by = :hby, host_decided_at = :hat, host_reason = :hreason, waitlisted_at = :waitlisted, "
                + "updated_at = :updated, personal_data_erased = :erased, version = version + 1 "
                + "WHERE id = :id AND version = :version", params(a)
                .addValue("eby", a.employerDecidedBy()).addValue("eat", ts(a.employerDecidedAt()))
                .addValue("ereason", a.employerReason()).addValue("hby", a.hostDecidedBy())
                .addValue("hat", ts(a.hostDecidedAt())).addValue("hreason", a.hostReason())
                .addValue("erased", a.personalDataErased()).addValue("version", a.version())), "application");
    }

    private static MapSqlParameterSource params(ExchangeApplication a) {
        return new MapSqlParameterSource("id", a.id()).addValue("motivation", a.motivation())
                .addValue("status", a.status().name()).addValue("waitlisted", ts(a.waitlistedAt()))
                .addValue("updated", ts(a.updatedAt()));
    }

    @Override
    public Optional<ExchangeApplication> find(UUID id) {
        return jdbc.query(SELECT + "WHERE id = :id", Map.of("id", id), JdbcApplications::map).stream().findFirst();
    }

    @Override
    public Optional<ExchangeApplication> lock(UUID id) {
        return jdbc.query(SELECT + "WHERE id = :id FOR NO KEY UPDATE", Map.of("id", id), JdbcApplications::map).stream()
                .findFirst();
    }

    @Override
    public List<ExchangeApplication> byPerson(UUID personId) {
        return jdbc.query(SELECT + "WHERE person_id = :p ORDER BY submitted_at, id", Map.of("p", personId),
                JdbcApplications::map);
    }

    @Override
    public List<ExchangeApplication> byOffer(UUID offerId) {
        return jdbc.query(SELECT + "WHERE offer_id = :o ORDER BY submitted_at, id", Map.of("o", offerId),
                JdbcApplications::map);
    }

    @Override
    public List<ExchangeApplication> byEmployer(String employerSiren) {
        return jdbc.query(SELECT + "WHERE employer_siren = :s ORDER BY submitted_at DESC, id LIMIT 500",
                Map.of("s", employerSiren), JdbcApplications::map);
    }

    private static ExchangeApplication map(ResultSet rs, int n) throws SQLException {
        return new ExchangeApplication(rs.getObject("id", UUID.class), rs.getObject("offer_id", UUID.class),
                rs.getObject("person_id", UUID.class), new DateRange(rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class)), rs.getString("motivation"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("employer_siren"),
                Side.valueOf(rs.getString("employer_side")), rs.getString("employer_region_code"),
                rs.getString("employer_ministry"), rs.getString("employer_decided_by"),
                Rows.instant(rs, "employer_decided_at"), rs.getString("employer_reason"),
                rs.getString("host_decided_by"), Rows.instant(rs, "host_decided_at"), rs.getString("host_reason"),
                Rows.instant(rs, "waitlisted_at"), Rows.instant(rs, "submitted_at"), Rows.instant(rs, "updated_at"),
                rs.getBoolean("personal_data_erased"), rs.getLong("version"));
    }
}
