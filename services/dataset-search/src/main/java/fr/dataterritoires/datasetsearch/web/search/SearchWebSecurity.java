package fr.dataterritoires.datasetsearch.web.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;

/** Published data is readable anonymously: search, suggestions and the use profiles. */
@Configuration(proxyBeanMethods = false)
public class SearchWebSecurity {

    @Bean
    ApiAuthorizationRules publishedDatasetSearch() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/datasets", "/api/datasets/suggestions").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/use-profiles", "/api/use-profiles/**").permitAll();
    }
}
