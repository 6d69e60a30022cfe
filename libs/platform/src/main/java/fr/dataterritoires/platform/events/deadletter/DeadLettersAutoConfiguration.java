package fr.dataterritoires.platform.events.deadletter;

import javax.sql.DataSource;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.platform.audit.AuditAutoConfiguration;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.events.ConfirmedPublisher;
import fr.dataterritoires.platform.events.EventsAutoConfiguration;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.platform.events.InboundEvents;
import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link DeadLetters} for a service with inbound event routes, and its actuator endpoint. Replays
 * and discards must be audited, so nothing is created without the audit trail.
 */
@AutoConfiguration(after = { EventsAutoConfiguration.class, AuditAutoConfiguration.class },
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(InboundEventRoute.class)
@ConditionalOnBean({ InboundEvents.class, ConfirmedPublisher.class, AuditTrail.class, ConnectionFactory.class, DataSource.class })
@ConditionalOnProperty(prefix = "dataterritoires.events.dead-letters", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeadLettersProperties.class)
public class DeadLettersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters dataterritoiresDeadLetters(ObjectProvider<InboundEventRoute> routes, ConnectionFactory connectionFactory,
            ConfirmedPublisher publisher, AuditTrail audit, DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<MeterRegistry> meters,
            DeadLettersProperties properties) {
        // the audit record needs a transaction on the service's DataSource
        TransactionTemplate transaction = new TransactionTemplate(
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource)));
        // routes are looked up at each call: they are the service's RouteBuilder beans
        return new DeadLetters(() -> routes.orderedStream().toList(), connectionFactory, publisher, audit, transaction,
                meters.getIfAvailable(SimpleMeterRegistry::new), properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(endpoint = DeadLettersEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DeadLettersEndpoint dataterritoiresDeadLettersEndpoint(DeadLetters deadLetters) {
            return new DeadLettersEndpoint(deadLetters);
        }
    }

    /** First of the service rules, so that no broader rule of a service can open the endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ EndpointRequest.class, ApiAuthorizationRules.class, Endpoint.class })
    static class SecurityConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApiAuthorizationRules dataterritoiresDeadLettersRules() {
            return rules -> rules.requestMatchers(EndpointRequest.to(DeadLettersEndpoint.ID))
                    .hasRole(DeadLettersEndpoint.REQUIRED_ROLE.name());
        }
    }
}
