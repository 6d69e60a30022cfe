package fr.dataterritoires.platform.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.stub.AbstractStub;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.DefaultDeadlineSetupClientInterceptor;

/**
 * Outgoing gRPC calls: a default deadline on every call that has none (on every channel of Spring
 * gRPC's {@link GrpcChannelFactory}), {@link PlatformGrpcClients} for channels to the suite's
 * services (bearer token propagated, retried idempotent reads), and {@link GrpcCircuitBreakers}.
 */
@AutoConfiguration(after = {GrpcClientAutoConfiguration.class, CompositeChannelFactoryAutoConfiguration.class})
@ConditionalOnClass({AbstractStub.class, GrpcChannelFactory.class})
@ConditionalOnProperty(prefix = "spring.grpc.client", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GrpcProperties.class)
public class PlatformGrpcClientAutoConfiguration {

    @Bean
    @GlobalClientInterceptor
    @ConditionalOnMissingBean(name = "dtGrpcDefaultDeadlineInterceptor")
    public DefaultDeadlineSetupClientInterceptor dtGrpcDefaultDeadlineInterceptor(GrpcProperties properties) {
        return new DefaultDeadlineSetupClientInterceptor(properties.getClient().getDefaultDeadline());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({GrpcChannelFactory.class, GrpcClientProperties.class})
    public PlatformGrpcClients platformGrpcClients(GrpcChannelFactory channelFactory, GrpcProperties properties,
                                                   GrpcClientProperties springClientProperties,
                                                   ObjectProvider<ServiceTokenProvider> serviceToken) {
        // The token propagation is per channel (PlatformGrpcClients), not a global interceptor.
        return new PlatformGrpcClients(channelFactory, properties, springClientProperties, () -> {
            ServiceTokenProvider provider = serviceToken.getIfAvailable();
            return provider == null ? Optional.empty() : provider.token();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(CircuitBreakerRegistry.class)
    public GrpcCircuitBreakers grpcCircuitBreakers(GrpcProperties properties) {
        return new GrpcCircuitBreakers(GrpcCircuitBreakers.registry(properties.getClient().getCircuitBreaker()));
    }
}
