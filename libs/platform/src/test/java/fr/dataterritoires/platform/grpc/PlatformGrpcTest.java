package fr.dataterritoires.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc.DatasetDirectoryBlockingStub;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsResponse;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.web.TestKeys;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.concurrent.CountDownLatch;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's gRPC server and client over real sockets: the test service listens on a random
 * port and the test calls it through channels made by {@link PlatformGrpcClients}, configured
 * like production (channel {@code self} in {@code spring.grpc.client.channels}, a default deadline
 * on every call — 8 s here rather than the production 2 s, so that a loaded 2-core CI machine does
 * not turn ordinary calls into timeouts —, tokens of a stand-in issuer checked by the REST decoder).
 */
@SpringBootTest(classes = GrpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=platform-grpc-test",
                "spring.grpc.server.port=0",
                "spring.grpc.client.channels.self.address=static://127.0.0.1:${local.grpc.server.port}",
                "dataterritoires.security.issuer=" + TestKeys.ISSUER,
                "dataterritoires.security.dev-issuer.enabled=false",
                "dataterritoires.grpc.client.default-deadline=8s",
                "dataterritoires.grpc.client.retry.initial-backoff=20ms",
                "dataterritoires.grpc.client.retry.max-backoff=100ms"})
@ExtendWith(OutputCaptureExtension.class)
class PlatformGrpcTest {

    private static final String DIRECTORY = "fr.dataterritoires.datasetsearch.v1.DatasetDirectory";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestKeys.TRUSTED_PUBLIC_PEM.toUri().toString());
    }

    @Autowired
    PlatformGrpcClients clients;

    @Autowired
    GrpcCircuitBreakers breakers;

    @Autowired
    Tracer tracer;

    @Autowired
    Propagator propagator;

    @Value("${" + PlatformGrpcServerAutoConfiguration.LOCAL_PORT_PROPERTY + "}")
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private final List<ManagedChannel> channels = new ArrayList<>();
    /** Retries GetDataset (declared an idempotent read), not ResolveDatasets. */
    private ManagedChannel channel;
    /** Retries nothing. */
    private ManagedChannel plainChannel;

    @BeforeEach
    void channels() {
        channel = open(clients.channel("self", DatasetDirectoryGrpc.getGetDatasetMethod()));
        plainChannel = open(clients.channel("self"));
    }

    @AfterEach
    void closeChannels() throws InterruptedException {
        for (ManagedChannel c : channels) {
            c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChannelConnectsWhenItIsMadeNotOnItsFirstCall() throws InterruptedException {
        ManagedChannel fresh = open(clients.channel("self"));
        // no call made on it: only the connection started at creation can make it READY
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ConnectivityState state = fresh.getState(false);
        while (state != ConnectivityState.READY && System.nanoTime() < until) {
            CountDownLatch changed = new CountDownLatch(1);
            fresh.notifyWhenStateChanged(state, changed::countDown);
            changed.await(1, TimeUnit.SECONDS);
            state = fresh.getState(false);
        }
        assertThat(state).isEqualTo(ConnectivityState.READY);
    }

    @Test
    void aChannelToAServiceNotUpYetFallsBackToIdleRatherThanToTheReconnectBackoff() throws InterruptedException {
        int before = NOT_GRPC.accepted.get();
        ManagedChannel early = open(clients.channel("nobody"));
        // no call made on it: it tries at creation (the socket sees a connection)...
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (NOT_GRPC.accepted.get() == before && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(NOT_GRPC.accepted.get()).as("connections tried at creation").isGreaterThan(before);
        // ...and, refused, waits idle for the first call (which then connects at once) rather than in the backoff.
        // The failure can come before this thread looks, so the states are read, not awaited as transitions.
        ConnectivityState state = early.getState(false);
        while (state != ConnectivityState.IDLE && System.nanoTime() < until) {
            Thread.sleep(20);
            state = early.getState(false);
        }
        assertThat(state).isEqualTo(ConnectivityState.IDLE);
    }

    /** A socket that is not a gRPC server: it accepts connections and closes them at once, counting them. */
    private static final NotGrpc NOT_GRPC = new NotGrpc();

    @DynamicPropertySource
    static void nobody(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channels.nobody.address", () -> "static://127.0.0.1:" + NOT_GRPC.port());
    }

    private static final class NotGrpc {
        final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        private final java.net.ServerSocket socket;

        NotGrpc() {
            try {
                socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread.ofPlatform().daemon().name("not-grpc").start(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }
    }

    // ---- server: port, health, reflection ------------------------------------------------------

    @Test
    void theServerListensOnItsOwnPortBesideHttp() {
        assertThat(grpcPort).isPositive().isNotEqualTo(httpPort).isNotEqualTo(9090);
    }

    @Test
    void healthAnswersServingToAnonymousCallers() {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(plainChannel)
                .check(HealthCheckRequest.getDefaultInstance());

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflectionListsTheServicesToAnonymousCallers() throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(plainChannel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        names.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        names.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        names.completeExceptionally(new AssertionError("no answer to list_services"));
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();

        assertThat(names.get(10, TimeUnit.SECONDS)).contains(DIRECTORY, "grpc.health.v1.Health");
    }

    // ---- security ------------------------------------------------------------------------------

    @Test
    void aCallWithoutTokenIsUnauthenticated() {
        assertStatus(() -> directory(null).getDataset(get("ban")), Status.Code.UNAUTHENTICATED,
                ProblemTypes.NON_AUTHENTIFIE);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        String forged = TestKeys.foreignKey().mint(DevUsers.demo(Role.NATIONAL_COORDINATOR));

        assertStatus(() -> directory(forged).getDataset(get("ban")), Status.Code.UNAUTHENTICATED,
                ProblemTypes.NON_AUTHENTIFIE);
    }

    @Test
    void aMethodRestrictedToRolesRefusesAnotherRole() {
        StatusRuntimeException refused = assertStatus(
                () -> directory(token(Role.FUNDER)).resolveDatasets(resolve("ban")),
                Status.Code.PERMISSION_DENIED, ProblemTypes.ACCES_REFUSE);
        assertThat(refused.getStatus().getDescription()).contains("droits");
    }

    @Test
    void aMethodRestrictedToRolesAnswersTheRightRole() {
        ResolveDatasetsResponse response = directory(token(Role.COMMITTEE_MEMBER))
                .resolveDatasets(resolve("ban", "https://example.org/inconnu"));

        assertThat(response.getResolvedList()).singleElement()
                .satisfies(r -> assertThat(r.getDataset().getTitle()).isEqualTo("Base adresse nationale"));
        assertThat(response.getUnresolvedList()).containsExactly("https://example.org/inconnu");
    }

    @Test
    void theCallerIsMappedFromItsTokenLikeOnRest() {
        DatasetSummary me = directory(token(Role.COMMITTEE_MEMBER)).getDataset(get("whoami"));

        assertThat(me.getDatasetId()).isEqualTo("demo-comite-84");
        assertThat(me.getTitle()).isEqualTo("Léa Bernard");
        assertThat(me.getProducerName()).isEqualTo("[COMMITTEE_MEMBER]");
        assertThat(me.getCoverageCodesList()).containsExactly(DevUsers.DEMO_REGION);
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void notFoundIsNotFoundWithTheFrenchMessageAndNoClassName() {
        StatusRuntimeException e = assertStatus(() -> directory(anyToken()).getDataset(get("inconnu")),
                Status.Code.NOT_FOUND, ProblemTypes.INTROUVABLE);

        assertThat(e.getStatus().getDescription())
                .isEqualTo("La ressource « jeu de données » d'identifiant inconnu est introuvable.")
                .doesNotContain("Exception");
    }

    @Test
    void aDomainRuleIsAFailedPreconditionCarryingTheRule() {
        StatusRuntimeException e = assertStatus(() -> directory(anyToken()).getDataset(get("rule")),
                Status.Code.FAILED_PRECONDITION, ProblemTypes.REGLE_METIER);

        assertThat(e.getStatus().getDescription()).startsWith("Le catalogue est en maintenance");
        assertThat(e.getTrailers().get(GrpcStatusTranslator.RULE)).isEqualTo("catalogue-en-maintenance");
    }

    @Test
    void aDomainsRuleViolationKeepsItsKind() {
        StatusRuntimeException conflict = assertStatus(() -> directory(anyToken()).getDataset(get("state-conflict")),
                Status.Code.ABORTED, ProblemTypes.CONFLIT);
        assertThat(conflict.getTrailers().get(GrpcStatusTranslator.RULE)).isEqualTo("jeu-retire");

        StatusRuntimeException missing = assertStatus(() -> directory(anyToken()).getDataset(get("domain-missing")),
                Status.Code.NOT_FOUND, ProblemTypes.INTROUVABLE);
        assertThat(missing.getStatus().getDescription()).isEqualTo("Le jeu de données n'a pas de distribution « csv ».");

        StatusRuntimeException invalid = assertStatus(() -> directory(anyToken()).getDataset(get("domain-invalid")),
                Status.Code.INVALID_ARGUMENT, ProblemTypes.VALIDATION);
        assertThat(invalid.getStatus().getDescription())
                .isEqualTo("Le champ « datasetId » est invalide : identifiant mal formé");
    }

    @Test
    void aConflictIsAborted() {
        StatusRuntimeException e = assertStatus(() -> directory(anyToken()).getDataset(get("conflict")),
                Status.Code.ABORTED, ProblemTypes.CONFLIT);

        assertThat(e.getStatus().getDescription()).isEqualTo("Le jeu de données a été modifié entre-temps.");
    }

    @Test
    void aRefusedFieldIsInvalidArgumentNamingTheFieldWithTheTypeOfItsShape() {
        StatusRuntimeException rule = assertStatus(() -> directory(anyToken()).getDataset(get("invalid-field")),
                Status.Code.INVALID_ARGUMENT, ProblemTypes.VALIDATION);
        assertThat(rule.getStatus().getDescription())
                .isEqualTo("Le champ « datasetId » est invalide : identifiant mal formé");

        StatusRuntimeException parameter = assertStatus(() -> directory(anyToken()).getDataset(get("invalid-parameter")),
                Status.Code.INVALID_ARGUMENT, ProblemTypes.PARAMETRE_INVALIDE);
        // The service's sentence does not name the field: the translator does.
        assertThat(parameter.getStatus().getDescription())
                .isEqualTo("Champ « cursor » : Le curseur de pagination ne correspond pas à cette recherche.");

        StatusRuntimeException unknown = assertStatus(() -> directory(anyToken()).getDataset(get("unknown-value")),
                Status.Code.INVALID_ARGUMENT, ProblemTypes.VALEUR_INCONNUE);
        assertThat(unknown.getStatus().getDescription()).contains("« accessLevel »", "PUBLIC", "OPEN, SHARED, RESTRICTED");
    }

    @Test
    void goneIsNotFoundWithTheServicesOwnType() {
        StatusRuntimeException e = assertStatus(() -> directory(anyToken()).getDataset(get("gone")),
                Status.Code.NOT_FOUND, ProblemTypes.BASE + "jeu-de-donnees-retire");
        assertThat(e.getStatus().getDescription()).isEqualTo("Le jeu de données gone a été retiré.");
    }

    @Test
    void aReadPastItsTimeBudgetIsDeadlineExceededAndAnUnreachableDependencyUnavailable() {
        StatusRuntimeException late = assertStatus(() -> directory(anyToken()).getDataset(get("over-budget")),
                Status.Code.DEADLINE_EXCEEDED, ProblemTypes.DELAI_DEPASSE);
        assertThat(late.getStatus().getDescription()).startsWith("La recherche a dépassé le temps imparti");
        assertThat(ProblemTypes.DELAI_DEPASSE)
                .isEqualTo("https://data-territoires.gouv.fr/problemes/delai-de-recherche-depasse");

        StatusRuntimeException down = assertStatus(() -> stub(plainChannel, anyToken()).getDataset(get("dependency-down")),
                Status.Code.UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE);
        assertThat(down.getStatus().getDescription()).isEqualTo("La recherche est momentanément indisponible.")
                .doesNotContain("node down");
    }

    @Test
    void anUnexpectedFailureIsInternalWithAGenericFrenchMessageOnly() {
        StatusRuntimeException e = assertStatus(() -> directory(anyToken()).getDataset(get("boom")),
                Status.Code.INTERNAL, ProblemTypes.ERREUR_INTERNE);

        String errorId = e.getTrailers().get(GrpcStatusTranslator.ERROR_ID);
        assertThat(errorId).isNotBlank();
        assertThat(e.getStatus().getDescription())
                .isEqualTo("Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant "
                        + errorId + " au support.")
                .doesNotContain("IllegalStateException", "jdbc", "10.0.0.12");
    }

    @Test
    void aDatabaseErrorIsLoggedWithoutItsValues(CapturedOutput output) {
        StatusRuntimeException conflict = assertStatus(() -> directory(anyToken()).getDataset(get("duplicate")),
                Status.Code.ABORTED, ProblemTypes.CONFLIT);
        StatusRuntimeException internal = assertStatus(() -> directory(anyToken()).getDataset(get("boom-sql")),
                Status.Code.INTERNAL, ProblemTypes.ERREUR_INTERNE);

        String errorId = internal.getTrailers().get(GrpcStatusTranslator.ERROR_ID);
        assertThat(conflict.getStatus().getDescription()).doesNotContain(InMemoryDatasetDirectory.DUPLICATE_EMAIL);
        assertThat(internal.getStatus().getDescription()).contains(errorId)
                .doesNotContain(InMemoryDatasetDirectory.DUPLICATE_EMAIL);
        assertThat(output.getAll())
                .contains("Data integrity violation in a gRPC call")
                .contains("Unexpected error " + errorId)
                .contains("DataIntegrityViolationException")
                .contains("SQLState 23505")
                .doesNotContain(InMemoryDatasetDirectory.DUPLICATE_EMAIL);
    }

    // ---- client: deadline, retries, token propagation, circuit breaker -------------------------

    @Test
    void aCallWithoutDeadlineGetsThePlatformDefaultOne() {
        DatasetDirectoryBlockingStub stub = directory(anyToken());
        assertThat(stub.getCallOptions().getDeadline()).as("the caller sets no deadline").isNull();

        assertThatThrownBy(() -> stub.getDataset(get("slow")))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }

    @Test
    void anIdempotentReadIsRetriedWhileTheServerIsUnavailable() {
        DatasetSummary found = directory(anyToken()).getDataset(get("flaky:idempotent"));

        assertThat(found.getDatasetId()).isEqualTo("flaky:idempotent");
        assertThat(InMemoryDatasetDirectory.invocations("flaky:idempotent")).isEqualTo(3);
    }

    @Test
    void aMethodNotDeclaredIdempotentIsNotRetried() {
        assertStatus(() -> directory(token(Role.NATIONAL_COORDINATOR)).resolveDatasets(resolve("flaky:write")),
                Status.Code.UNAVAILABLE, null);
        assertThat(InMemoryDatasetDirectory.invocations("resolve/flaky:write")).isEqualTo(1);

        // The same read on a channel that declared nothing is not retried either.
        assertStatus(() -> stub(plainChannel, anyToken()).getDataset(get("flaky:undeclared")),
                Status.Code.UNAVAILABLE, null);
        assertThat(InMemoryDatasetDirectory.invocations("flaky:undeclared")).isEqualTo(1);
    }

    @Test
    void theCallersTokenTravelsToTheServicesItCalls() {
        // The server looks "ban" up through its own client, which sets no token itself.
        DatasetSummary relayed = directory(anyToken()).getDataset(get("relay:ban"));

        assertThat(relayed.getTitle()).isEqualTo("Base adresse nationale");
        assertThat(InMemoryDatasetDirectory.invocations("ban")).isPositive();
    }

    @Test
    void anOpenCircuitBreakerAnswersTheFallbackWithoutCallingTheServer() {
        DatasetDirectoryBlockingStub stub = stub(plainChannel, anyToken());
        DatasetSummary degraded = DatasetSummary.newBuilder().setTitle("(titre indisponible)").build();
        int minimumCalls = 5; // dataterritoires.grpc.client.circuit-breaker.minimum-number-of-calls

        for (int i = 0; i < minimumCalls + 3; i++) {
            DatasetSummary answer = breakers.call("catalogue-en-panne", () -> stub.getDataset(get("down:cb")),
                    failure -> degraded);
            assertThat(answer).isEqualTo(degraded);
        }

        assertThat(InMemoryDatasetDirectory.invocations("down:cb")).isEqualTo(minimumCalls);
        // An answer of the dependency is no failure: it goes through to the caller.
        assertThatThrownBy(() -> breakers.call("catalogue-a-jour", () -> stub.getDataset(get("absent")),
                failure -> degraded)).isInstanceOf(StatusRuntimeException.class);
    }

    // ---- tracing -------------------------------------------------------------------------------

    @Test
    void theCallersTraceCrossesTheCallToTheServerAndItsLogs(CapturedOutput output) {
        String traceId = hex(16);
        String requestSpan = hex(8);

        DatasetSummary seen = inTrace(traceId, requestSpan, () -> directory(anyToken()).getDataset(get("trace")));

        // the server's logs (MDC) and its span are in the caller's trace
        assertThat(seen.getTitle()).isEqualTo(traceId);
        // its span's parent is the client call's span, itself a child of the caller's
        assertThat(seen.getProducerName()).matches("[0-9a-f]{16}").isNotEqualTo(requestSpan);
        assertThat(output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(traceId))
                .map(JSON::readTree)
                .filter(line -> line.path("message").asString().contains("GetDataset")))
                .as("the server's call line, in the caller's trace")
                .anySatisfy(line -> assertThat(line.path("message").asString())
                        .contains(DIRECTORY + "/GetDataset").contains("OK"));
    }

    @Test
    void theTraceGoesOnThroughTheCallsAServerMakesInTurn() {
        String traceId = hex(16);

        DatasetSummary seen = inTrace(traceId, hex(8), () -> directory(anyToken()).getDataset(get("relay:trace")));

        assertThat(seen.getTitle()).isEqualTo(traceId);
    }

    @Test
    void aCallOutsideAnyTraceStartsOne() {
        DatasetSummary first = directory(anyToken()).getDataset(get("trace"));
        DatasetSummary second = directory(anyToken()).getDataset(get("trace"));

        assertThat(first.getTitle()).matches("[0-9a-f]{32}");
        assertThat(second.getTitle()).matches("[0-9a-f]{32}").isNotEqualTo(first.getTitle());
    }

    // ---- metrics -------------------------------------------------------------------------------

    @Test
    void prometheusShowsGrpcServerMetrics() throws Exception {
        directory(anyToken()).getDataset(get("ban"));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> grpcServerLines = response.body().lines()
                .filter(line -> line.startsWith("grpc_server") && line.contains("GetDataset"))
                .toList();
        assertThat(grpcServerLines).as(response.body()).isNotEmpty();
        assertThat(grpcServerLines).anySatisfy(line -> assertThat(line)
                .contains("application=\"platform-grpc-test\"")
                .contains(DIRECTORY));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Runs {@code call} in a span continuing {@code traceparent}, as a REST request of a service would. */
    private <T> T inTrace(String traceId, String parentSpan, java.util.function.Supplier<T> call) {
        Span span = propagator.extract(Map.of("traceparent", "00-" + traceId + "-" + parentSpan + "-01"), Map::get)
                .name("test request").kind(Span.Kind.SERVER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return call.get();
        } finally {
            span.end();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private ManagedChannel open(ManagedChannel c) {
        channels.add(c);
        return c;
    }

    private DatasetDirectoryBlockingStub directory(String token) {
        return stub(channel, token);
    }

    private static DatasetDirectoryBlockingStub stub(ManagedChannel channel, String token) {
        DatasetDirectoryBlockingStub stub = DatasetDirectoryGrpc.newBlockingStub(channel);
        return token == null ? stub : stub.withInterceptors(new BearerTokenAuthenticationInterceptor(token));
    }

    private static String token(Role role) {
        return TestKeys.trusted().mint(DevUsers.demo(role));
    }

    private static String anyToken() {
        return token(Role.EVALUATOR);
    }

    private static GetDatasetRequest get(String id) {
        return GetDatasetRequest.newBuilder().setDatasetId(id).build();
    }

    private static ResolveDatasetsRequest resolve(String... references) {
        return ResolveDatasetsRequest.newBuilder().addAllReferences(List.of(references)).build();
    }

    private static StatusRuntimeException assertStatus(Runnable call, Status.Code code, String problemType) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
            if (problemType != null) {
                Metadata trailers = e.getTrailers();
                assertThat(trailers).isNotNull();
                assertThat(trailers.get(GrpcStatusTranslator.PROBLEM_TYPE)).isEqualTo(problemType);
                assertThat(e.getStatus().getDescription()).isNotBlank();
            }
            return e;
        }
        throw new AssertionError("expected " + code + ", the call succeeded");
    }
}
