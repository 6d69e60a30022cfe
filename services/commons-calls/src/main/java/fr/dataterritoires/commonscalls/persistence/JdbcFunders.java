package fr.dataterritoires.commonscalls.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.Funders;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.territory.Siren;

@Repository
public class JdbcFunders implements Funders {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcFunders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Funder f) {
        jdbc.update("INSERT INTO funder (id, siren, name, created_at) VALUES (:id, :siren, :name, :now)",
                new MapSqlParameterSource("id", f.id()).addValue("siren", f.siren().value()).addValue("name", f.name())
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    @Override
    public Optional<Funder> find(UUID id) {
        return jdbc.query("SELECT * FROM funder WHERE id = :id", new MapSqlParameterSource("id", id), JdbcFunders::funder)
                .stream().findFirst();
    }

    @Override
    public Optional<Funder> bySiren(Siren siren) {
        return jdbc.query("SELECT * FROM funder WHERE siren = :siren", new MapSqlParameterSource("siren", siren.value()),
                JdbcFunders::funder).stream().findFirst();
    }

    @Override
    public List<Funder> page(int limit, int offset) {
        return jdbc.query("SELECT * FROM funder ORDER BY name, id LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset), JdbcFunders::funder);
    }

    @Override
    public void insert(Programme p) {
        jdbc.update("INSERT INTO programme (id, funder_id, name, preciput_rate, created_at) VALUES (:id, :funder, :name, "
                        + ":rate, :now)", new MapSqlParameterSource("id", p.id()).addValue("funder", p.funderId())
                .addValue("name", p.name()).addValue("rate", p.preciputRate()).addValue("now", Timestamp.from(Instant.now())));
    }

    @Override
    public Optional<Programme> programme(UUID id) {
        return jdbc.query("SELECT * FROM programme WHERE id = :id", new MapSqlParameterSource("id", id),
                JdbcFunders::programme).stream().findFirst();
    }

    @Override
    public List<Programme> programmesOf(UUID funderId) {
        return jdbc.query("SELECT * FROM programme WHERE funder_id = :id ORDER BY name, id",
                new MapSqlParameterSource("id", funderId), JdbcFunders::programme);
    }

    private static Funder funder(ResultSet rs, int n) throws SQLException {
        return new Funder(rs.getObject("id", UUID.class), new Siren(rs.getString("siren")), rs.getString("name"));
    }

    private static Programme programme(ResultSet rs, int n) throws SQLException {
        return new Programme(rs.getObject("id", UUID.class), rs.getObject("funder_id", UUID.class), rs.getString("name"),
                rs.getBigDecimal("preciput_rate"));
    }
}
