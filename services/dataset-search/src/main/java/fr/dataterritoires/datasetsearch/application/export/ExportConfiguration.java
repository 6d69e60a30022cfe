package fr.dataterritoires.datasetsearch.application.export;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.platform.audit.AuditTrail;

/** The export use case; the clock is the application's when it declares one (tests), else the system's. */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    CatalogueExport catalogueExport(DatasetRepository repository, AuditTrail audit, ObjectProvider<Clock> clock) {
        return new CatalogueExport(repository, audit::lastSeq, clock.getIfAvailable(Clock::systemUTC));
    }
}
