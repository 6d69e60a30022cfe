package fr.dataterritoires.datasetsearch.web.demand;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import fr.dataterritoires.platform.security.Role;

/**
 * Who may call the demand API: the "most demanded, not yet open" lists are public; unanswered searches are for national
 * coordinators; access requests need an authenticated caller (ownership is checked in the use cases).
 */
@Configuration(proxyBeanMethods = false)
public class DemandApiRules {

    @Bean
    ApiAuthorizationRules demandAuthorizationRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/demand/most-demanded").permitAll()
                .requestMatchers("/api/demand/unanswered-searches").hasRole(Role.NATIONAL_COORDINATOR.name())
                .requestMatchers("/api/demand/**", "/api/access-requests", "/api/access-requests/**").authenticated();
    }
}
