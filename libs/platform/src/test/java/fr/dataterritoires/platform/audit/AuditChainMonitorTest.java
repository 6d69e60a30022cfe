package fr.dataterritoires.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The scheduled verification of a real PostgreSQL audit chain, as a service gets it from the auto-configuration: the
 * metric says intact, then broken once a superuser tampers with a record.
 */
class AuditChainMonitorTest {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        dataSource = AuditDatabase.create("auditmonitor", 4);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        AuditTrail trail = new AuditTrail(dataSource);
        for (int i = 1; i <= 5; i++) {
            String id = "r-" + i;
            tx.executeWithoutResult(status -> trail.record("coordinator-1", "roadmap.submitted", "Roadmap", id,
                    Map.of("status", "DRAFT"), Map.of("status", "SUBMITTED")));
        }
    }

    @AfterEach
    void tearDown() {
        AuditDatabase.drop(dataSource);
    }

    private ApplicationContextRunner service() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    }

    private static double gauge(MeterRegistry meters, String name) {
        return meters.get(name).gauge().value();
    }

    @Test
    void theScheduledJobReportsAnIntactChainThenATamperedOne() {
        service().withPropertyValues("dataterritoires.audit.verification.initial-delay=0s",
                "dataterritoires.audit.verification.interval=200ms").run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> gauge(meters, "dt.audit.chain.valid") == 1.0);
                    assertThat(gauge(meters, "dt.audit.chain.records.checked")).isEqualTo(5.0);
                    double firstCheck = gauge(meters, "dt.audit.chain.last.verification");
                    assertThat(firstCheck).isCloseTo(System.currentTimeMillis() / 1000.0,
                            org.assertj.core.data.Offset.offset(30.0));

                    // what only a superuser can do: bypass the append-only triggers and alter a record
                    tx.executeWithoutResult(status -> {
                        jdbc.execute("SET LOCAL session_replication_role = replica");
                        jdbc.execute("UPDATE audit_record SET actor = 'someone-else' WHERE seq = 3");
                    });

                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> gauge(meters, "dt.audit.chain.valid") == 0.0);
                    assertThat(meters.get("dt.audit.chain.verifications").tag("outcome", "broken").counter().count())
                            .isPositive();
                    assertThat(gauge(meters, "dt.audit.chain.last.verification")).isGreaterThanOrEqualTo(firstCheck);
                });
    }

    @Test
    void beforeTheFirstVerificationTheStateIsUnknownAndAFailureKeepsTheLastOne() {
        service().withPropertyValues("dataterritoires.audit.verification.initial-delay=1h").run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            AuditChainMonitor monitor = context.getBean(AuditChainMonitor.class);
            assertThat(gauge(meters, "dt.audit.chain.valid")).isNaN();
            assertThat(monitor.verifyNow().ok()).isTrue();
            assertThat(gauge(meters, "dt.audit.chain.valid")).isEqualTo(1.0);
            double verifiedAt = gauge(meters, "dt.audit.chain.last.verification");

            // the database goes away: the verification cannot run, it is counted, the last state stays and ages
            dataSource.close();
            assertThat(monitor.verifyNow()).isNull();
            assertThat(meters.get("dt.audit.chain.verifications").tag("outcome", "failed").counter().count())
                    .isEqualTo(1.0);
            assertThat(gauge(meters, "dt.audit.chain.valid")).isEqualTo(1.0);
            assertThat(gauge(meters, "dt.audit.chain.last.verification")).isEqualTo(verifiedAt);
        });
    }

    @Test
    void theJobCanBeSwitchedOff() {
        service().withPropertyValues("dataterritoires.audit.verification.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(AuditVerifier.class)
                        .doesNotHaveBean(AuditChainMonitor.class));
    }
}
