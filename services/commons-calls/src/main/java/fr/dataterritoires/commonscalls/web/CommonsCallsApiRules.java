package fr.dataterritoires.commonscalls.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/**
 * Who may call what: published data is open to anyone (funders and programmes, calls that are not drafts, published
 * decisions, awards, the préciput fund's transparency view, journal and reports); the rest needs an authenticated
 * caller, whose role and scope the use cases check.
 */
@Configuration(proxyBeanMethods = false)
public class CommonsCallsApiRules {

    @Bean
    ApiAuthorizationRules commonsCallsAuthorizationRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/funders", "/api/funders/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/calls", "/api/calls/*", "/api/calls/*/decisions",
                        "/api/calls/*/awards").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/awards/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/preciput/fund", "/api/preciput/journal", "/api/preciput/accounts",
                        "/api/preciput/reports", "/api/preciput/transactions/*").permitAll();
    }
}
