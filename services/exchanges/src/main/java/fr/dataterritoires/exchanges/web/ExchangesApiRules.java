package fr.dataterritoires.exchanges.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/**
 * Who may call what: published offers, the training catalogue and the anonymous statistics are open to anyone;
 * everything else needs an authenticated caller, whose role and scope the use cases check.
 */
@Configuration(proxyBeanMethods = false)
public class ExchangesApiRules {

    @Bean
    ApiAuthorizationRules exchangesAuthorizationRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/offers", "/api/offers/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/trainings", "/api/trainings/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/statistics/**").permitAll();
    }
}
