package fr.dataterritoires.platform.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Channels to the other services of the suite, from configuration
 * ({@code spring.grpc.client.channels.<name>.address=static://dataset-search:9090}). Every call
 * on them gets the platform's default deadline unless it sets one
 * ({@code dataterritoires.grpc.client.default-deadline}), carries the caller's bearer token
 * (see {@link BearerTokenPropagationInterceptor}) and is observed (client metrics, traces). A
 * channel sends the service's own token ({@link ServiceTokenProvider}) on calls made outside any
 * request only if listed in {@code dataterritoires.grpc.client.service-token-channels}.
 * Only the methods the caller declares idempotent reads are retried, on
 * {@code dataterritoires.grpc.client.retry.*} (UNAVAILABLE, bounded attempts, exponential backoff):
 *
 * <pre>{@code
 * @Bean
 * DatasetDirectoryGrpc.DatasetDirectoryBlockingStub datasetDirectory(PlatformGrpcClients clients) {
 *     return DatasetDirectoryGrpc.newBlockingStub(clients.channel("dataset-search",
 *             DatasetDirectoryGrpc.getGetDatasetMethod(), DatasetDirectoryGrpc.getResolveDatasetsMethod()));
 * }
 * }</pre>
 *
 * Create each channel once (a bean) and share it: channels are heavy, and the factory closes
 * them when the application stops. Wrap calls whose failure the caller can live with in
 * {@link GrpcCircuitBreakers}.
 */
public class PlatformGrpcClients {

    private static final Logger log = LoggerFactory.getLogger(PlatformGrpcClients.class);

    private final GrpcChannelFactory channelFactory;
    private final GrpcProperties properties;
    private final GrpcClientProperties springClientProperties;
    private final Supplier<Optional<String>> serviceToken;

    /** Channels that propagate the callers' tokens but never send a service token. */
    public PlatformGrpcClients(GrpcChannelFactory channelFactory, GrpcProperties properties,
                               GrpcClientProperties springClientProperties) {
        this(channelFactory, properties, springClientProperties, Optional::empty);
    }

    /**
     * Channels that propagate the callers' tokens; those listed in
     * {@code dataterritoires.grpc.client.service-token-channels} also send {@code serviceToken}'s
     * token on calls made outside any request.
     */
    public PlatformGrpcClients(GrpcChannelFactory channelFactory, GrpcProperties properties,
                               GrpcClientProperties springClientProperties,
                               Supplier<Optional<String>> serviceToken) {
        this.channelFactory = channelFactory;
        this.properties = properties;
        this.springClientProperties = springClientProperties;
        this.serviceToken = serviceToken;
    }

    /**
     * A channel to the configured service {@code name}, retrying on UNAVAILABLE the listed
     * methods only (none when the list is empty: a write is never replayed).
     */
    public ManagedChannel channel(String name, MethodDescriptor<?, ?>... idempotentReads) {
        List<MethodDescriptor<?, ?>> retried = List.of(idempotentReads);
        boolean serviceTokenAllowed = properties.getClient().getServiceTokenChannels().contains(name);
        // Per channel, not global: tokens only go to the suite's services, through channels made here.
        ClientInterceptor tokens = serviceTokenAllowed ? new BearerTokenPropagationInterceptor(serviceToken)
                : new BearerTokenPropagationInterceptor();
        ChannelBuilderOptions options = ChannelBuilderOptions.defaults()
                .withInterceptors(List.of(tokens))
                .withInterceptorsMerge(true);
        if (!retried.isEmpty()) {
            Map<String, Object> serviceConfig = serviceConfig(name, retried);
            int maxAttempts = properties.getClient().getRetry().getMaxAttempts();
            options = withRetry(options, serviceConfig, Math.max(maxAttempts, 1));
        }
        log.info("gRPC channel '{}' to {} (retried idempotent reads: {}, service token outside requests: {})", name,
                springClientProperties.getTarget(name),
                retried.stream().map(MethodDescriptor::getFullMethodName).toList(), serviceTokenAllowed);
        ManagedChannel channel = channelFactory.createChannel(name, options);
        if (properties.getClient().isConnectAtStart()) {
            connectNow(channel);
        }
        return channel;
    }

    /**
     * Starts connecting without waiting, so that the first call finds a connection (and a warmed transport). If the
     * other service is not up yet, the channel goes back to idle instead of waiting out gRPC's reconnect backoff
     * (up to two minutes) in which calls would fail at once: the first call then connects, as without this.
     */
    static void connectNow(ManagedChannel channel) {
        follow(channel, channel.getState(true));
    }

    private static void follow(ManagedChannel channel, ConnectivityState from) {
        channel.notifyWhenStateChanged(from, () -> {
            ConnectivityState now = channel.getState(false);
            if (now == ConnectivityState.TRANSIENT_FAILURE) {
                channel.enterIdle();
            } else if (now == ConnectivityState.CONNECTING) {
                follow(channel, now);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ChannelBuilderOptions withRetry(ChannelBuilderOptions options, Map<String, Object> serviceConfig,
                                                   int maxAttempts) {
        // The builder type depends on the transport (Netty, shaded Netty): any ManagedChannelBuilder will do.
        GrpcChannelBuilderCustomizer customizer = (target, builder) -> ((ManagedChannelBuilder<?>) builder)
                .defaultServiceConfig(serviceConfig).enableRetry().maxRetryAttempts(maxAttempts);
        return options.withCustomizer(customizer);
    }

    /** The channel's service config from properties, plus a retry policy for the idempotent reads. */
    private Map<String, Object> serviceConfig(String name, List<MethodDescriptor<?, ?>> idempotentReads) {
        Map<String, Object> config = new LinkedHashMap<>(
                springClientProperties.getChannel(name).extractServiceConfig());
        List<Object> methodConfigs = new ArrayList<>();
        if (config.get("methodConfig") instanceof List<?> existing) {
            methodConfigs.addAll(existing);
        }
        methodConfigs.add(retryMethodConfig(idempotentReads, properties.getClient().getRetry()));
        config.put("methodConfig", methodConfigs);
        return config;
    }

    /** One gRPC service-config {@code methodConfig} entry (numbers as doubles, durations as "1.5s", as gRPC's JSON wants). */
    static Map<String, Object> retryMethodConfig(List<MethodDescriptor<?, ?>> methods, GrpcProperties.Retry retry) {
        List<Object> names = new ArrayList<>();
        for (MethodDescriptor<?, ?> method : methods) {
            names.add(Map.of("service", method.getServiceName(), "method", method.getBareMethodName()));
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("maxAttempts", (double) Math.max(retry.getMaxAttempts(), 2));
        policy.put("initialBackoff", seconds(retry.getInitialBackoff()));
        policy.put("maxBackoff", seconds(retry.getMaxBackoff()));
        policy.put("backoffMultiplier", retry.getBackoffMultiplier());
        policy.put("retryableStatusCodes", List.copyOf(retry.getRetryableStatusCodes()));
        return Map.of("name", names, "retryPolicy", policy);
    }

    private static String seconds(Duration duration) {
        return (duration.toNanos() / 1_000_000_000.0) + "s";
    }
}
