package fr.dataterritoires.platform.outbox;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.platform.events.ConfirmedPublisher;
import fr.dataterritoires.platform.events.EventsAutoConfiguration;
import fr.dataterritoires.platform.events.EventTracing;
import fr.dataterritoires.platform.events.EventsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Transactional outbox: {@link OutboxPublisher} whenever there is a DataSource, and the relay
 * (with its Camel routes) when the broker side ({@link ConfirmedPublisher}) exists too.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, CamelContext.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "dataterritoires.outbox", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ OutboxProperties.class, EventsProperties.class })
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConfirmedPublisher.class)
    OutboxRelay dataterritoiresOutboxRelay(DataSource dataSource, ConfirmedPublisher publisher, OutboxProperties outbox,
            EventsProperties events, Environment environment, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(dataSource, publisher, outbox.getRelay(), events.getExchange(),
                EventsAutoConfiguration.source(events, environment), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxRelayRoute dataterritoiresOutboxRelayRoute(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxRelayRoute(relay, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher dataterritoiresOutboxPublisher(DataSource dataSource, ObjectProvider<OutboxRelay> relay,
            ObjectProvider<EventTracing> tracing, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        // events keep the trace they are written in (the relay puts it on the message)
        return new OutboxPublisher(dataSource, relay.getIfAvailable(),
                tracing.getIfAvailable(() -> EventTracing.of(tracer, propagator)));
    }
}
