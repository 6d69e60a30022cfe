package fr.dataterritoires.exchanges.persistence;

import static fr.dataterritoires.exchanges.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.domain.Person;

/** People ({@code person}): the one table holding identities. */
@Repository
public class JdbcPersons implements ExchangeStores.Persons {

    private static final String COLUMNS = "id, subject, name, email, category, statistics_key, last_activity_at, "
            + "created_at, erased_at";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcPersons(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Person p) {
        jdbc.update("INSERT INTO person (id, subject, name, email, category, statistics_key, last_activity_at, "
                + "created_at) VALUES (:id, :subject, :name, :email, :category, :key, :activity, :created)",
                params(p).addValue("created", ts(p.createdAt())));
    }

    @Override
    public void update(Person p) {
        Rows.checkUpdated(jdbc.update("UPDATE person SET subject = :subject, name = :name, email = :email, "
                + "category = :category, statistics_key = :key, last_activity_at = :activity, erased_at = :erased, "
                + "version = version + 1 WHERE id = :id", params(p).addValue("erased", ts(p.erasedAt()))), "person");
    }

    private static MapSqlParameterSource params(Person p) {
        return new MapSqlParameterSource("id", p.id()).addValue("subject", p.subject()).addValue("name", p.name())
                .addValue("email", p.email()).addValue("category", p.category())
                .addValue("key", p.statisticsKey()).addValue("activity", ts(p.lastActivityAt()));
    }

    @Override
    public Optional<Person> findBySubject(String subject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE subject = :s", Map.of("s", subject),
                JdbcPersons::map).stream().findFirst();
    }

    @Override
    public Optional<Person> lock(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE id = :id FOR NO KEY UPDATE", Map.of("id", id),
                JdbcPersons::map).stream().findFirst();
    }

    @Override
    public Optional<Person> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE id = :id", Map.of("id", id),
                JdbcPersons::map).stream().findFirst();
    }

    @Override
    public List<Person> lockExpired(Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person p WHERE erased_at IS NULL AND last_activity_at < :before "
                + "AND NOT EXISTS (SELECT 1 FROM application a WHERE a.person_id = p.id "
                + "                AND a.status IN ('SUBMITTED', 'EMPLOYER_APPROVED')) "
                + "AND NOT EXISTS (SELECT 1 FROM placement l WHERE l.person_id = p.id "
                + "                AND l.status IN ('AGREEMENT_PENDING', 'AGREED', 'IN_PROGRESS')) "
                + "AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id "
                + "                AND e.status IN ('AWAITING_CONSENT', 'ENROLLED')) "
                + "ORDER BY last_activity_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED",
                new MapSqlParameterSource("before", ts(before)).addValue("limit", limit), JdbcPersons::map);
    }

    private static Person map(ResultSet rs, int n) throws SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("name"),
                rs.getString("email"), rs.getString("category"), rs.getObject("statistics_key", UUID.class),
                Rows.instant(rs, "last_activity_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "erased_at"));
    }
}
