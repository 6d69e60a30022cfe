package fr.dataterritoires.replication.domain.initiative;

import static fr.dataterritoires.replication.domain.Fixtures.T0;
import static fr.dataterritoires.replication.domain.Fixtures.evaluated;
import static fr.dataterritoires.replication.domain.Fixtures.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.Fixtures;

/** Each maturity step refuses to happen without its evidence, and happens with it. */
class MaturityEvidenceTest {

    static final LocalDate EVALUATED = LocalDate.of(2026, 2, 1);
    static final MaturityFacts NONE = MaturityFacts.none();

    @Test
    void validationNeedsAnEvaluatedIndicatorThatChanged() {
        Initiative noIndicator = experiment(List.of());
        assertRefused(() -> noIndicator.advance(Maturity.VALIDATED, "ok", NONE, "coord", T0), "indicateur");

        Initiative noEvaluation = experiment(List.of(new Indicator("Trajets", "n", BigDecimal.ONE, BigDecimal.TEN,
                null)));
        assertRefused(() -> noEvaluation.advance(Maturity.VALIDATED, "ok", NONE, "coord", T0), "indicateur");

        Initiative noChange = experiment(List.of(evaluated("40", "40.0", EVALUATED)));
        assertRefused(() -> noChange.advance(Maturity.VALIDATED, "ok", NONE, "coord", T0), "indicateur");

        Initiative proven = experiment(List.of(evaluated("40", "62", EVALUATED)));
        Initiative validated = proven.advance(Maturity.VALIDATED, "Évaluation concluante", NONE, "coord", T0);
        assertThat(validated.maturity()).isEqualTo(Maturity.VALIDATED);
        assertThat(validated.validatedAt()).isEqualTo(T0);
        assertThat(validated.version()).isEqualTo(proven.version() + 1);
        MaturityStep step = validated.steps().getLast();
        assertThat(step.evidence()).singleElement().asString().contains("40").contains("62").contains("Cerema");
        assertThat(step.actor()).isEqualTo("coord");
    }

    @Test
    void anEvaluationDatedInTheFutureIsNoEvidence() {
        assertThatThrownBy(() -> experiment(List.of(evaluated("40", "62", LocalDate.of(2027, 1, 1)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("futur");
    }

    @Test
    void accelerationNeedsACohortAndACompleteKit() {
        Initiative validated = experiment(List.of(evaluated("40", "62", EVALUATED)))
                .advance(Maturity.VALIDATED, "ok", NONE, "coord", T0);
        assertRefused(() -> validated.advance(Maturity.ACCELERATED, "ok", NONE, "coord", T0), "promotion");
        Initiative noKit = validated.describe(Fixtures.content(validated.indicators(), null, null, null), T0);
        MaturityFacts inCohort = new MaturityFacts(Optional.of(UUID.randomUUID()), 0);
        assertRefused(() -> noKit.advance(Maturity.ACCELERATED, "ok", inCohort, "coord", T0), "kit de réplication");
        assertThat(validated.advance(Maturity.ACCELERATED, "Sélectionnée", inCohort, "coord", T0).maturity())
                .isEqualTo(Maturity.ACCELERATED);
    }

    @Test
    void replicationAndSustainabilityNeedLiveReplicationsACostAnOpenCommonsAndAYear() {
        MaturityFacts inCohort = new MaturityFacts(Optional.of(UUID.randomUUID()), 0);
        Initiative accelerated = experiment(List.of(evaluated("40", "62", EVALUATED)))
                .advance(Maturity.VALIDATED, "ok", NONE, "coord", T0)
                .advance(Maturity.ACCELERATED, "ok", inCohort, "coord", T0);
        assertRefused(() -> accelerated.advance(Maturity.REPLICATED, "ok", inCohort, "coord", T0), "réplication");
        Initiative replicated = accelerated.advance(Maturity.REPLICATED, "ok",
                new MaturityFacts(inCohort.cohortId(), 1), "coord", T0);

        MaturityFacts two = new MaturityFacts(inCohort.cohortId(), 2);
        assertRefused(() -> replicated.advance(Maturity.SUSTAINED, "ok", new MaturityFacts(inCohort.cohortId(), 1),
                "coord", T0.plus(Duration.ofDays(400))), "2 réplications");
        assertRefused(() -> replicated.advance(Maturity.SUSTAINED, "ok", two, "coord", T0.plus(Duration.ofDays(364))),
                "365 jours");
        Initiative noCost = replicated.describe(Fixtures.content(replicated.indicators(), Fixtures.completeKit(), null,
                replicated.commons()), T0);
        assertRefused(() -> noCost.advance(Maturity.SUSTAINED, "ok", two, "coord", T0.plus(Duration.ofDays(400))),
                "coût");
        Instant later = T0.plus(Duration.ofDays(365));
        Initiative sustained = replicated.advance(Maturity.SUSTAINED, "Pérenne", two, "coord", later);
        assertThat(sustained.maturity()).isEqualTo(Maturity.SUSTAINED);
        assertThat(sustained.steps()).extracting(MaturityStep::to).containsExactly(Maturity.VALIDATED,
                Maturity.ACCELERATED, Maturity.REPLICATED, Maturity.SUSTAINED);
        assertRefused(() -> sustained.advance(Maturity.SUSTAINED, "encore", two, "coord", later), "dernier");
    }

    @Test
    void stepsAreTakenOneAtATimeAndNeedAJustification() {
        Initiative proven = experiment(List.of(evaluated("40", "62", EVALUATED)));
        assertThatThrownBy(() -> proven.advance(Maturity.ACCELERATED, "ok", NONE, "coord", T0))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("etape-suivante-uniquement"));
        assertThatThrownBy(() -> proven.advance(Maturity.VALIDATED, " ", NONE, "coord", T0))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("justification"));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable step, String missing) {
        assertThatThrownBy(step).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.getMessage()).contains(missing);
            assertThat(e.isInvalidInput()).isFalse();
        });
    }
}
