package fr.dataterritoires.platform.grpc;

import fr.dataterritoires.platform.ratelimit.RateLimitAutoConfiguration;
import fr.dataterritoires.platform.ratelimit.ServiceRateLimiter;
import fr.dataterritoires.platform.security.DtJwtAuthenticationConverter;
import fr.dataterritoires.platform.security.ResourceServerAutoConfiguration;
import io.grpc.BindableService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.grpc.server.autoconfigure.exception.GrpcExceptionHandlerAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.security.GrpcSecurityAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.exception.CompositeGrpcExceptionHandler;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.grpc.server.GrpcServerFactory;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What a service exposing gRPC gets on top of Spring gRPC's server (own port
 * {@code spring.grpc.server.port}, 9090 by default; health {@code grpc.health.v1} and reflection;
 * Micrometer observation, hence {@code grpc_server_*} metrics on {@code /actuator/prometheus}
 * and traces):
 * <ul>
 * <li>every call needs a valid JWT, checked by the same decoder (issuer, key, expiry) and mapped
 * by the same {@link DtJwtAuthenticationConverter} as REST, so {@code Actors.current()} works
 * inside a method; health and reflection stay anonymous, services add
 * {@link GrpcAuthorizationRules} (roles per method, public methods);</li>
 * <li>exceptions become statuses with French descriptions ({@link GrpcStatusTranslator}), where the method throws
 * them ({@link GrpcMethodExceptions}), so that the call log and the metrics see the status sent;</li>
 * <li>the service's own rate limit per caller, with the REST buckets ({@link GrpcRateLimit}, ADR 0018);</li>
 * <li>one INFO line per call served, carrying the caller's trace id ({@link GrpcCallLog}); the trace itself is
 * continued from the call's {@code traceparent} metadata by Spring gRPC's observation;</li>
 * <li>the port actually bound is published as {@code local.grpc.server.port} (useful with port 0);</li>
 * <li>the start fails if that authentication cannot be installed (a servlet gRPC server has no
 * {@link GrpcSecurity}): rules are never silently dropped.</li>
 * </ul>
 * Only active when the service declares a gRPC service ({@link BindableService} bean), like
 * Spring gRPC's server itself: a service without gRPC opens no port. (No nested configuration
 * classes here: a test application in this package would component-scan them.)
 */
@AutoConfiguration(after = {GrpcSecurityAutoConfiguration.class, ResourceServerAutoConfiguration.class,
        RateLimitAutoConfiguration.class},
        before = {GrpcExceptionHandlerAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnClass({BindableService.class, GrpcServerFactory.class})
@ConditionalOnProperty(prefix = "spring.grpc.server", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(BindableService.class)
@EnableConfigurationProperties(GrpcProperties.class)
public class PlatformGrpcServerAutoConfiguration {

    /** Port property set once the server listens, like Boot's {@code local.server.port}. */
    public static final String LOCAL_PORT_PROPERTY = "local.grpc.server.port";

    static final String INTERCEPTOR_BEAN = "dtGrpcAuthenticationInterceptor";

    static final String[] ANONYMOUS_SERVICES = {"grpc.health.v1.Health/*", "grpc.reflection.v1.ServerReflection/*",
            "grpc.reflection.v1alpha.ServerReflection/*"};

    private static final Logger log = LoggerFactory.getLogger(PlatformGrpcServerAutoConfiguration.class);

    /**
     * Whether a call goes to the server's own health or reflection service ({@link #ANONYMOUS_SERVICES}): probes and
     * tools, left out of the call log and never rate-limited, so they can neither drown the log nor be refused.
     */
    static boolean isHealthOrReflection(String serviceName) {
        return serviceName == null || serviceName.startsWith("grpc.health.") || serviceName.startsWith("grpc.reflection.");
    }

    @Bean
    @ConditionalOnMissingBean
    public GrpcStatusTranslator grpcStatusTranslator() {
        return new GrpcStatusTranslator();
    }

    @Bean
    public ApplicationListener<GrpcServerStartedEvent> grpcLocalPortPublisher(ConfigurableEnvironment environment) {
        return event -> {
            if (event.getPort() <= 0) {
                return; // an in-process server has no port
            }
            environment.getPropertySources().addFirst(new MapPropertySource("dataterritoiresGrpcServer",
                    Map.of(LOCAL_PORT_PROPERTY, event.getPort())));
            log.info("gRPC server listening on {}", event.getAddress());
        };
    }

    /**
     * Exceptions thrown by a method become their status innermost, so that the call log and the metrics see the
     * status the caller gets (Spring gRPC's handler is outermost).
     */
    @Bean
    @GlobalServerInterceptor
    @ConditionalOnMissingBean
    public GrpcMethodExceptions dtGrpcMethodExceptions(ObjectProvider<GrpcExceptionHandler> handlers) {
        return new GrpcMethodExceptions(new CompositeGrpcExceptionHandler(
                handlers.orderedStream().toArray(GrpcExceptionHandler[]::new)));
    }

    /** One line per call served, in the caller's trace ({@code dataterritoires.grpc.server.call-log=false}: none). */
    @Bean
    @GlobalServerInterceptor
    @ConditionalOnProperty(prefix = "dataterritoires.grpc.server", name = "call-log", matchIfMissing = true)
    @ConditionalOnMissingBean
    public GrpcCallLog dtGrpcCallLog() {
        return new GrpcCallLog();
    }

    /** The service's limit per caller, the same buckets as REST: RESOURCE_EXHAUSTED past it (ADR 0018). */
    @Bean
    @GlobalServerInterceptor
    @ConditionalOnBean(ServiceRateLimiter.class)
    @ConditionalOnMissingBean
    public GrpcRateLimit dtGrpcRateLimit(ServiceRateLimiter limiter) {
        return new GrpcRateLimit(limiter);
    }

    /** Our own authentication interceptor, so that Spring gRPC's (every call authenticated, default converter) steps aside. */
    @Bean
    @GlobalServerInterceptor
    @ConditionalOnBean(GrpcSecurity.class)
    @ConditionalOnMissingBean(AuthenticationProcessInterceptor.class)
    public AuthenticationProcessInterceptor dtGrpcAuthenticationInterceptor(GrpcSecurity grpc,
                                                                            ObjectProvider<JwtDecoder> decoder,
                                                                            ObjectProvider<DtJwtAuthenticationConverter> converter,
                                                                            ObjectProvider<GrpcAuthorizationRules> serviceRules,
                                                                            GrpcProperties properties) throws Exception {
        grpc.authorizeRequests(rules -> {
            rules.methods(ANONYMOUS_SERVICES).permitAll();
            if (!properties.getServer().getPublicMethods().isEmpty()) {
                rules.methods(properties.getServer().getPublicMethods().toArray(String[]::new)).permitAll();
            }
            serviceRules.orderedStream().forEach(rule -> rule.configure(rules));
            rules.allRequests().authenticated();
        });
        grpc.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt
                .decoder(decoder.getIfAvailable(PlatformGrpcServerAutoConfiguration::rejectingDecoder))
                .jwtAuthenticationConverter(converter.getIfAvailable(DtJwtAuthenticationConverter::new))));
        return grpc.build();
    }

    /**
     * Fails the start when the gRPC server would run without the platform's authentication
     * interceptor: Spring gRPC defines {@link GrpcSecurity} for its native server only (not with
     * {@code grpc-servlet-jakarta}), and without it every call would be let through and every
     * {@link GrpcAuthorizationRules} silently ignored.
     */
    @Bean
    public static SmartInitializingSingleton dtGrpcSecurityCheck(ListableBeanFactory beans) {
        return () -> {
            if (beans.getBeanNamesForType(AuthenticationProcessInterceptor.class, true, false).length == 0) {
                throw new IllegalStateException("gRPC services are declared but no gRPC authentication interceptor "
                        + "was created (no GrpcSecurity bean: is the gRPC server a servlet, grpc-servlet-jakarta?). "
                        + "Every call would be accepted without a token and the GrpcAuthorizationRules ignored. "
                        + "Use Spring gRPC's native server (spring.grpc.server.servlet.enabled=false).");
            }
            if (!beans.containsBean(INTERCEPTOR_BEAN)
                    && beans.getBeanNamesForType(GrpcAuthorizationRules.class, true, false).length > 0) {
                throw new IllegalStateException("GrpcAuthorizationRules beans are declared but the platform's gRPC "
                        + "authentication interceptor was replaced by another AuthenticationProcessInterceptor: "
                        + "the rules would be ignored.");
            }
        };
    }

    /** Without an issuer (a non-web service with no JWT settings) the gRPC server stays closed. */
    private static JwtDecoder rejectingDecoder() {
        log.warn("No JwtDecoder: every authenticated gRPC call will be refused.");
        return token -> {
            throw new BadJwtException("No trusted issuer configured");
        };
    }
}
