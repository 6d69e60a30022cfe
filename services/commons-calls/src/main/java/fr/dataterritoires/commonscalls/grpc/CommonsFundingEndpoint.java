package fr.dataterritoires.commonscalls.grpc;

import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.dataterritoires.commonscalls.application.FundingService;
import fr.dataterritoires.commonscalls.application.GrantService;
import fr.dataterritoires.commonscalls.application.Journal;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.contracts.commonscalls.v1.AllocationFunding;
import fr.dataterritoires.contracts.commonscalls.v1.AllocationPurpose;
import fr.dataterritoires.contracts.commonscalls.v1.AwardFunding;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsKind;
import fr.dataterritoires.contracts.commonscalls.v1.Funding;
import fr.dataterritoires.contracts.commonscalls.v1.GetInitiativeFundingRequest;
import fr.dataterritoires.contracts.commonscalls.v1.GetOrganisationFundingRequest;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.territory.Siren;

import io.grpc.stub.StreamObserver;

/**
 * {@code CommonsFunding}: what commons-calls funded, for replication. Published data (awards and préciput allocations
 * are public), so open to anonymous callers as over REST. Refused input is INVALID_ARGUMENT naming the field.
 */
@Service
public class CommonsFundingEndpoint extends CommonsFundingGrpc.CommonsFundingImplBase {

    /** At most this many award ids per GetInitiativeFunding. */
    public static final int MAX_AWARD_IDS = 100;

    private final FundingService funding;

    public CommonsFundingEndpoint(FundingService funding) {
        this.funding = funding;
    }

    @Override
    public void getOrganisationFunding(GetOrganisationFundingRequest request, StreamObserver<Funding> responses) {
        String siren = request.getSiren();
        Siren.validationError(siren).ifPresent(error -> {
            throw new InvalidFieldException("siren", error, siren);
        });
        responses.onNext(answer(funding.ofOrganisation(Siren.parse(siren).value())));
        responses.onCompleted();
    }

    @Override
    public void getInitiativeFunding(GetInitiativeFundingRequest request, StreamObserver<Funding> responses) {
        if (request.getAwardIdsCount() > MAX_AWARD_IDS) {
            throw new InvalidFieldException("award_ids", "au plus " + MAX_AWARD_IDS + " identifiants de subvention",
                    request.getAwardIdsCount());
        }
        UUID initiative = null;
        if (!request.getInitiativeId().isEmpty()) {
            try {
                initiative = UUID.fromString(request.getInitiativeId());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("initiative_id", "identifiant (UUID) attendu", request.getInitiativeId());
            }
        }
        responses.onNext(answer(funding.ofInitiative(initiative, request.getAwardIdsList())));
        responses.onCompleted();
    }

    private static Funding answer(FundingService.Funding f) {
        Funding.Builder answer = Funding.newBuilder()
                .setTotalAwarded(Money.format(f.totalAwarded()))
                .setTotalDisbursed(Money.format(f.totalDisbursed()))
                .setTotalAllocated(Money.format(f.totalAllocated()))
                .setCurrency("EUR")
                .addAllUnknownAwardIds(f.unknownAwardIds());
        for (GrantService.AwardView v : f.awards()) {
            answer.addAwards(AwardFunding.newBuilder()
                    .setAwardId(v.award().id().toString())
                    .setApplicationId(v.application().id().toString())
                    .setCallId(v.call().id().toString())
                    .setCallTitle(v.call().terms().title())
                    .setFunderSiren(v.funder().siren().value())
                    .setFunderName(v.funder().name())
                    .setLeadSiren(v.application().proposal().lead().siren().value())
                    .addAllMemberSirens(v.application().proposal().memberSirens().stream().map(Siren::value).toList())
                    .setCommonsTitle(v.application().proposal().commons().title())
                    .setCommonsKind(CommonsKind.valueOf("COMMONS_KIND_" + v.application().proposal().commons().kind().name()))
                    .setAmount(Money.format(v.award().amount()))
                    .setDisbursed(Money.format(v.disbursed()))
                    .setGrantedAt(v.award().grantedAt().toString()));
        }
        for (Journal.Posted p : f.allocations()) {
            Journal.Details d = p.details();
            AllocationFunding.Builder a = AllocationFunding.newBuilder()
                    .setAllocationId(p.id().toString())
                    .setPurpose(AllocationPurpose.valueOf("ALLOCATION_PURPOSE_" + d.purpose()))
                    .setBeneficiarySiren(d.beneficiarySiren())
                    .setAmount(Money.format(d.amount()))
                    .setAllocatedAt(d.occurredAt().toString());
            if (d.beneficiaryName() != null) {
                a.setBeneficiaryName(d.beneficiaryName());
            }
            if (d.initiativeId() != null) {
                a.setInitiativeId(d.initiativeId().toString());
            }
            answer.addAllocations(a);
        }
        return answer.build();
    }
}
