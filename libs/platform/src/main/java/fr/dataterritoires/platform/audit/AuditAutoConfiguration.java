package fr.dataterritoires.platform.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link AuditTrail} and {@link AuditVerifier} over the service's DataSource, and the {@link AuditChainMonitor} that
 * verifies the chain on a schedule and publishes {@code dt.audit.chain.*}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "dataterritoires.audit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditTrail dataterritoiresAuditTrail(DataSource dataSource) {
        return new AuditTrail(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditVerifier dataterritoiresAuditVerifier(DataSource dataSource) {
        return new AuditVerifier(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "dataterritoires.audit.verification", name = "enabled", matchIfMissing = true)
    AuditChainMonitor dataterritoiresAuditChainMonitor(AuditVerifier verifier, ObjectProvider<MeterRegistry> meters,
            AuditProperties properties) {
        return new AuditChainMonitor(verifier, meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.getVerification(), Clock.systemUTC());
    }
}
