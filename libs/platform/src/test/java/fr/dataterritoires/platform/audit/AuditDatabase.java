package fr.dataterritoires.platform.audit;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariDataSource;

import fr.dataterritoires.platform.events.PlatformMigrationsAutoConfiguration;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.PostgresBackend;

/** A throw-away PostgreSQL database with the platform's migrations (the audit tables and their guards). */
final class AuditDatabase {

    private AuditDatabase() {
    }

    static HikariDataSource create(String name, int poolSize) {
        PostgresBackend postgres = Backends.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.createDatabase(name));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(poolSize);
        Flyway.configure().dataSource(dataSource).locations(PlatformMigrationsAutoConfiguration.LOCATION).load().migrate();
        return dataSource;
    }

    /** Closes the pool and drops the database (best effort: it is throw-away). */
    static void drop(HikariDataSource dataSource) {
        dataSource.close();
        String url = dataSource.getJdbcUrl();
        try (var c = java.sql.DriverManager.getConnection(Backends.postgres().jdbcUrl(), Backends.postgres().username(),
                Backends.postgres().password()); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
        } catch (java.sql.SQLException e) {
            // best effort: the database is throw-away
        }
    }
}
