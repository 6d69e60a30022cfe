package fr.dataterritoires.commonscalls.grpc;

import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.contracts.commonscalls.v1.AllocationPurpose;
import fr.dataterritoires.contracts.commonscalls.v1.AwardFunding;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsKind;
import fr.dataterritoires.contracts.commonscalls.v1.Funding;
import fr.dataterritoires.contracts.commonscalls.v1.GetInitiativeFundingRequest;
import fr.dataterritoires.contracts.commonscalls.v1.GetOrganisationFundingRequest;
import fr.dataterritoires.territory.Siren;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** {@code CommonsFunding} over a real socket, called anonymously (published data), as replication calls it. */
@ServiceTest
class CommonsFundingGrpcTest {

    @LocalServerPort
    int port;

    @Value("${local.grpc.server.port}")
    int grpcPort;

    ManagedChannel channel;
    CommonsFundingGrpc.CommonsFundingBlockingStub funding;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        funding = CommonsFundingGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anOrganisationsAwardsPaymentsAndAllocations() {
        String member = Siren.withCheckDigit(String.format("3%07d", Api.unique())).value();
        String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "300000.00", "120000.00", "0.00"));
        String applicationId = api.submitted(Api.applicationBody(callId, "100000.00", member));
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        String awardId = api.post("/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", "100000.00", "reason", "Lauréat.")).status(201).json().path("id").asString();
        String trancheId = api.post("/api/awards/" + awardId + "/agreement", FUNDER, Map.of("signedOn", "2026-03-01",
                "reference", "CONV-" + Api.unique(), "tranches", List.of(
                        Map.of("kind", "PRE_FINANCING", "amount", "30000.00", "condition", "À la signature"),
                        Map.of("kind", "FINAL", "amount", "70000.00", "condition", "Sur rapport final"))))
                .ok().json().path("tranches").get(0).path("id").asString();
        api.post("/api/awards/" + awardId + "/tranches/" + trancheId + "/payment", FUNDER,
                Map.of("paidOn", "2026-03-15", "paymentReference", "VIR-1")).ok();
        // some préciput for the member: levied from an innovation award, then allocated
        fundTheFund("50000.00");
        UUID initiative = UUID.randomUUID();
        api.post("/api/preciput/allocations", Api.COORDINATOR, Map.of("purpose", "REPLICATION_SUPPORT",
                "beneficiarySiren", member, "beneficiaryName", "Membre", "initiativeId", initiative.toString(),
                "amount", "1500.00", "reason", "Soutien à la réplication")).status(201);

        Funding answer = funding.getOrganisationFunding(GetOrganisationFundingRequest.newBuilder().setSiren(member).build());

        assertThat(answer.getAwardsList()).extracting(AwardFunding::getAwardId).containsExactly(awardId);
        AwardFunding award = answer.getAwards(0);
        assertThat(award.getAmount()).isEqualTo("100000.00");
        assertThat(award.getDisbursed()).isEqualTo("30000.00");
        assertThat(award.getLeadSiren()).isEqualTo(Api.LEAD);
        assertThat(award.getMemberSirensList()).containsExactly(member);
        assertThat(award.getCommonsKind()).isEqualTo(CommonsKind.COMMONS_KIND_SOFTWARE);
        assertThat(answer.getTotalAwarded()).isEqualTo("100000.00");
        assertThat(answer.getTotalDisbursed()).isEqualTo("30000.00");
        assertThat(answer.getTotalAllocated()).isEqualTo("1500.00");
        assertThat(answer.getAllocations(0).getPurpose()).isEqualTo(AllocationPurpose.ALLOCATION_PURPOSE_REPLICATION_SUPPORT);
        assertThat(answer.getAllocations(0).getInitiativeId()).isEqualTo(initiative.toString());
        assertThat(answer.getCurrency()).isEqualTo("EUR");

        String unknown = UUID.randomUUID().toString();
        Funding ofInitiative = funding.getInitiativeFunding(GetInitiativeFundingRequest.newBuilder()
                .setInitiativeId(initiative.toString()).addAwardIds(awardId).addAwardIds(unknown).build());
        assertThat(ofInitiative.getAwardsList()).extracting(AwardFunding::getAwardId).containsExactly(awardId);
        assertThat(ofInitiative.getUnknownAwardIdsList()).containsExactly(unknown);
        assertThat(ofInitiative.getTotalAllocated()).isEqualTo("1500.00");
    }

    @Test
    void anOrganisationWithNoFundingGetsAnEmptyAnswer() {
        Funding answer = funding.getOrganisationFunding(GetOrganisationFundingRequest.newBuilder()
                .setSiren(Siren.withCheckDigit("99999998").value()).build());
        assertThat(answer.getAwardsCount()).isZero();
        assertThat(answer.getTotalAwarded()).isEqualTo("0.00");
    }

    @Test
    void badInputIsAnInvalidArgumentNamingTheField() {
        assertThatThrownBy(() -> funding.getOrganisationFunding(GetOrganisationFundingRequest.newBuilder()
                .setSiren("123456789").build())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("siren");
                });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        assertThatThrownBy(() -> funding.getInitiativeFunding(GetInitiativeFundingRequest.newBuilder()
                .addAllAwardIds(ids).build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    /** Levies at least {@code funding} × 10 % into the fund through an innovation call's award. */
    private void fundTheFund(String projectFunding) {
        String funderId = api.demoFunder();
        String programme = api.programme(FUNDER, funderId, "0.1");
        String callId = api.openCall(Api.callBody(funderId, "INNOVATION", programme, "300000.00", "120000.00", "0.00"));
        String applicationId = api.submitted(Api.applicationBody(callId, projectFunding));
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        api.post("/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", projectFunding, "reason", "Projet d'innovation retenu.")).status(201);
    }
}
