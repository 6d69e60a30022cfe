package fr.dataterritoires.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's additions to the default request authorization, applied before the final rules:
 * every other actuator endpoint denied, then {@code anyRequest().authenticated()}. A service opens
 * an actuator endpoint of its own only with a rule matching it here. Declare one or more as beans,
 * e.g. to open published data:
 *
 * <pre>{@code
 * @Bean
 * ApiAuthorizationRules publishedRoadmaps() {
 *     return rules -> rules.requestMatchers(HttpMethod.GET, "/api/roadmaps/published/**").permitAll();
 * }
 * }</pre>
 *
 * Spring 7 path patterns allow {@code **} only at the end: write {@code /api/*}{@code /published/**},
 * not {@code /api/**}{@code /published/**} (the application would fail to start).
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
