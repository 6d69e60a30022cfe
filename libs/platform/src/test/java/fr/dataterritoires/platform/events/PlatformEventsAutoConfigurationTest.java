package fr.dataterritoires.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import fr.dataterritoires.platform.audit.AuditAutoConfiguration;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.outbox.OutboxAutoConfiguration;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.outbox.OutboxRelay;

/** An application without a DataSource (or without a broker) must still start. */
class PlatformEventsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            RabbitAutoConfiguration.class, EventsAutoConfiguration.class, OutboxAutoConfiguration.class,
            AuditAutoConfiguration.class, PlatformMigrationsAutoConfiguration.class));

    @Test
    void withoutDataSourceNothingDatabaseBoundIsCreated() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OutboxPublisher.class).doesNotHaveBean(OutboxRelay.class)
                    .doesNotHaveBean(InboundEvents.class).doesNotHaveBean(AuditTrail.class);
            // nothing connects to a broker before it is used
            assertThat(context).hasSingleBean(ConfirmedPublisher.class);
        });
    }

    @Test
    void outboxCanBeSwitchedOff() {
        runner.withPropertyValues("dataterritoires.outbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OutboxRelay.class));
    }

    @Test
    void platformMigrationsAreAddedOnceToTheServiceLocations() {
        runner.run(context -> {
            FlywayConfigurationCustomizer customizer = context.getBean(FlywayConfigurationCustomizer.class);
            FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration");
            customizer.customize(configuration);
            customizer.customize(configuration);
            assertThat(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor))
                    .containsExactly("classpath:db/migration", "classpath:db/platform");
        });
    }
}
