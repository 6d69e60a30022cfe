package fr.dataterritoires.platform.errors.sqlbudget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc.DatasetDirectoryBlockingStub;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.grpc.GrpcStatusTranslator;
import fr.dataterritoires.platform.grpc.PlatformGrpcServerAutoConfiguration;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.web.TestKeys;
import fr.dataterritoires.testing.backends.BackendsInitializer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SQL time budget seen by a gRPC caller, end to end: a real call over a real socket to a service whose method runs
 * real SQL on a real PostgreSQL (a fresh database of the test backends), the connection's {@code statement_timeout}
 * set by the platform's defaults from {@code DT_SQL_STATEMENT_TIMEOUT} (200 ms here), on a pool whose two connections
 * first ran the platform's migrations (which lift the budget for themselves). PostgreSQL cancels the 2 s query
 * (SQLState 57014); the caller gets DEADLINE_EXCEEDED with the REST problem type {@code delai-de-recherche-depasse} and
 * a French description, as REST answers 504 (ProblemDetailsTest); the service logs a warning, not an unexpected error.
 */
@SpringBootTest(classes = SqlGrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=platform-grpc-sql-test",
                "spring.grpc.server.port=0",
                "DT_SQL_STATEMENT_TIMEOUT=200ms",
                // the two connections the platform's migrations ran on at start-up (lifting their time budget), no other
                "spring.datasource.hikari.maximum-pool-size=2",
                "dataterritoires.security.issuer=" + TestKeys.ISSUER,
                "dataterritoires.security.dev-issuer.enabled=false",
                "dataterritoires.audit.verification.enabled=false"})
@ContextConfiguration(initializers = BackendsInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class GrpcStatementTimeBudgetTest {

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestKeys.TRUSTED_PUBLIC_PEM.toUri().toString());
    }

    private static final String DIRECTORY = "fr.dataterritoires.datasetsearch.v1.DatasetDirectory";

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
    void theConnectionTheMigrationsUsedServesRequestsWithThePlatformsStatementBudgetAgain() {
        // Flyway lifts the budget on its connections (spring.flyway.init-sqls); they come from the service's pool
        assertThat(directory().getDataset(dataset("budget")).getTitle()).isEqualTo("200ms");
    }

    @Test
    void aQueryCancelledByTheStatementBudgetIsDeadlineExceededWithTheProblemTypeAndNoStackTrace(CapturedOutput output) {
        long start = System.nanoTime();
        StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class,
                () -> directory().getDataset(dataset("slow")));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(late).as("the 2 s query must fail").isNotNull();
        assertThat(late.getStatus().getCode()).as(late.getStatus().toString()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        // the server's answer (the client's own 10 s deadline would carry no trailers)
        assertThat(late.getTrailers()).isNotNull();
        assertThat(late.getTrailers().get(GrpcStatusTranslator.PROBLEM_TYPE)).isEqualTo(ProblemTypes.DELAI_DEPASSE);
        assertThat(late.getTrailers().get(GrpcStatusTranslator.ERROR_ID)).as("not an internal error").isNull();
        assertThat(late.getStatus().getDescription())
                .isEqualTo("La requête a dépassé le temps de traitement autorisé. Précisez-la ou réessayez plus tard.")
                .doesNotContain("pg_sleep", "57014", "canceling", "Exception");
        // cancelled by PostgreSQL after 200 ms, not after the 2 s of the query
        assertThat(elapsedMs).isLessThan(1800);

        // the status the caller got is the one the server records: its call line, and where DtGrpcErrorRateHigh looks
        // (grpc_server_seconds_count{grpc_status_code}); not UNKNOWN
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(served("DEADLINE_EXCEEDED")).isOne());
        assertThat(served("UNKNOWN")).isZero();

        List<String> logs = output.getAll().lines().toList();
        assertThat(logs).as("the call's line").anySatisfy(line -> assertThat(line)
                .contains("gRPC " + DIRECTORY + "/GetDataset DEADLINE_EXCEEDED in"));
        assertThat(logs).as("a warning naming the budget, without the statement")
                .anySatisfy(line -> assertThat(line).contains("\"WARN\"")
                        .contains("Statement time budget exceeded in a gRPC call").contains("57014")
                        .doesNotContain("pg_sleep"));
        assertThat(logs).as("no unexpected error, no stack trace").noneSatisfy(line -> assertThat(line)
                .containsAnyOf("Unexpected error", "\"ERROR\"", "stack_trace", "PSQLException", "\tat "));
    }

    @Test
    void aMethodsRefusalIsLoggedAndCountedWithTheStatusTheCallerGets(CapturedOutput output) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> directory().getDataset(dataset("no-such-dataset")));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(served("INVALID_ARGUMENT")).isOne());
        assertThat(served("UNKNOWN")).as("a refusal is not counted as a server error").isZero();
        assertThat(output.getAll()).contains("gRPC " + DIRECTORY + "/GetDataset INVALID_ARGUMENT in");
    }

    /** Calls of GetDataset the server's observation recorded with that status. */
    private long served(String statusCode) {
        return meters.find("grpc.server").tag("rpc.method", "GetDataset").tag("grpc.status_code", statusCode).timers()
                .stream().mapToLong(timer -> timer.count()).sum();
    }

    private DatasetDirectoryBlockingStub directory() {
        String token = TestKeys.trusted().mint(DevUsers.demo(Role.EVALUATOR));
        return DatasetDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .withInterceptors(new BearerTokenAuthenticationInterceptor(token));
    }

    private static GetDatasetRequest dataset(String id) {
        return GetDatasetRequest.newBuilder().setDatasetId(id).build();
    }
}
