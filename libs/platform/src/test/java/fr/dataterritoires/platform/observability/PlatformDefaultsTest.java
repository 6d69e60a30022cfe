package fr.dataterritoires.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The platform defaults apply to every service, and anything a service says itself wins. */
class PlatformDefaultsTest {

    private final PlatformDefaults defaults = new PlatformDefaults();

    @Test
    void aServiceThatSaysNothingGetsTheDefaults() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void theServicesOwnConfigurationAndProgrammaticDefaultsWin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("management.endpoints.web.exposure.include", "health")));
        environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(
                Map.of("logging.structured.format.console", "logstash")));

        defaults.postProcessEnvironment(environment, new SpringApplication());
        defaults.postProcessEnvironment(environment, new SpringApplication()); // idempotent

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getPropertySources().stream()
                .filter(s -> s.getName().equals(DefaultPropertiesPropertySource.NAME))).hasSize(1);
    }

    @Test
    void environmentVariablesWin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("systemEnvironment-like",
                Map.of("management.tracing.sampling.probability", "0.05")));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.05");
    }

    @Test
    void everyConnectionGetsTheStatementTimeBudgetThatTheEnvironmentCanChange() throws Exception {
        StandardEnvironment standard = new StandardEnvironment();
        defaults.postProcessEnvironment(standard, new SpringApplication());
        assertThat(statementTimeout(standard)).isEqualTo("30s");
        assertThat(standard.getProperty("spring.flyway.init-sqls")).isEqualTo("SET statement_timeout = 0");

        StandardEnvironment shortBudget = new StandardEnvironment();
        shortBudget.getPropertySources().addFirst(new MapPropertySource("systemEnvironment-like",
                Map.of("DT_SQL_STATEMENT_TIMEOUT", "150ms")));
        defaults.postProcessEnvironment(shortBudget, new SpringApplication());
        try (var dataSource = dataSource(shortBudget); var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(3)")).isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("57014"));
        }
    }

    /** What PostgreSQL says the budget of a connection made with the defaults' driver properties is. */
    private static String statementTimeout(StandardEnvironment environment) throws Exception {
        try (var dataSource = dataSource(environment); var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SHOW statement_timeout")) {
            r.next();
            return r.getString(1);
        }
    }

    private static com.zaxxer.hikari.HikariDataSource dataSource(StandardEnvironment environment) {
        var postgres = fr.dataterritoires.testing.backends.Backends.postgres();
        var dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(1);
        String prefix = "spring.datasource.hikari.data-source-properties.";
        dataSource.addDataSourceProperty("options", environment.getProperty(prefix + "options"));
        return dataSource;
    }
}
