package fr.dataterritoires.commonscalls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Awards in rank order within the budget and the grant caps, on a fixture with ties: equal scores are ordered by the
 * earlier submission, then the application id.
 */
class AwardAllocationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    static AwardAllocation.Candidate candidate(String id, String score, String requested, int minutesAfterT0) {
        return new AwardAllocation.Candidate(UUID.fromString(id), new BigDecimal(score), new BigDecimal(requested),
                T0.plusSeconds(60L * minutesAfterT0));
    }

    @Test
    void awardsFollowTheRankingWithTiesBrokenByEarlierSubmissionThenId() {
        AwardAllocation.Candidate a = candidate("00000000-0000-0000-0000-00000000000a", "85.000", "60000.00", 30);
        AwardAllocation.Candidate b = candidate("00000000-0000-0000-0000-00000000000b", "85.000", "50000.00", 10);
        AwardAllocation.Candidate c = candidate("00000000-0000-0000-0000-00000000000c", "72.500", "45000.00", 5);
        AwardAllocation.Candidate d = candidate("00000000-0000-0000-0000-00000000000d", "72.500", "30000.00", 5);
        AwardAllocation.Candidate e = candidate("00000000-0000-0000-0000-00000000000e", "60.000", "20000.00", 1);
        AwardAllocation.Candidate tooBig = candidate("00000000-0000-0000-0000-00000000000f", "99.000", "130000.00", 0);

        List<AwardAllocation.Decision> decisions = AwardAllocation.allocate(new BigDecimal("150000.00"),
                new BigDecimal("10000.00"), new BigDecimal("100000.00"), List.of(e, d, c, b, a, tooBig));

        // rank: f (99, beyond the cap), b (85, earlier), a (85), c (72.5, same minute as d, smaller id), d, e
        assertThat(decisions).extracting(x -> x.applicationId().toString().substring(35) + ":" + x.rank() + ":" + x.outcome())
                .containsExactly("f:1:REJECTED", "b:2:AWARDED", "a:3:AWARDED", "c:4:WAITLISTED", "d:5:AWARDED",
                        "e:6:WAITLISTED");
        // b and a take 110 000; c (45 000) does not fit the 40 000 left and waits; d (30 000) fits; e (20 000) does not
        BigDecimal awarded = decisions.stream().filter(x -> x.outcome() == AwardAllocation.Outcome.AWARDED)
                .map(AwardAllocation.Decision::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(awarded).isLessThanOrEqualTo(new BigDecimal("150000.00"));
    }

    @Provide
    Arbitrary<List<AwardAllocation.Candidate>> candidates() {
        Arbitrary<AwardAllocation.Candidate> one = Arbitraries.integers().between(0, 10).flatMap(score ->
                Arbitraries.longs().between(1, 200).flatMap(thousands -> Arbitraries.integers().between(0, 5)
                        .map(minute -> new AwardAllocation.Candidate(UUID.randomUUID(), BigDecimal.valueOf(score * 10L),
                                BigDecimal.valueOf(thousands * 1000L).setScale(2), T0.plusSeconds(60L * minute)))));
        return one.list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void neverBeyondTheBudgetAndEveryWaitlistedCandidateDidNotFitAtItsTurn(
            @ForAll("candidates") List<AwardAllocation.Candidate> candidates,
            @ForAll("budgets") BigDecimal budget) {
        BigDecimal max = new BigDecimal("150000.00");
        List<AwardAllocation.Decision> decisions = AwardAllocation.allocate(budget, BigDecimal.ZERO.setScale(2), max,
                candidates);
        assertThat(decisions).hasSize(candidates.size());
        BigDecimal left = budget;
        List<BigDecimal> scores = new ArrayList<>();
        for (AwardAllocation.Decision d : decisions) {
            AwardAllocation.Candidate c = candidates.stream().filter(x -> x.applicationId().equals(d.applicationId()))
                    .findFirst().orElseThrow();
            scores.add(c.score());
            switch (d.outcome()) {
                case AWARDED -> {
                    assertThat(d.amount()).isEqualByComparingTo(c.requested());
                    assertThat(c.requested()).isLessThanOrEqualTo(left);
                    left = left.subtract(c.requested());
                }
                case WAITLISTED -> assertThat(c.requested()).isGreaterThan(left);
                case REJECTED -> assertThat(c.requested()).isGreaterThan(max);
            }
        }
        assertThat(left.signum()).isGreaterThanOrEqualTo(0);
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
        }
    }

    @Provide
    Arbitrary<BigDecimal> budgets() {
        return Arbitraries.longs().between(0, 1_000).map(k -> BigDecimal.valueOf(k * 1000L).setScale(2));
    }
}
