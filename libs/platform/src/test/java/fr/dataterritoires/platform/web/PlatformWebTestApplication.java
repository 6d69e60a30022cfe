package fr.dataterritoires.platform.web;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * A service as small as possible: the platform's auto-configuration plus {@link TestApiController}.
 * No database or broker: their auto-configurations are left out.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.apache.camel.spring.boot.CamelAutoConfiguration"})
public class PlatformWebTestApplication {

    /** How a service opens published data and restricts a path to a role. */
    @Bean
    ApiAuthorizationRules testRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/*/published/**").permitAll()
                .requestMatchers("/api/funders/**").hasRole("FUNDER");
    }
}
