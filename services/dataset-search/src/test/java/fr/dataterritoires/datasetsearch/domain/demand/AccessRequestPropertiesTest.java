package fr.dataterritoires.datasetsearch.domain.demand;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The access request's state machine and its legal deadline, over random histories and dates. */
class AccessRequestPropertiesTest {

    enum Action { ACKNOWLEDGE, GRANT, REFUSE, REFUSE_BLANK, WITHDRAW, IMPLICIT }

    @Property(tries = 500)
    void noTransitionLeavesAFinalStateAndEveryStepIsLegal(@ForAll("histories") List<Action> actions,
                                                          @ForAll @IntRange(min = 0, max = 90) int daysLater) {
        Instant submitted = Instant.parse("2026-01-15T09:00:00Z");
        AccessRequest request = AccessRequestTest.submitted(submitted);
        Instant at = submitted.plus(Duration.ofDays(daysLater));
        for (Action action : actions) {
            AccessRequestState before = request.state();
            boolean overdue = request.isOverdue(at);
            boolean accepted;
            try {
                apply(request, action, at);
                accepted = true;
            } catch (RuleViolation refused) {
                accepted = false;
                assertThat(request.state()).as("a refused command changes nothing").isEqualTo(before);
            }
            if (before.isFinal()) {
                assertThat(accepted).as("%s out of final state %s", action, before).isFalse();
                continue;
            }
            AccessRequestState expected = switch (action) {
                case ACKNOWLEDGE -> before == AccessRequestState.SUBMITTED ? AccessRequestState.ACKNOWLEDGED : null;
                case GRANT -> AccessRequestState.GRANTED;
                case REFUSE -> AccessRequestState.REFUSED;
                case REFUSE_BLANK -> null;
                case WITHDRAW -> AccessRequestState.WITHDRAWN;
                case IMPLICIT -> overdue ? AccessRequestState.IMPLICITLY_REFUSED : null;
            };
            assertThat(accepted).as("%s from %s", action, before).isEqualTo(expected != null);
            if (expected != null) {
                assertThat(request.state()).isEqualTo(expected);
            }
            if (request.state().isFinal()) {
                assertThat(request.answeredAt()).isEqualTo(at);
                assertThat(request.isOverdue(at.plus(Duration.ofDays(400)))).isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void theDeadlineIsTheSameDayNextMonthOrItsLastDay(@ForAll("days") LocalDate received,
                                                       @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        Instant at = received.atTime(LocalTime.ofSecondOfDay(secondOfDay)).atZone(AnswerDeadline.LEGAL_ZONE).toInstant();
        LocalDate deadline = AnswerDeadline.of(at);
        YearMonth next = YearMonth.from(received).plusMonths(1);
        assertThat(YearMonth.from(deadline)).isEqualTo(next);
        assertThat(deadline.getDayOfMonth()).isEqualTo(Math.min(received.getDayOfMonth(), next.lengthOfMonth()));
        assertThat(deadline).isAfter(received);
        // on time through the deadline day (Paris), late from the next day's first second
        Instant lastMoment = deadline.plusDays(1).atStartOfDay(AnswerDeadline.LEGAL_ZONE).toInstant().minusSeconds(1);
        assertThat(AnswerDeadline.isPast(deadline, lastMoment)).isFalse();
        assertThat(AnswerDeadline.isPast(deadline, lastMoment.plusSeconds(1))).isTrue();
        assertThat(AnswerDeadline.daysLeft(deadline, at)).isBetween(28L, 31L);
    }

    @Provide
    Arbitrary<List<Action>> histories() {
        return Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 12).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
    }

    private static void apply(AccessRequest request, Action action, Instant at) {
        switch (action) {
            case ACKNOWLEDGE -> request.acknowledge(at);
            case GRANT -> request.grant(at);
            case REFUSE -> request.refuse("Secret des affaires", at);
            case REFUSE_BLANK -> request.refuse(" ", at);
            case WITHDRAW -> request.withdraw(at);
            case IMPLICIT -> request.refuseImplicitly(at);
        }
    }

}
