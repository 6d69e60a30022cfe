package fr.dataterritoires.testing.backends;

/**
 * A resolved PostgreSQL server. {@link #createDatabase(String)} gives each test class its own
 * empty database so tests never see each other's rows.
 */
public interface PostgresBackend {

    /** Spring Boot's datasource properties for one database of this server (e.g. from createDatabase). */
    default java.util.Map<String, Object> springProperties(String databaseJdbcUrl) {
        return java.util.Map.of(
                "spring.datasource.url", databaseJdbcUrl,
                "spring.datasource.username", username(),
                "spring.datasource.password", password());
    }
    BackendSource source();

    /** JDBC URL of the server's maintenance database (postgres). */
    String jdbcUrl();

    String username();

    String password();

    /** Creates a fresh database whose name starts with the prefix, and returns its JDBC URL. */
    String createDatabase(String prefix);
}
