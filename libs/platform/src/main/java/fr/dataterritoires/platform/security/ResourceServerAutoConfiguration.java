package fr.dataterritoires.platform.security;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import fr.dataterritoires.platform.errors.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server accepting JWTs: deny by default, stateless, problems
 * for 401 and 403, roles and scopes mapped from claims. Services open paths by declaring
 * {@link ApiAuthorizationRules} beans, or replace the whole chain by declaring their own
 * {@link SecurityFilterChain}.
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

    static final String[] DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

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
     * (Boot skips it for public-key-location), expiry with a small clock skew.
     */
    @Bean
    public OAuth2TokenValidator<Jwt> dtJwtValidator(Environment environment, ResourceServerProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.getClockSkew()));
        String issuer = properties.getIssuer() != null && !properties.getIssuer().isBlank() ? properties.getIssuer()
                : environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain dtApiSecurityFilterChain(HttpSecurity http,
                                                        ObjectProvider<ApiAuthorizationRules> serviceRules,
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
