package fr.dataterritoires.roadmaps.domain.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** A roadmap's period (issue 11 §2): accepted exactly when 2000 ≤ start ≤ end ≤ 2100 and it spans at most 10 years. */
class PeriodPropertiesTest {

    @Property(tries = 1000)
    void aPeriodIsAcceptedExactlyWhenItsYearsAreSensible(@ForAll int start, @ForAll int end) {
        boolean valid = start >= 2000 && end <= 2100 && start <= end && (long) end - start < Period.MAX_YEARS;
        Throwable refused = catchThrowable(() -> new Period(start, end));
        assertThat(refused == null).as(start + "-" + end).isEqualTo(valid);
        if (refused != null) {
            assertThat(refused).isInstanceOf(RuleViolation.class);
            assertThat(((RuleViolation) refused).field()).startsWith("period.");
        }
    }

    @Property(tries = 300)
    void nearbyYearsAreMostlyValid(@ForAll @net.jqwik.api.constraints.IntRange(min = 1990, max = 2110) int start,
                                   @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 12) int span) {
        int end = start + span;
        boolean valid = start >= 2000 && end <= 2100 && span < Period.MAX_YEARS;
        Throwable refused = catchThrowable(() -> new Period(start, end));
        assertThat(refused == null).as(start + "-" + end).isEqualTo(valid);
        if (valid) {
            assertThat(new Period(start, end).label()).isEqualTo(span == 0 ? "" + start : start + "-" + end);
        }
    }
}
