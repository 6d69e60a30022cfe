package fr.dataterritoires.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Which token a channel of {@link PlatformGrpcClients} sends, seen by a real downstream server:
 * the caller's, nobody's for an anonymous caller (never the service's: confused deputy), the
 * service's outside any request and only on the channels opted in.
 */
class BearerTokenPropagationTest {

    private static final String SERVICE_TOKEN = "service-token";
    private static final String USER_TOKEN = "user-token";

    private static Server downstream;
    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();

    private final ApplicationContextRunner client = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, GrpcClientAutoConfiguration.class,
                    CompositeChannelFactoryAutoConfiguration.class, PlatformGrpcClientAutoConfiguration.class))
            .withBean(ServiceTokenProvider.class, () -> () -> Optional.of(SERVICE_TOKEN))
            .withPropertyValues(
                    "spring.grpc.client.channels.jobs.address=static://127.0.0.1:" + downstream.getPort(),
                    "spring.grpc.client.channels.users.address=static://127.0.0.1:" + downstream.getPort(),
                    "dataterritoires.grpc.client.service-token-channels=jobs");

    @BeforeAll
    static void startDownstream() throws Exception {
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                String authorization = headers.get(GrpcSecurity.AUTHORIZATION_KEY);
                RECEIVED.set(authorization == null ? "(none)" : authorization);
                return next.startCall(call, headers);
            }
        };
        downstream = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(),
                        recordAuthorization))
                .build().start();
    }

    @AfterAll
    static void stopDownstream() throws InterruptedException {
        downstream.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
        RECEIVED.set(null);
    }

    @Test
    void anAnonymousRestCallerGetsNoTokenNotTheServicesOne() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("anonymous",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        client.run(context -> assertThat(callThrough(context.getBean(PlatformGrpcClients.class).channel("jobs")))
                .isEqualTo("(none)"));
    }

    @Test
    void anAnonymousGrpcCallerGetsNoTokenNotTheServicesOne() {
        // What Spring gRPC binds for an anonymous call to a public method: an empty security context.
        Context inbound = Context.current().withValue(GrpcSecurity.SECURITY_CONTEXT_KEY,
                SecurityContextHolder.createEmptyContext());

        client.run(context -> {
            ManagedChannel channel = context.getBean(PlatformGrpcClients.class).channel("jobs");
            AtomicReference<String> sent = new AtomicReference<>();
            inbound.run(() -> sent.set(callThrough(channel)));
            assertThat(sent.get()).isEqualTo("(none)");
        });
    }

    @Test
    void outsideAnyRequestAnOptedInChannelSendsTheServiceToken() {
        client.run(context -> assertThat(callThrough(context.getBean(PlatformGrpcClients.class).channel("jobs")))
                .isEqualTo("Bearer " + SERVICE_TOKEN));
    }

    @Test
    void outsideAnyRequestAChannelNotOptedInSendsNothing() {
        client.run(context -> assertThat(callThrough(context.getBean(PlatformGrpcClients.class).channel("users")))
                .isEqualTo("(none)"));
    }

    @Test
    void anAuthenticatedCallersTokenTravelsOnPlatformChannelsOnly() {
        Jwt jwt = Jwt.withTokenValue(USER_TOKEN).header("alg", "RS256").subject("demo-comite-84").build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_COMMITTEE_MEMBER")));

        client.run(context -> {
            assertThat(callThrough(context.getBean(PlatformGrpcClients.class).channel("users")))
                    .isEqualTo("Bearer " + USER_TOKEN);
            assertThat(callThrough(context.getBean(PlatformGrpcClients.class).channel("jobs")))
                    .isEqualTo("Bearer " + USER_TOKEN);
            // A channel made without the platform (to anything) gets no user token.
            assertThat(callThrough(context.getBean(GrpcChannelFactory.class).createChannel("users")))
                    .isEqualTo("(none)");
        });
    }

    /** Makes one call and returns the Authorization header the server received. */
    private static String callThrough(ManagedChannel channel) {
        try {
            RECEIVED.set(null);
            HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            return RECEIVED.get();
        } finally {
            channel.shutdownNow();
        }
    }

}
