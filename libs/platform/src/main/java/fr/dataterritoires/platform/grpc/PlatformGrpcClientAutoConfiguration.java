package fr.dataterritoires.platform.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.stub.AbstractStub;
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
 * Outgoing gRPC calls: a default deadline on every call that has none, the caller's bearer token
 * propagated (both on every channel of Spring gRPC's {@link GrpcChannelFactory}),
 * {@link PlatformGrpcClients} for channels with retried idempotent reads, and
 * {@link GrpcCircuitBreakers}.
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
    @GlobalClientInterceptor
    @ConditionalOnMissingBean
    public BearerTokenPropagationInterceptor dtGrpcBearerTokenPropagationInterceptor(
            ObjectProvider<ServiceTokenProvider> serviceToken) {
        return new BearerTokenPropagationInterceptor(() -> {
            ServiceTokenProvider provider = serviceToken.getIfAvailable();
            return provider == null ? java.util.Optional.empty() : provider.token();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({GrpcChannelFactory.class, GrpcClientProperties.class})
    public PlatformGrpcClients platformGrpcClients(GrpcChannelFactory channelFactory, GrpcProperties properties,
                                                   GrpcClientProperties springClientProperties) {
        return new PlatformGrpcClients(channelFactory, properties, springClientProperties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(CircuitBreakerRegistry.class)
    public GrpcCircuitBreakers grpcCircuitBreakers(GrpcProperties properties) {
        return new GrpcCircuitBreakers(GrpcCircuitBreakers.registry(properties.getClient().getCircuitBreaker()));
    }
}
