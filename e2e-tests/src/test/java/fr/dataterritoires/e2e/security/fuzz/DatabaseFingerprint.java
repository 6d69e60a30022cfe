package fr.dataterritoires.e2e.security.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cheap fingerprint of every table of one service's schema: per table, its row count and a sum of hashes of each
 * row's physical version ({@code ctid}, {@code xmin}): any insert, update or delete changes it, without reading the
 * rows' contents. One statement for the whole schema, so a snapshot costs a few milliseconds.
 */
final class DatabaseFingerprint implements AutoCloseable {

    /** Table name → "rows:hash". */
    record Snapshot(Map<String, String> tables) {

        /** Names of the tables whose fingerprint differs. */
        List<String> changedTables(Snapshot after) {
            List<String> changed = new ArrayList<>();
            after.tables.forEach((table, print) -> {
                if (!print.equals(tables.get(table))) {
                    changed.add(table);
                }
            });
            return changed;
        }

        /** Tables whose fingerprint differs, with before → after. */
        List<String> changesTo(Snapshot after) {
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, String> e : after.tables.entrySet()) {
                String before = tables.get(e.getKey());
                if (!e.getValue().equals(before)) {
                    changed.add(e.getKey() + " (" + before + " → " + e.getValue() + ")");
                }
            }
            return changed;
        }
    }

    private final Connection connection;
    private final String schema;
    private final String query;

    DatabaseFingerprint(String jdbcUrl, String user, String password, String schema) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.connection.setAutoCommit(true);
        this.schema = schema;
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                     + "' ORDER BY tablename")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no table in schema " + schema + " of " + jdbcUrl);
        }
        StringBuilder q = new StringBuilder();
        for (String table : tables) {
            if (!q.isEmpty()) {
                q.append(" UNION ALL ");
            }
            String quoted = "\"" + schema + "\".\"" + table + "\"";
            q.append("SELECT '").append(table).append("', count(*), coalesce(sum(hashtext(t.ctid::text || ':' || ")
                    .append("t.xmin::text)::bigint), 0) FROM ").append(quoted).append(" t");
        }
        this.query = q.toString();
    }

    String schema() {
        return schema;
    }

    Snapshot take() {
        Map<String, String> tables = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                tables.put(r.getString(1), r.getLong(2) + ":" + r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprint of schema " + schema + " failed", e);
        }
        return new Snapshot(tables);
    }

    /** A snapshot once nothing has changed for {@code quietMillis} (background work settled), at most 15 s. */
    Snapshot settled(long quietMillis) {
        Snapshot last = take();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            sleep(quietMillis);
            Snapshot now = take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
