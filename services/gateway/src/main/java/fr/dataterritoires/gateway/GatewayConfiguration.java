package fr.dataterritoires.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import fr.dataterritoires.gateway.application.RateLimiting;
import fr.dataterritoires.gateway.persistence.RedisBuckets;
import fr.dataterritoires.gateway.web.AccessLog;
import fr.dataterritoires.gateway.web.ApiDocsController;
import fr.dataterritoires.gateway.web.GatewayRoutes;
import fr.dataterritoires.gateway.web.ProblemCorsProcessor;
import fr.dataterritoires.gateway.web.SecurityHeaders;
import fr.dataterritoires.gateway.web.ServiceClients;
import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import fr.dataterritoires.platform.ratelimit.LocalBuckets;
import fr.dataterritoires.platform.security.ApiAuthorizationRules;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Wires the gateway: routes from {@link GatewayProperties}, the HTTP client and its budgets, limits, filters. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    /** Before the size limit and Spring Security: a refused or preflight answer carries the headers too. */
    static final int SECURITY_HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;
    /** Before Spring Security (-100): a preflight carries no token and must be answered before authentication. */
    static final int CORS_ORDER = ErrorsAutoConfiguration.MAX_REQUEST_SIZE_FILTER_ORDER + 5;
    /** After the tracing filter (highest + 1), so the log line carries the trace id. */
    static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    /** The proxy's clients, one per response budget (ADR 0013); replaces the gateway's single default client. */
    @Bean
    ServiceClients serviceClients(GatewayProperties properties, RestClient.Builder http,
                                  GatewayMvcProperties gatewayProperties) {
        properties.validate();
        Map<String, Duration> budgets = new LinkedHashMap<>();
        properties.getServices().keySet().forEach(name -> budgets.put(name, properties.budgetOf(name)));
        return new ServiceClients(budgets, properties.getResponseTimeout(), properties.getConnectTimeout(), http,
                gatewayProperties);
    }

    @Bean
    RateLimiting rateLimiting(GatewayProperties properties, StringRedisTemplate redis, MeterRegistry meters) {
        GatewayProperties.RateLimiting settings = properties.getRateLimit();
        return new RateLimiting(new RedisBuckets(redis, settings.getKeyPrefix()),
                new LocalBuckets(settings.getLocalMaxClients()), settings.getRedisRetryInterval(), meters,
                System::nanoTime);
    }

    /**
     * While Redis is away, commands fail at once instead of waiting for a reconnection until their timeout: the
     * request is then counted locally without delay (Lettuce keeps reconnecting in the background).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties, RateLimiting rateLimiting,
                                                 ServiceClients clients) {
        Map<String, GatewayRoutes.Target> targets = new LinkedHashMap<>();
        properties.getServices().forEach((name, service) -> targets.put(name,
                new GatewayRoutes.Target(service.getUrl(), properties.limitOf(name), properties.budgetOf(name))));
        return GatewayRoutes.build(targets, rateLimiting, properties.getRateLimit().isEnabled(),
                properties.getUnavailableRetryAfter());
    }

    @Bean
    ApiDocsController apiDocsController(GatewayProperties properties, ServiceClients clients, JsonMapper json) {
        Map<String, URI> urls = new LinkedHashMap<>();
        properties.getServices().forEach((name, service) -> urls.put(name, service.getUrl()));
        return new ApiDocsController(urls, clients.client(properties.getResponseTimeout()), json,
                properties.getResponseTimeout(), properties.getUnavailableRetryAfter());
    }

    /** The documentation page lists every service's document (through the gateway), not the gateway's own. */
    @Bean
    static BeanPostProcessor serviceDocumentsOnTheDocsPage(ObjectProvider<GatewayProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SwaggerUiConfigProperties swaggerUi) {
                    Set<SwaggerUrl> urls = new LinkedHashSet<>();
                    properties.getObject().getServices().keySet()
                            .forEach(name -> urls.add(new SwaggerUrl(name, "/openapi/" + name, name)));
                    swaggerUi.setUrls(urls);
                }
                return bean;
            }
        };
    }

    /** Anyone may call the routes: each service decides who may do what; a token, when sent, must be valid. */
    @Bean
    ApiAuthorizationRules gatewayRoutesAreOpen() {
        return rules -> rules.requestMatchers("/api/**", "/openapi/**").permitAll();
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(GatewayProperties properties, JsonMapper json) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.getCors().getAllowedOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader("Location");
        cors.addExposedHeader("Retry-After");
        cors.addExposedHeader("X-RateLimit-Remaining");
        // bearer tokens, no cookies
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.getCors().getMaxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/openapi/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(CORS_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(SECURITY_HEADERS_ORDER);
        return registration;
    }

    @Bean
    HttpHeadersFilter.ResponseHttpHeadersFilter servicesSecurityHeadersRemoved() {
        return SecurityHeaders.fromServices();
    }

    @Bean
    FilterRegistrationBean<AccessLog> accessLog() {
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(new AccessLog());
        registration.setOrder(ACCESS_LOG_ORDER);
        return registration;
    }
}
