package fr.dataterritoires.platform.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import fr.dataterritoires.platform.errors.ErrorsAutoConfiguration;
import fr.dataterritoires.platform.errors.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Every service's own rate limit (ADR 0018): one {@link ServiceRateLimiter} per service, used by the REST filter
 * ({@link ServiceRateLimitFilter}) and by the gRPC server's interceptor ({@code platform.grpc.GrpcRateLimit}).
 * {@code dataterritoires.http.rate-limit.enabled=false} ({@code DT_SERVICE_RATE_LIMIT_ENABLED=false}) removes both.
 */
@AutoConfiguration(after = ErrorsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "dataterritoires.http.rate-limit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    /** Right after Spring Security's filter chain (-100): the caller's token has been checked. */
    public static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    @ConditionalOnMissingBean
    public ServiceRateLimiter serviceRateLimiter(RateLimitProperties properties,
                                                 ObjectProvider<MeterRegistry> meters) {
        return new ServiceRateLimiter(properties.limit(), properties.getMaxCallers(),
                meters.getIfAvailable(SimpleMeterRegistry::new), System::nanoTime);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(ProblemResponseWriter.class)
    public FilterRegistrationBean<ServiceRateLimitFilter> serviceRateLimitFilter(ServiceRateLimiter limiter,
                                                                                ProblemResponseWriter writer,
                                                                                RateLimitProperties properties,
                                                                                Environment environment) {
        ServiceRateLimitFilter filter = new ServiceRateLimitFilter(limiter, writer,
                environment.getProperty("spring.application.name", "data-territoires"),
                environment.getProperty("management.endpoints.web.base-path", "/actuator"),
                properties.getExemptPaths());
        FilterRegistrationBean<ServiceRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
