package fr.dataterritoires.replication.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Port: what commons-calls funded for an initiative (its {@code CommonsFunding.GetInitiativeFunding}). Never throws
 * for the dependency's failure: the answer says it is unavailable, and the page is shown without it (partial).
 */
public interface FundingLookup {

    Answer fundingOf(UUID initiativeId, Collection<UUID> awardIds);

    /** The funding, or why it could not be had. */
    sealed interface Answer permits Found, Unavailable {
    }

    record Found(BigDecimal totalAwarded, BigDecimal totalDisbursed, BigDecimal totalAllocated, List<Award> awards,
            List<Allocation> allocations, List<String> unknownAwardIds) implements Answer {
    }

    /**
     * @param reason French sentence for the page
     * @param cause what failed, for metrics and logs: the gRPC status code (UNAVAILABLE, DEADLINE_EXCEEDED...),
     *     CIRCUIT_OPEN, or REFUSED for a refusal that is this side's fault
     */
    record Unavailable(String reason, String cause) implements Answer {
    }

    record Award(String awardId, String callTitle, String funderName, String commonsTitle, BigDecimal amount,
            BigDecimal disbursed, String grantedAt) {
    }

    record Allocation(String allocationId, String purpose, String beneficiaryName, BigDecimal amount,
            String allocatedAt) {
    }
}
