package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.PostgresBackend;

/**
 * The plain-JDBC baseline writes the same rows as the "service" did: transactions written on a real PostgreSQL with
 * the platform's audit and outbox tables, captured, replayed into a copy of the schema as it was before, compared row
 * by row.
 */
class RowCaptureReplayTest {

    private static final String SCHEMA = "svc";
    private static final String SUFFIX = Long.toHexString(System.nanoTime());
    private static final String SOURCE = "bench_capture_src_" + SUFFIX;
    private static final String COPY = "bench_capture_copy_" + SUFFIX;
    private static PostgresBackend pg;
    private static BackendResolver resolver;

    @BeforeAll
    static void databases() throws Exception {
        resolver = BackendResolver.system();
        pg = resolver.postgres();
        for (String db : List.of(SOURCE, COPY)) {
            admin("CREATE DATABASE " + db);
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + SCHEMA);
                s.execute("SET search_path TO " + SCHEMA);
                for (String script : List.of("V0_1__platform_outbox.sql", "V0_3__platform_audit.sql",
                        "V0_4__platform_outbox_trace_context.sql", "R__platform_audit_head_guard.sql")) {
                    s.execute(resource("db/platform/" + script));
                }
                s.execute("CREATE TABLE parent (id uuid PRIMARY KEY, title text NOT NULL, version int NOT NULL,"
                        + " tags text[] NOT NULL DEFAULT '{}')");
                s.execute("CREATE TABLE child (id uuid PRIMARY KEY, parent_id uuid NOT NULL REFERENCES parent (id),"
                        + " position int NOT NULL, body jsonb NOT NULL, UNIQUE (parent_id, position))");
                // the state before the step, the same in both
                s.execute("INSERT INTO parent VALUES ('00000000-0000-4000-8000-000000000000', 'existant', 4, '{a,b}')");
            }
        }
    }

    @AfterAll
    static void drop() throws Exception {
        for (String db : List.of(SOURCE, COPY)) {
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        resolver.close();
    }

    @Test
    void theReplayWritesTheRowsTheTransactionsWrote() throws Exception {
        UUID existing = UUID.fromString("00000000-0000-4000-8000-000000000000");
        UUID fresh = UUID.randomUUID();
        long xmin;
        long outboxMark;
        try (Connection source = connect(SOURCE)) {
            xmin = RowCapture.mark(source);
            outboxMark = RowCapture.outboxMark(source, SCHEMA);
            source.setSchema(SCHEMA);
            source.setAutoCommit(false);
            // operation 1, two transactions: a new parent and its first child, then a second child and a new version
            exec(source, "INSERT INTO parent VALUES ('" + fresh + "', 'nouveau', 1, '{x}')");
            exec(source, "INSERT INTO child VALUES ('" + UUID.randomUUID() + "', '" + fresh + "', 1, '{\"n\": 1}')");
            audit(source, "parent.created", fresh);
            outbox(source, fresh);
            source.commit();
            exec(source, "UPDATE parent SET version = 2, title = 'nouveau, complété' WHERE id = '" + fresh + "'");
            exec(source, "INSERT INTO child VALUES ('" + UUID.randomUUID() + "', '" + fresh + "', 2, '{\"n\": [2, 3]}')");
            audit(source, "child.added", fresh);
            source.commit();
            // operation 2: a child of the parent that existed before, which moves to a new version
            exec(source, "UPDATE parent SET version = 5 WHERE id = '" + existing + "'");
            exec(source, "INSERT INTO child VALUES ('" + UUID.randomUUID() + "', '" + existing + "', 1, '{}')");
            audit(source, "child.added", existing);
            outbox(source, existing);
            source.commit();
            // the relay publishes: the outbox rows are written again by another transaction
            exec(source, "UPDATE outbox_event SET published_at = now()");
            source.commit();
        }

        RowCapture.Captured captured;
        try (Connection source = connect(SOURCE); Connection before = connect(COPY)) {
            captured = RowCapture.capture(source, before, SCHEMA, xmin, outboxMark);
        }
        assertThat(captured.operations()).hasSize(2);
        assertThat(captured.transactions()).isEqualTo(3);
        assertThat(captured.outboxUnattached()).isZero();
        try (Connection copy = connect(COPY)) {
            copy.setSchema(SCHEMA);
            copy.setAutoCommit(false);
            Map<String, RowCapture.Table> tables = RowCapture.tables(copy, SCHEMA);
            for (RowCapture.Operation op : captured.operations()) {
                for (RowCapture.Transaction tx : op.transactions()) {
                    RowCapture.replay(copy, SCHEMA, tables, tx);
                }
            }
        }

        for (String table : List.of("parent", "child")) {
            assertThat(rows(COPY, "SELECT row_to_json(t)::text FROM svc." + table + " t ORDER BY id"))
                    .as(table).isEqualTo(rows(SOURCE, "SELECT row_to_json(t)::text FROM svc." + table + " t ORDER BY id"));
        }
        String audited = "SELECT action || ' ' || target_id FROM svc.audit_record ORDER BY seq";
        assertThat(rows(COPY, audited)).containsExactlyInAnyOrderElementsOf(rows(SOURCE, audited)).hasSize(3);
        assertThat(rows(COPY, "SELECT last_seq::text FROM svc.audit_head")).containsExactly("3");
        String events = "SELECT aggregate_id || ' ' || type || ' ' || payload::text || ' ' || (published_at IS NULL)"
                + " FROM svc.outbox_event ORDER BY aggregate_id";
        assertThat(rows(COPY, events)).containsExactlyInAnyOrder(fresh + " fr.dataterritoires.svc.Changed.v1 {\"id\": \"" + fresh
                + "\"} true", existing + " fr.dataterritoires.svc.Changed.v1 {\"id\": \"" + existing + "\"} true");
    }

    private static void audit(Connection c, String action, UUID target) throws SQLException {
        long seq;
        String hash;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT last_seq, last_hash FROM audit_head FOR UPDATE")) {
            r.next();
            seq = r.getLong(1) + 1;
            hash = r.getString(2);
        }
        String next = RowCapture.sha256(hash + action + target);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_record (seq, occurred_at, actor, action, "
                + "target_type, target_id, before, after, prev_hash, hash) VALUES (?, now(), 'test', ?, 'parent', ?, "
                + "NULL, '{\"v\": 1}', ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, action);
            p.setString(3, target.toString());
            p.setString(4, hash);
            p.setString(5, next);
            p.executeUpdate();
        }
        exec(c, "UPDATE audit_head SET last_seq = " + seq + ", last_hash = '" + next + "'");
    }

    private static void outbox(Connection c, UUID aggregate) throws SQLException {
        exec(c, "INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, type, payload) VALUES ('"
                + UUID.randomUUID() + "', 'parent', '" + aggregate + "', 'fr.dataterritoires.svc.Changed.v1', "
                + "'{\"id\": \"" + aggregate + "\"}')");
    }

    private static List<String> rows(String db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(new WritesBench.Database(pg.jdbcUrl(), pg.username(), pg.password())
                .withDatabase(db), pg.username(), pg.password());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RowCaptureReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no " + path + " on the class path (libs/platform)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
