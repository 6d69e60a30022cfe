package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Ranking of the eligible applications and allocation of the awards in rank order within the call's budget and grant
 * caps.
 *
 * <p>Rank: consensus score, highest first; ties broken by the earlier submission, then by the application id (so the
 * order is total and stable). Allocation: each candidate in rank order receives its requested amount when it fits in
 * the budget left; one that does not fit is waitlisted and the next ones are still considered (a smaller request
 * lower in the ranking may fit what is left). A candidate asking beyond the grant caps is rejected.
 */
public final class AwardAllocation {

    public record Candidate(UUID applicationId, BigDecimal score, BigDecimal requested, Instant submittedAt) {
    }

    public enum Outcome {
        AWARDED, WAITLISTED, REJECTED
    }

    public record Decision(UUID applicationId, int rank, BigDecimal score, Outcome outcome, BigDecimal amount,
                           String reason) {
    }

    public static final Comparator<Candidate> RANK_ORDER = Comparator.comparing(Candidate::score).reversed()
            .thenComparing(Candidate::submittedAt).thenComparing(Candidate::applicationId);

    private AwardAllocation() {
    }

    public static List<Candidate> rank(List<Candidate> candidates) {
        return candidates.stream().sorted(RANK_ORDER).toList();
    }

    public static List<Decision> allocate(BigDecimal budgetLeft, BigDecimal minGrant, BigDecimal maxGrant,
                                          List<Candidate> candidates) {
        List<Decision> decisions = new ArrayList<>();
        BigDecimal left = budgetLeft;
        int rank = 0;
        for (Candidate c : rank(candidates)) {
            rank++;
            String position = "Rang " + rank + " (note de consensus " + c.score().toPlainString() + "/100)";
            if (c.requested().compareTo(maxGrant) > 0 || c.requested().compareTo(minGrant) < 0) {
                decisions.add(new Decision(c.applicationId(), rank, c.score(), Outcome.REJECTED, null,
                        position + " : le montant demandé sort des plafonds de l'appel."));
            } else if (c.requested().compareTo(left) <= 0) {
                left = left.subtract(c.requested());
                decisions.add(new Decision(c.applicationId(), rank, c.score(), Outcome.AWARDED, c.requested(),
                        position + " : lauréat dans la limite du budget de l'appel."));
            } else {
                decisions.add(new Decision(c.applicationId(), rank, c.score(), Outcome.WAITLISTED, null,
                        position + " : budget restant insuffisant (" + Money.format(left) + " €), en liste d'attente."));
            }
        }
        return decisions;
    }
}
