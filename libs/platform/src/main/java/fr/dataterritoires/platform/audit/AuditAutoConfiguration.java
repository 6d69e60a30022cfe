package fr.dataterritoires.platform.audit;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link AuditTrail} and {@link AuditVerifier} over the service's DataSource. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "dataterritoires.audit", name = "enabled", matchIfMissing = true)
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
}
