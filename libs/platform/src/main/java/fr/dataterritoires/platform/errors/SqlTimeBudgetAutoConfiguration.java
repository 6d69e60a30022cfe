package fr.dataterritoires.platform.errors;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps the SQL time budget on the connections Flyway used. The platform's defaults give every connection a
 * {@code statement_timeout} ({@code DT_SQL_STATEMENT_TIMEOUT}, set at log-in) and lift it for migrations
 * ({@code spring.flyway.init-sqls=SET statement_timeout = 0}); Flyway borrows its connections from the service's pool,
 * so without this the connections it used went back to the pool without any budget, and the requests they later
 * served could run forever. Flyway's connections now {@code RESET statement_timeout} (back to the log-in value) before
 * they return to the pool.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({ FluentConfiguration.class, FlywayConfigurationCustomizer.class, DelegatingDataSource.class })
public class SqlTimeBudgetAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SqlTimeBudgetAutoConfiguration.class);

    /** Last, so that it wraps the data source Flyway finally uses. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    FlywayConfigurationCustomizer dataterritoiresStatementBudgetAfterMigrations() {
        return configuration -> {
            DataSource dataSource = configuration.getDataSource();
            if (dataSource != null && !(dataSource instanceof BudgetRestoringDataSource)) {
                configuration.dataSource(new BudgetRestoringDataSource(dataSource));
            }
        };
    }

    /** A data source whose connections reset {@code statement_timeout} when they are closed (returned to the pool). */
    static final class BudgetRestoringDataSource extends DelegatingDataSource {

        BudgetRestoringDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return restoringOnClose(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return restoringOnClose(super.getConnection(username, password));
        }

        private static Connection restoringOnClose(Connection target) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        if ("close".equals(method.getName()) && method.getParameterCount() == 0 && !target.isClosed()) {
                            resetBudget(target);
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }

        private static void resetBudget(Connection connection) {
            try {
                boolean autoCommit = connection.getAutoCommit();
                if (!autoCommit) {
                    // what the pool does with unfinished work on return anyway; a RESET inside it would be undone
                    connection.rollback();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET statement_timeout");
                }
                if (!autoCommit) {
                    connection.commit();
                }
            } catch (SQLException e) {
                log.warn("Could not restore the SQL time budget of a connection used by the migrations: {}",
                        SqlErrorLogging.summary(e));
            }
        }
    }
}
