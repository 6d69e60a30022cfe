package fr.dataterritoires.replication.domain.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.TerritoryRef;

/** interested → planned → in progress → live, dated; or abandoned with a reason, until live. */
class ReplicationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    Replication interested() {
        return Replication.interest(UUID.randomUUID(), UUID.randomUUID(), null, "200046977",
                Set.of(TerritoryRef.parse("38185", "t")), TODAY.minusDays(90));
    }

    @Test
    void goesLiveStepByStepWithItsDates() {
        Replication r = interested();
        assertThatThrownBy(() -> r.advance(ReplicationStatus.LIVE, TODAY, TODAY))
                .isInstanceOf(RuleViolation.StateConflict.class);
        Replication planned = r.advance(ReplicationStatus.PLANNED, TODAY.minusDays(60), TODAY);
        Replication started = planned.advance(ReplicationStatus.IN_PROGRESS, TODAY.minusDays(30), TODAY);
        assertThatThrownBy(() -> started.advance(ReplicationStatus.LIVE, TODAY.minusDays(31), TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("on"));
        assertThatThrownBy(() -> started.advance(ReplicationStatus.LIVE, TODAY.plusDays(1), TODAY))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("futur");
        Replication live = started.advance(ReplicationStatus.LIVE, TODAY, TODAY);
        assertThat(live.isLive()).isTrue();
        assertThat(live.liveOn()).isEqualTo(TODAY);
        assertThat(live.version()).isEqualTo(3);
        assertThatThrownBy(() -> live.abandon("trop cher", TODAY))
                .isInstanceOf(RuleViolation.StateConflict.class);
    }

    @Test
    void abandoningNeedsAReason() {
        Replication r = interested().advance(ReplicationStatus.PLANNED, TODAY.plusDays(30), TODAY);
        assertThatThrownBy(() -> r.abandon("  ", TODAY)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        Replication abandoned = r.abandon("Budget non voté", TODAY);
        assertThat(abandoned.status()).isEqualTo(ReplicationStatus.ABANDONED);
        assertThat(abandoned.abandonReason()).isEqualTo("Budget non voté");
        assertThatThrownBy(() -> abandoned.advance(ReplicationStatus.IN_PROGRESS, TODAY, TODAY))
                .isInstanceOf(RuleViolation.StateConflict.class);
    }
}
