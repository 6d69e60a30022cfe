package fr.dataterritoires.testing.backends;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A resolved PostgreSQL server, whatever its source. Remembers the databases it created. */
final class PostgresServer implements PostgresBackend {

    private static final int MAX_PREFIX = 40;

    private final BackendSource source;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final List<String> created = new ArrayList<>();

    PostgresServer(BackendSource source, String jdbcUrl, String username, String password) {
        this.source = source;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password == null ? "" : password;
    }

    @Override
    public BackendSource source() {
        return source;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String createDatabase(String prefix) {
        String name = databaseName(prefix);
        // The name is built from [a-z0-9_] only, so it is safe to inline.
        execute("CREATE DATABASE " + name);
        synchronized (created) {
            created.add(name);
        }
        return JdbcUrls.withDatabase(jdbcUrl, name);
    }

    /**
     * Drops every database {@link #createDatabase} made, so a shared server (loopback, explicit)
     * does not fill up with test databases. FORCE ends sessions that pools still hold.
     */
    void dropCreatedDatabases() {
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
            created.clear();
        }
        for (String name : names) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // Best effort at shutdown: a leftover database is harmless.
            }
        }
    }

    private void execute(String sql) {
        try (var connection = DriverManager.getConnection(jdbcUrl, username, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL refused \"" + sql + "\" on " + Redaction.redact(jdbcUrl), e);
        }
    }

    static String databaseName(String prefix) {
        String base = (prefix == null || prefix.isBlank() ? "test" : prefix)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "db_" + base;
        }
        if (base.length() > MAX_PREFIX) {
            base = base.substring(0, MAX_PREFIX);
        }
        return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + source + " " + Redaction.redact(jdbcUrl);
    }
}
