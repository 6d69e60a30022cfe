package fr.dataterritoires.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's additions to the default request authorization, applied before the final
 * {@code anyRequest().authenticated()}. Declare one or more as beans, e.g. to open published data:
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
