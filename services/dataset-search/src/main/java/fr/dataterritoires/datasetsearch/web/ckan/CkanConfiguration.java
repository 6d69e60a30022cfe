package fr.dataterritoires.datasetsearch.web.ckan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/** The CKAN-compatible API serves published metadata only: anyone may call it, without a token. */
@Configuration(proxyBeanMethods = false)
class CkanConfiguration {

    @Bean
    ApiAuthorizationRules ckanApiIsPublic() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/3/action/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/3/action/*").permitAll();
    }
}
