package fr.dataterritoires.replication.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.dataterritoires.platform.grpc.GrpcCircuitBreakers;
import fr.dataterritoires.platform.testsupport.TestIssuerInitializer;
import fr.dataterritoires.replication.application.RegistryMetrics;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.testing.backends.BackendsInitializer;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * commons-calls not answering, then stopped, as network faults on loopback: first a socket accepts the connection and
 * never answers a byte (the call can only end at its 2 s deadline), then the socket is closed and nothing listens on
 * the port any more (a dead port: connection refused). Either way the initiative's page answers, marked partial,
 * naming the funding as the part missing; the cause recorded (DEADLINE_EXCEEDED, then UNAVAILABLE) shows the call was
 * cut by the deadline or the failure, not waited out. Repeated failures then open the circuit breaker: pages answer
 * without calling at all. A context of its own: its channel points at that port, with a short deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@ContextConfiguration(initializers = {BackendsInitializer.class, TestIssuerInitializer.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommonsCallsFaultsTest {

    static final AtomicInteger accepted = new AtomicInteger();
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static ServerSocket silent;

    @DynamicPropertySource
    static void silentCommonsCalls(DynamicPropertyRegistry registry) throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // kept open, never read nor written
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-commons-calls");
        acceptor.setDaemon(true);
        acceptor.start();
        registry.add("spring.grpc.client.channels.commons-calls.address",
                () -> "static://127.0.0.1:" + silent.getLocalPort());
        registry.add("dataterritoires.grpc.client.default-deadline", () -> "2s");
    }

    @AfterAll
    static void stop() throws IOException {
        closeSilent();
    }

    static void closeSilent() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    GrpcCircuitBreakers breakers;
    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        breakers.breaker(CommonsFundingClient.CHANNEL).reset();
    }

    @Test
    @Order(1)
    void withASocketThatNeverAnswersThePageIsPartialAtTheDeadline() {
        String id = api.createInitiative(Api.COORDINATOR, Api.initiative(Api.LYON_SIREN, "Page au délai",
                List.of("69123"))).path("id").asString();
        double before = partial("DEADLINE_EXCEEDED");

        JsonNode page = api.get("/api/initiatives/" + id, null).ok().json();

        assertPartial(page);
        assertThat(page.path("title").asString()).isEqualTo("Page au délai");
        assertThat(page.path("reach").path("population").asLong()).isPositive();
        assertThat(partial("DEADLINE_EXCEEDED")).isEqualTo(before + 1);
        assertThat(accepted.get()).isPositive(); // it did connect, and got no answer
    }

    @Test
    @Order(2)
    void withNothingListeningAnyMoreThePageIsPartial() throws IOException {
        closeSilent();
        String id = api.createInitiative(Api.COORDINATOR, Api.initiative(Api.LYON_SIREN, "Page sans financement",
                List.of("69123"))).path("id").asString();
        double before = partial("UNAVAILABLE");

        // the channel notices the closed connection, then finds the port dead: each page meanwhile is partial too
        for (int attempt = 0; attempt < 20 && partial("UNAVAILABLE") == before; attempt++) {
            breakers.breaker(CommonsFundingClient.CHANNEL).reset();
            assertPartial(api.get("/api/initiatives/" + id, null).ok().json());
        }
        assertThat(partial("UNAVAILABLE")).isGreaterThan(before);
    }

    @Test
    @Order(3)
    void repeatedFailuresOpenTheBreakerAndPagesStillAnswer() {
        String id = api.createInitiative(Api.COORDINATOR, Api.initiative(Api.LYON_SIREN, "Page disjoncteur",
                List.of("69123"))).path("id").asString();
        double open = partial("CIRCUIT_OPEN");
        for (int i = 0; i < 12; i++) {
            assertPartial(api.get("/api/initiatives/" + id, null).ok().json());
        }
        assertThat(partial("CIRCUIT_OPEN")).isGreaterThan(open);
    }

    private static void assertPartial(JsonNode page) {
        assertThat(page.path("partial").asBoolean()).as(page.toString()).isTrue();
        assertThat(page.path("funding").isNull()).isTrue();
        assertThat(page.path("missing").get(0).path("part").asString()).isEqualTo("funding");
        assertThat(page.path("missing").get(0).path("reason").asString()).contains("financements");
    }

    private double partial(String cause) {
        return meters.find(RegistryMetrics.FUNDING_PARTIAL).tag("cause", cause).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
