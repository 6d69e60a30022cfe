package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.ImportFile;
import fr.dataterritoires.commonscalls.application.Imports;

import tools.jackson.core.type.TypeReference;

@Repository
public class JdbcImports implements Imports {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcImports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Import r) {
        jdbc.update("INSERT INTO preciput_import (id, source, file_name, sha256, status, line_count, levied, duplicates, "
                + "errors, actor, imported_at) VALUES (:id, :source, :name, :sha, :status, :lines, :levied, :duplicates, "
                + ":errors::jsonb, :actor, :at)", new MapSqlParameterSource("id", r.id()).addValue("source", r.source())
                .addValue("name", r.fileName()).addValue("sha", r.sha256()).addValue("status", r.status())
                .addValue("lines", r.lineCount()).addValue("levied", r.levied()).addValue("duplicates", r.duplicates())
                .addValue("errors", Json.write(r.errors())).addValue("actor", r.actor())
                .addValue("at", Timestamp.from(r.importedAt())));
    }

    @Override
    public Optional<Import> appliedBySha(String sha256) {
        return jdbc.query("SELECT * FROM preciput_import WHERE sha256 = :sha AND status = 'APPLIED'",
                new MapSqlParameterSource("sha", sha256), JdbcImports::record).stream().findFirst();
    }

    @Override
    public Optional<Import> find(UUID id) {
        return jdbc.query("SELECT * FROM preciput_import WHERE id = :id", new MapSqlParameterSource("id", id),
                JdbcImports::record).stream().findFirst();
    }

    @Override
    public List<Import> latest(int limit) {
        return jdbc.query("SELECT * FROM preciput_import ORDER BY imported_at DESC, id LIMIT :limit",
                new MapSqlParameterSource("limit", limit), JdbcImports::record);
    }

    @Override
    public void updateCounts(UUID id, int levied, int duplicates) {
        jdbc.update("UPDATE preciput_import SET levied = :levied, duplicates = :duplicates WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("levied", levied).addValue("duplicates", duplicates));
    }

    private static Import record(ResultSet rs, int n) throws SQLException {
        return new Import(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getString("status"), rs.getInt("line_count"), rs.getInt("levied"),
                rs.getInt("duplicates"), Json.read(rs.getString("errors"), new TypeReference<List<ImportFile.LineError>>() {
                }), rs.getString("actor"), instant(rs, "imported_at"));
    }
}
