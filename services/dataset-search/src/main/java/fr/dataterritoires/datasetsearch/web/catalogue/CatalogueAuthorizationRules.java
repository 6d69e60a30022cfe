package fr.dataterritoires.datasetsearch.web.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import fr.dataterritoires.platform.security.Role;

/**
 * Who may call the catalogue's REST API: the catalogue, its sources and their runs are public; the raw failed records,
 * source management, on-demand runs and index rebuilds are the national coordinator's.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueAuthorizationRules {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApiAuthorizationRules catalogueRules() {
        String coordinator = Role.NATIONAL_COORDINATOR.name();
        return rules -> rules
                // before the public run pages: raw records may hold what their producer did not mean to publish
                .requestMatchers(HttpMethod.GET, "/api/harvest-runs/*/failures").hasRole(coordinator)
                .requestMatchers(HttpMethod.GET, "/api/datasets/*", "/api/sources", "/api/sources/**",
                        "/api/harvest-runs/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/sources", "/api/sources/**").hasRole(coordinator)
                .requestMatchers(HttpMethod.PUT, "/api/sources/**").hasRole(coordinator)
                .requestMatchers(HttpMethod.POST, "/api/index/rebuild").hasRole(coordinator);
    }
}
