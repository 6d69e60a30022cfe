package fr.dataterritoires.platform.security;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import fr.dataterritoires.platform.errors.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server accepting JWTs: deny by default, stateless, problems
 * for 401 and 403, roles and scopes mapped from claims.
 *
 * <p>The platform's chain is always registered, last ({@link Ordered#LOWEST_PRECEDENCE}) and
 * without {@code securityMatcher}, so that it catches every request no other chain claimed.
 * Services open paths in it by declaring {@link ApiAuthorizationRules} beans, and may add their
 * own narrower chains (with a {@code securityMatcher}, e.g. {@code /login/**} of the portal) in
 * front of it: declaring a chain never removes this one. To replace it altogether, set
 * {@code dataterritoires.security.default-chain.enabled=false} and declare a chain without
 * {@code securityMatcher}; the service refuses to start without one.
 *
 * <p>Actuator endpoints are denied unless allowed explicitly: health, info and prometheus are
 * open; a service opens another one with an {@link ApiAuthorizationRules} rule.
 */
@AutoConfiguration(after = ErrorsAutoConfiguration.class,
        before = {SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({BearerTokenAuthenticationToken.class, SecurityFilterChain.class})
@EnableConfigurationProperties(ResourceServerProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    /** springdoc's document and UI, including the platform's {@code springdoc.swagger-ui.path=/api-docs}. */
    static final String[] DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/api-docs", "/api-docs/**"};

    /**
     * No observation of Spring Security's own steps: by default every filter of the chain, every authentication and
     * every authorization is observed (spans and timers). In a JFR profile of the suite benchmark's writes
     * (exchanges), observations and tracing took 12 % of the samples, as much as the token check; 7 % without these
     * (issue 10 §5, docs/benchmarks.md). The request stays observed as a whole ({@code http.server.requests}: its
     * metrics, its span and the trace ids in the logs), and a refusal is still counted there by its status.
     */
    @Bean
    @ConditionalOnMissingBean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    public DtJwtAuthenticationConverter dtJwtAuthenticationConverter() {
        return new DtJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        return new ProblemAuthenticationEntryPoint(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter writer) {
        return new ProblemAccessDeniedHandler(writer);
    }

    /**
     * Added by Boot to the validators of the decoder it builds from
     * {@code spring.security.oauth2.resourceserver.jwt.*}: the issuer
     * ({@code dataterritoires.security.issuer}, else issuer-uri) is checked whatever the key source
     * (Boot skips it for public-key-location), expiry (required) with a small clock skew, and the
     * audience when {@code dataterritoires.security.audience} is set.
     */
    @Bean
    public OAuth2TokenValidator<Jwt> dtJwtValidator(Environment environment, ResourceServerProperties properties) {
        String issuer = properties.getIssuer() != null && !properties.getIssuer().isBlank() ? properties.getIssuer()
                : environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        return DtJwtValidators.create(properties, issuer);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "dataterritoires.security.default-chain", name = "enabled",
            matchIfMissing = true)
    static class DefaultChainConfiguration {

        /** Last and unmatched: whatever no narrower chain of the service claimed ends here. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        SecurityFilterChain dtApiSecurityFilterChain(HttpSecurity http,
                                                     ObjectProvider<ApiAuthorizationRules> serviceRules,
                                                     DtJwtAuthenticationConverter converter,
                                                     ProblemAuthenticationEntryPoint entryPoint,
                                                     ProblemAccessDeniedHandler accessDeniedHandler,
                                                     ResourceServerProperties properties) throws Exception {
            return apiChain(http, serviceRules, converter, entryPoint, accessDeniedHandler, properties);
        }
    }

    /** The service replaced the platform's chain: it must still have a catch-all one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "dataterritoires.security.default-chain", name = "enabled",
            havingValue = "false")
    static class CustomChainConfiguration {

        @Bean
        static SmartInitializingSingleton dtCatchAllChainCheck(ObjectProvider<SecurityFilterChain> chains) {
            return () -> {
                boolean catchAll = chains.orderedStream().anyMatch(chain -> chain instanceof DefaultSecurityFilterChain d
                        && d.getRequestMatcher() instanceof AnyRequestMatcher);
                if (!catchAll) {
                    throw new IllegalStateException("dataterritoires.security.default-chain.enabled=false mais aucune "
                            + "SecurityFilterChain sans securityMatcher n'est déclarée : les requêtes qu'aucune chaîne "
                            + "ne traite passeraient sans authentification. / dataterritoires.security.default-chain"
                            + ".enabled=false but no SecurityFilterChain without securityMatcher is declared: requests "
                            + "matched by no chain would run unauthenticated.");
                }
            };
        }
    }

    static SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<ApiAuthorizationRules> serviceRules,
                                        DtJwtAuthenticationConverter converter,
                                        ProblemAuthenticationEntryPoint entryPoint,
                                        ProblemAccessDeniedHandler accessDeniedHandler,
                                        ResourceServerProperties properties) throws Exception {
        http
                // Bearer tokens, no cookies: CSRF cannot forge an authenticated request.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/error").permitAll();
                    rules.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
                    rules.requestMatchers(DOCS_PATHS).permitAll();
                    if (!properties.getPublicPaths().isEmpty()) {
                        rules.requestMatchers(properties.getPublicPaths().toArray(String[]::new)).permitAll();
                    }
                    serviceRules.orderedStream().forEach(rule -> rule.configure(rules));
                    // Only the endpoints allowed above answer: env, loggers, heapdump... if exposed, never.
                    rules.requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll();
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler));
        return http.build();
    }

    @Bean
    public WebMvcConfigurer dtPrincipalArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new DtPrincipalArgumentResolver());
            }
        };
    }
}
