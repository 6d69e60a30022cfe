package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestSourceRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;

/** Harvest sources in {@code harvest_source}. */
@Repository
public class JdbcHarvestSourceRepository implements HarvestSourceRepository {

    private static final String COLUMNS =
            "id, name, kind, url, schedule, enabled, default_access_level, default_producer::text AS default_producer";

    private final JdbcClient jdbc;

    public JdbcHarvestSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HarvestSource> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source WHERE id = :id").param("id", id)
                .query(JdbcHarvestSourceRepository::source).optional();
    }

    @Override
    public List<HarvestSource> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM harvest_source ORDER BY id")
                .query(JdbcHarvestSourceRepository::source).list();
    }

    @Override
    public void insert(HarvestSource source) {
        try {
            jdbc.sql("""
                            INSERT INTO harvest_source (id, name, kind, url, schedule, enabled, default_access_level,
                                                        default_producer)
                            VALUES (:id, :name, :kind, :url, :schedule, :enabled, :access, CAST(:producer AS jsonb))""")
                    .params(params(source)).update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("Une source d'identifiant « " + source.id() + " » existe déjà.");
        }
    }

    @Override
    public void update(HarvestSource source) {
        int updated = jdbc.sql("""
                        UPDATE harvest_source SET name = :name, kind = :kind, url = :url, schedule = :schedule,
                               enabled = :enabled, default_access_level = :access,
                               default_producer = CAST(:producer AS jsonb), updated = now()
                        WHERE id = :id""")
                .params(params(source)).update();
        if (updated != 1) {
            throw NotFoundException.of("source de moissonnage", source.id());
        }
    }

    private static java.util.Map<String, Object> params(HarvestSource source) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", source.id());
        params.put("name", source.name());
        params.put("kind", source.kind().name());
        params.put("url", source.url().toString());
        params.put("schedule", source.schedule());
        params.put("enabled", source.enabled());
        params.put("access", source.defaultAccessLevel().name());
        params.put("producer", DescriptionJson.writeProducer(source.defaultProducer()));
        return params;
    }

    private static HarvestSource source(ResultSet rs, int n) throws SQLException {
        return new HarvestSource(rs.getString("id"), rs.getString("name"), SourceKind.valueOf(rs.getString("kind")),
                URI.create(rs.getString("url")), rs.getString("schedule"), rs.getBoolean("enabled"),
                AccessLevel.valueOf(rs.getString("default_access_level")),
                DescriptionJson.readProducer(rs.getString("default_producer")));
    }
}
