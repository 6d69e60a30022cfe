package fr.dataterritoires.replication.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.contracts.replication.v1.FindInitiativeByAwardRequest;
import fr.dataterritoires.contracts.replication.v1.GetInitiativeRequest;
import fr.dataterritoires.contracts.replication.v1.Initiative;
import fr.dataterritoires.contracts.replication.v1.ListInitiativesRequest;
import fr.dataterritoires.contracts.replication.v1.ListInitiativesResponse;
import fr.dataterritoires.contracts.replication.v1.Maturity;
import fr.dataterritoires.contracts.replication.v1.ReplicationRegistryGrpc;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.ServiceTest;
import fr.dataterritoires.territory.Territories;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** {@code ReplicationRegistry} over a real socket, called anonymously (published data). */
@ServiceTest
class ReplicationRegistryGrpcTest {

    @LocalServerPort
    int port;
    @Value("${local.grpc.server.port}")
    int grpcPort;

    ManagedChannel channel;
    ReplicationRegistryGrpc.ReplicationRegistryBlockingStub registry;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        registry = ReplicationRegistryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anInitiativeWithItsReach() {
        String lead = Api.siren("21730065");
        String id = api.validatedInitiative(lead, "Registre des arbres " + System.nanoTime(), List.of("73065"))
                .path("id").asString();
        api.liveReplication(id, null, Api.siren("20006911"), List.of("epci:200069110"), LocalDate.now());

        Initiative initiative = registry.getInitiative(GetInitiativeRequest.newBuilder().setInitiativeId(id).build());
        assertThat(initiative.getLeadSiren()).isEqualTo(lead);
        assertThat(initiative.getMaturity()).isEqualTo(Maturity.MATURITY_VALIDATED);
        assertThat(initiative.getTerritoriesList()).containsExactly("73065");
        assertThat(initiative.getPolicyDomain()).isEqualTo("Mobilité");
        assertThat(initiative.getLiveReplications()).isEqualTo(1);
        // Chambéry is in Grand Chambéry: one territory reached, the EPCI's population
        assertThat(initiative.getTerritoriesReached()).isEqualTo(1);
        assertThat(initiative.getPopulationReached())
                .isEqualTo(Territories.get().epci("200069110").orElseThrow().population());

        ListInitiativesResponse byLead = registry.listInitiatives(ListInitiativesRequest.newBuilder()
                .setLeadSiren(lead).build());
        assertThat(byLead.getInitiativesList()).extracting(Initiative::getInitiativeId).contains(id);
        // led or adopted in a territory: the EPCI adopted it
        ListInitiativesResponse byTerritory = registry.listInitiatives(ListInitiativesRequest.newBuilder()
                .setTerritory("200069110").build());
        assertThat(byTerritory.getInitiativesList()).extracting(Initiative::getInitiativeId).contains(id);
    }

    @Test
    void pagesFollowTheirTokens() {
        String lead = Api.siren("21730066");
        for (int i = 0; i < 3; i++) {
            api.createInitiative(Api.COORDINATOR, Api.initiative(lead, "Page " + i + " " + System.nanoTime(),
                    List.of("73065")));
        }
        ListInitiativesResponse first = registry.listInitiatives(ListInitiativesRequest.newBuilder()
                .setLeadSiren(lead).setPageSize(2).build());
        assertThat(first.getInitiativesCount()).isEqualTo(2);
        assertThat(first.getNextPageToken()).isNotEmpty();
        ListInitiativesResponse second = registry.listInitiatives(ListInitiativesRequest.newBuilder()
                .setLeadSiren(lead).setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertThat(second.getInitiativesCount()).isEqualTo(1);
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void unknownIsNotFoundAndBadInputAnInvalidArgumentNamingTheField() {
        assertThatThrownBy(() -> registry.getInitiative(GetInitiativeRequest.newBuilder()
                .setInitiativeId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> registry.findInitiativeByAward(FindInitiativeByAwardRequest.newBuilder()
                .setAwardId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertInvalid(() -> registry.getInitiative(GetInitiativeRequest.newBuilder().setInitiativeId("x").build()),
                "initiative_id");
        assertInvalid(() -> registry.listInitiatives(ListInitiativesRequest.newBuilder().setPageSize(201).build()),
                "page_size");
        assertInvalid(() -> registry.listInitiatives(ListInitiativesRequest.newBuilder().setLeadSiren("123456789")
                .build()), "lead_siren");
        assertInvalid(() -> registry.listInitiatives(ListInitiativesRequest.newBuilder().setTerritory("99999")
                .build()), "territory");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).contains(field);
        });
    }
}
