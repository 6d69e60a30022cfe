package fr.dataterritoires.platform.events;

import java.util.Locale;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Broker side of the events: a confirmed publisher (used by the outbox relay and for dead
 * letters) and {@link InboundEvents} for consumers. Only active when Spring AMQP and Camel are
 * present and a RabbitMQ ConnectionFactory exists; inbound events also need a DataSource.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ RabbitTemplate.class, CamelContext.class, JdbcTemplate.class })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventMetrics dataterritoiresEventMetrics(ObjectProvider<MeterRegistry> meters) {
        return new EventMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The trace context of events, on the application's tracer (none when tracing is off). */
    @Bean
    @ConditionalOnMissingBean
    EventTracing dataterritoiresEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return EventTracing.of(tracer, propagator);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConnectionFactory.class)
    ConfirmedPublisher dataterritoiresConfirmedPublisher(ConnectionFactory connectionFactory,
            ObjectProvider<RabbitConnectionFactoryBeanConfigurer> beanConfigurer,
            ObjectProvider<CachingConnectionFactoryConfigurer> cachingConfigurer, EventsProperties properties,
            ObjectProvider<MeterRegistry> meters) throws Exception {
        return new ConfirmedPublisher(publisherConnectionFactory(connectionFactory, beanConfigurer.getIfAvailable(),
                cachingConfigurer.getIfAvailable()), properties.getConfirmTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ ConnectionFactory.class, DataSource.class })
    InboundEvents dataterritoiresInboundEvents(ConnectionFactory connectionFactory, ConfirmedPublisher publisher,
            DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager, EventMetrics metrics,
            EventTracing tracing, EventsProperties properties) {
        return new InboundEvents(connectionFactory, publisher, dataSource,
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource)), metrics, tracing,
                properties);
    }

    /** The CloudEvent source of this service. */
    public static String source(EventsProperties properties, Environment environment) {
        if (properties.getSource() != null && !properties.getSource().isBlank()) {
            return properties.getSource();
        }
        String name = environment.getProperty("spring.application.name", "unknown");
        return "/dataterritoires/" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /**
     * A connection of its own, configured exactly like Boot's (same address, credentials, TLS)
     * through Boot's configurers, but with publisher confirms and returns switched on.
     */
    static CachingConnectionFactory publisherConnectionFactory(ConnectionFactory connectionFactory,
            RabbitConnectionFactoryBeanConfigurer beanConfigurer, CachingConnectionFactoryConfigurer cachingConfigurer)
            throws Exception {
        CachingConnectionFactory factory;
        if (beanConfigurer != null && cachingConfigurer != null) {
            RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
            beanConfigurer.configure(bean);
            bean.afterPropertiesSet();
            factory = new CachingConnectionFactory(bean.getObject());
            cachingConfigurer.configure(factory);
        } else if (connectionFactory instanceof AbstractConnectionFactory boot) {
            factory = new CachingConnectionFactory(boot.getRabbitConnectionFactory());
            factory.setHost(boot.getHost());
            factory.setPort(boot.getPort());
        } else {
            factory = new CachingConnectionFactory(connectionFactory.getHost(), connectionFactory.getPort());
        }
        factory.setConnectionNameStrategy(cf -> "dataterritoires-events-publisher");
        return factory;
    }
}
