package fr.dataterritoires.replication.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/**
 * The registry is published data: initiatives, replications, reach, suggestions, calls, their outcome and cohorts
 * are readable anonymously. Every change needs an authenticated caller, whose role and scope the use cases check.
 */
@Configuration(proxyBeanMethods = false)
public class ReplicationApiRules {

    @Bean
    ApiAuthorizationRules replicationAuthorizationRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/initiatives", "/api/initiatives/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/replications/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/programme/**").permitAll();
    }
}
