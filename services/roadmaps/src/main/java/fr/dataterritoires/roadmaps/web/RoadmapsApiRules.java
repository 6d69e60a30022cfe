package fr.dataterritoires.roadmaps.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/**
 * Who may call what: reading roadmaps and priorities is open to anyone (the use cases show an anonymous caller only
 * published roadmaps); everything else needs an authenticated caller, whose role and scope the use cases check.
 */
@Configuration(proxyBeanMethods = false)
public class RoadmapsApiRules {

    @Bean
    ApiAuthorizationRules roadmapsAuthorizationRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/roadmaps", "/api/roadmaps/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/priorities").permitAll();
    }
}
