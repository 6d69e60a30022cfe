package fr.dataterritoires.exchanges.integration;

import java.time.Clock;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.dataterritoires.exchanges.application.PersonalDataService;

/**
 * The retention job: every {@code dataterritoires.exchanges.retention.period} (1 h by default; first run one period
 * after start-up), erases the personal data of persons whose retention is over, in batches of 200, each its own
 * transaction, until none is left. Each replica may run it: rows are locked with SKIP LOCKED.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    RouteBuilder retentionRoute(PersonalDataService personalData, ObjectProvider<Clock> clock,
            @Value("${dataterritoires.exchanges.retention.period:1h}") String period,
            @Value("${dataterritoires.exchanges.retention.enabled:true}") boolean enabled) {
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:dt-exchanges-retention?delay=" + period + "&period=" + period)
                        .routeId("dt-exchanges-retention")
                        .autoStartup(enabled)
                        .process(exchange -> {
                            int erased = 0;
                            for (int batch = personalData.eraseExpired(now.instant()); batch > 0;
                                 batch = personalData.eraseExpired(now.instant())) {
                                erased += batch;
                            }
                            exchange.getIn().setHeader("personsErased", erased);
                        });
            }
        };
    }
}
