package fr.dataterritoires.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc.DatasetDirectoryBlockingStub;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.ratelimit.ServiceRateLimiter;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.web.TestKeys;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's own rate limit on gRPC (ADR 0018), over a real socket: the same buckets as REST (3 calls per caller, then
 * one every 100 s), RESOURCE_EXHAUSTED past them; health never limited. GetDataset is opened to anonymous callers here,
 * so that a caller without token (counted by address) can be exhausted too.
 */
@SpringBootTest(classes = GrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=platform-grpc-rate-limit-test",
                "spring.grpc.server.port=0",
                "dataterritoires.security.issuer=" + TestKeys.ISSUER,
                "dataterritoires.security.dev-issuer.enabled=false",
                "dataterritoires.grpc.server.public-methods=fr.dataterritoires.datasetsearch.v1.DatasetDirectory/GetDataset",
                "dataterritoires.http.rate-limit.burst-capacity=" + GrpcRateLimitTest.BURST,
                "dataterritoires.http.rate-limit.replenish-rate=0.01"})
class GrpcRateLimitTest {

    static final int BURST = 3;

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestKeys.TRUSTED_PUBLIC_PEM.toUri().toString());
    }

    @Value("${" + PlatformGrpcServerAutoConfiguration.LOCAL_PORT_PROPERTY + "}")
    int grpcPort;

    @Autowired
    MeterRegistry meters;

    private ManagedChannel channel;

    @BeforeEach
    void open() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallerGetsItsBurstThenResourceExhaustedWithRetryAfter() {
        DatasetDirectoryBlockingStub caller = directory(newCaller());
        double refusedBefore = refusals();
        for (int i = 0; i < BURST; i++) {
            assertThat(caller.getDataset(ban()).getDatasetId()).isEqualTo("ban");
        }

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> caller.getDataset(ban()));

        assertThat(refused).as("the call past the burst is refused").isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(refused.getStatus().getDescription()).contains("Trop de requêtes", "réessayez dans");
        assertThat(refused.getTrailers().get(GrpcStatusTranslator.PROBLEM_TYPE))
                .isEqualTo(ProblemTypes.TROP_DE_REQUETES);
        assertThat(Long.parseLong(refused.getTrailers().get(GrpcRateLimit.RETRY_AFTER))).isPositive();
        assertThat(refusals()).as("refusals counted").isEqualTo(refusedBefore + 1);

        assertThat(directory(newCaller()).getDataset(ban()).getDatasetId()).as("another caller passes")
                .isEqualTo("ban");
    }

    @Test
    void healthIsNeverLimited() {
        // anonymous callers are counted by address: the test client's
        DatasetDirectoryBlockingStub anonymous = directory(null);
        for (int i = 0; i < BURST; i++) {
            anonymous.getDataset(ban());
        }
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> anonymous.getDataset(ban()))
                .getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        for (int i = 0; i < BURST * 3; i++) {
            assertThat(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
        assertThat(directory(newCaller()).getDataset(ban()).getDatasetId())
                .as("a caller with a token is counted by its subject, not by the address").isEqualTo("ban");
    }

    private DatasetDirectoryBlockingStub directory(String token) {
        DatasetDirectoryBlockingStub stub = DatasetDirectoryGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        return token == null ? stub : stub.withInterceptors(new BearerTokenAuthenticationInterceptor(token));
    }

    private static String newCaller() {
        return TestKeys.trusted().mint(DevUsers.demo(Role.EVALUATOR).withSubject("appelant-" + UUID.randomUUID()));
    }

    private static GetDatasetRequest ban() {
        return GetDatasetRequest.newBuilder().setDatasetId("ban").build();
    }

    private double refusals() {
        return meters.get(ServiceRateLimiter.REFUSALS).tag("protocol", "grpc").counter().count();
    }
}
