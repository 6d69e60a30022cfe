package fr.dataterritoires.replication.grpc;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.dataterritoires.contracts.commonscalls.v1.AllocationPurpose;
import fr.dataterritoires.contracts.commonscalls.v1.CommonsFundingGrpc;
import fr.dataterritoires.contracts.commonscalls.v1.Funding;
import fr.dataterritoires.contracts.commonscalls.v1.GetInitiativeFundingRequest;
import fr.dataterritoires.platform.grpc.GrpcCircuitBreakers;
import fr.dataterritoires.replication.application.FundingLookup;

import io.grpc.StatusRuntimeException;

/**
 * {@link FundingLookup} through commons-calls' {@code CommonsFunding.GetInitiativeFunding}, behind the circuit breaker
 * {@value CommonsFundingClient#CHANNEL}. Down, too slow (the call's deadline) or breaker open: the answer is
 * {@link FundingLookup.Unavailable} and the page is partial. Any other refusal (our token, a request it finds
 * invalid) is a fault of this side, logged as an error, and shown the same way rather than failing the page.
 */
@Component
public class CommonsFundingLookup implements FundingLookup {

    private static final Logger log = LoggerFactory.getLogger(CommonsFundingLookup.class);
    static final String UNAVAILABLE = "Les financements ne sont pas disponibles pour le moment (commons-calls ne "
            + "répond pas) : le reste de la page est à jour.";
    /** GetInitiativeFunding takes at most 100 award ids. */
    static final int MAX_AWARDS = 100;

    private final CommonsFundingGrpc.CommonsFundingBlockingStub funding;
    private final GrpcCircuitBreakers breakers;

    public CommonsFundingLookup(CommonsFundingGrpc.CommonsFundingBlockingStub funding, GrpcCircuitBreakers breakers) {
        this.funding = funding;
        this.breakers = breakers;
    }

    @Override
    public Answer fundingOf(UUID initiativeId, Collection<UUID> awardIds) {
        GetInitiativeFundingRequest request = GetInitiativeFundingRequest.newBuilder()
                .setInitiativeId(initiativeId.toString())
                .addAllAwardIds(awardIds.stream().limit(MAX_AWARDS).map(UUID::toString).toList()).build();
        try {
            return breakers.call(CommonsFundingClient.CHANNEL, () -> found(funding.getInitiativeFunding(request)),
                    failure -> {
                        log.warn("commons-calls unavailable, initiative page without its funding: {}", failure.toString());
                        return new Unavailable(UNAVAILABLE, cause(failure));
                    });
        } catch (StatusRuntimeException refused) {
            log.error("commons-calls refused GetInitiativeFunding ({}: {}): page without its funding",
                    refused.getStatus().getCode(), refused.getStatus().getDescription());
            return new Unavailable(UNAVAILABLE, "REFUSED");
        }
    }

    private static String cause(Throwable failure) {
        if (failure instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return "CIRCUIT_OPEN";
        }
        return io.grpc.Status.fromThrowable(failure).getCode().name();
    }

    static Found found(Funding f) {
        return new Found(money(f.getTotalAwarded()), money(f.getTotalDisbursed()), money(f.getTotalAllocated()),
                f.getAwardsList().stream().map(a -> new Award(a.getAwardId(), a.getCallTitle(), a.getFunderName(),
                        a.getCommonsTitle(), money(a.getAmount()), money(a.getDisbursed()), a.getGrantedAt())).toList(),
                f.getAllocationsList().stream().map(a -> new Allocation(a.getAllocationId(), purpose(a.getPurpose()),
                        a.getBeneficiaryName(), money(a.getAmount()), a.getAllocatedAt())).toList(),
                List.copyOf(f.getUnknownAwardIdsList()));
    }

    private static String purpose(AllocationPurpose purpose) {
        return switch (purpose) {
            case ALLOCATION_PURPOSE_MUTUALISATION_STRUCTURE -> "MUTUALISATION_STRUCTURE";
            case ALLOCATION_PURPOSE_COMMONS_AWARD -> "COMMONS_AWARD";
            case ALLOCATION_PURPOSE_REPLICATION_SUPPORT -> "REPLICATION_SUPPORT";
            default -> "UNSPECIFIED";
        };
    }

    /** Decimal strings of the contract; an empty one (no funding) is zero. */
    private static BigDecimal money(String amount) {
        return amount == null || amount.isBlank() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(amount).setScale(2);
    }
}
