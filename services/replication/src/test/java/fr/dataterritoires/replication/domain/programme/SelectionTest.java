package fr.dataterritoires.replication.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** Selection against the published criteria: weighted scores of every juror, capacity and minimum score. */
class SelectionTest {

    static final LocalDate OPENS = LocalDate.of(2026, 1, 1);

    static CandidateCall call(int capacity, String minimum) {
        return new CandidateCall(UUID.randomUUID(), "Promotion 2026", null,
                List.of(new Criterion("SCALABILITY", "Capacité de passage à l'échelle", 3),
                        new Criterion("IMPACT", "Impact mesuré", 1)),
                List.of(new CandidateCall.Juror("jure-a", "A", null), new CandidateCall.Juror("jure-b", "B", null)),
                OPENS, OPENS.plusMonths(2), capacity, new BigDecimal(minimum), OPENS.plusMonths(3),
                OPENS.plusMonths(9), CallStatus.OPEN, 0);
    }

    static Candidacy candidacy(CandidateCall call, int minutes) {
        return new Candidacy(UUID.randomUUID(), call.id(), UUID.randomUUID(), "Motivation",
                Instant.parse("2026-01-10T00:00:00Z").plusSeconds(60L * minutes), Map.of(), null, 0);
    }

    @Test
    void criteriaMustIncludeScalability() {
        assertThatThrownBy(() -> new CandidateCall(UUID.randomUUID(), "Sans passage à l'échelle", null,
                List.of(new Criterion("IMPACT", "Impact", 1)), List.of(new CandidateCall.Juror("j", "J", null)), OPENS,
                OPENS.plusDays(10), 2, BigDecimal.ONE, OPENS.plusDays(20), OPENS.plusDays(60), null, 0))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("criteria");
                    assertThat(e.getMessage()).contains("SCALABILITY");
                });
    }

    @Test
    void theCohortIsTheBestScoredAboveTheMinimumWithinCapacity() {
        CandidateCall call = call(2, "2.50");
        // weighted (3×scalability + 1×impact) / 4, mean of the two jurors
        Candidacy best = candidacy(call, 3).scored(call, "jure-a", Map.of("SCALABILITY", 5, "IMPACT", 3))
                .scored(call, "jure-b", Map.of("SCALABILITY", 4, "IMPACT", 4)); // (18 + 16) / 8 = 4.25
        Candidacy tieEarlier = candidacy(call, 1).scored(call, "jure-a", Map.of("SCALABILITY", 3, "IMPACT", 3))
                .scored(call, "jure-b", Map.of("SCALABILITY", 3, "IMPACT", 3)); // 3.00
        Candidacy tieLater = candidacy(call, 2).scored(call, "jure-a", Map.of("SCALABILITY", 3, "IMPACT", 3))
                .scored(call, "jure-b", Map.of("SCALABILITY", 3, "IMPACT", 3)); // 3.00, later
        Candidacy weak = candidacy(call, 0).scored(call, "jure-a", Map.of("SCALABILITY", 1, "IMPACT", 5))
                .scored(call, "jure-b", Map.of("SCALABILITY", 2, "IMPACT", 5)); // (8 + 11) / 8 = 2.375 → 2.38
        assertThat(best.weightedScore(call)).contains(new BigDecimal("4.25"));
        assertThat(weak.weightedScore(call)).contains(new BigDecimal("2.38"));

        Selection.Outcome outcome = Selection.select(call, List.of(weak, tieLater, best, tieEarlier), UUID.randomUUID(),
                "Promotion 1");
        assertThat(outcome.cohort().initiativeIds()).containsExactly(best.initiativeId(), tieEarlier.initiativeId());
        assertThat(outcome.ranking()).extracting(Selection.Ranked::rank, Selection.Ranked::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, true),
                        org.assertj.core.groups.Tuple.tuple(3, false), org.assertj.core.groups.Tuple.tuple(4, false));
        assertThat(outcome.ranking().get(2).candidacy().id()).isEqualTo(tieLater.id());
        assertThat(outcome.call().status()).isEqualTo(CallStatus.SELECTED);
        assertThat(outcome.cohort().supportStart()).isEqualTo(call.supportStart());
        assertThatThrownBy(() -> Selection.select(outcome.call(), List.of(best), UUID.randomUUID(), "Encore"))
                .isInstanceOf(RuleViolation.StateConflict.class);
    }

    @Test
    void selectionWaitsForEveryJurorAndEveryPublishedCriterion() {
        CandidateCall call = call(5, "0");
        Candidacy half = candidacy(call, 0).scored(call, "jure-a", Map.of("SCALABILITY", 5, "IMPACT", 3));
        assertThatThrownBy(() -> Selection.select(call, List.of(half), UUID.randomUUID(), "P"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("notation-incomplete"));
        assertThatThrownBy(() -> half.scored(call, "jure-b", Map.of("SCALABILITY", 5)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("scores.IMPACT"));
        assertThatThrownBy(() -> half.scored(call, "jure-b", Map.of("SCALABILITY", 5, "IMPACT", 6)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> half.scored(call, "jure-b", Map.of("SCALABILITY", 5, "IMPACT", 1, "COUT", 2)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("scores.COUT"));
    }
}
