package fr.dataterritoires.exchanges.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Overlap (what double booking means) agrees with counting the shared days, whatever the ranges. */
class DateRangePropertiesTest {

    private static final LocalDate ORIGIN = LocalDate.of(2027, 1, 1);

    @Property
    void overlapIsSymmetricAndMeansASharedDay(@ForAll @IntRange(min = 0, max = 200) int s1,
                                              @ForAll @IntRange(min = 0, max = 100) int l1,
                                              @ForAll @IntRange(min = 0, max = 200) int s2,
                                              @ForAll @IntRange(min = 0, max = 100) int l2) {
        DateRange a = new DateRange(ORIGIN.plusDays(s1), ORIGIN.plusDays(s1 + l1));
        DateRange b = new DateRange(ORIGIN.plusDays(s2), ORIGIN.plusDays(s2 + l2));
        boolean sharedDay = false;
        for (LocalDate d = a.start(); !d.isAfter(a.end()); d = d.plusDays(1)) {
            if (!d.isBefore(b.start()) && !d.isAfter(b.end())) {
                sharedDay = true;
                break;
            }
        }
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a)).isEqualTo(sharedDay);
        assertThat(a.days()).isEqualTo(l1 + 1);
        assertThat(a.contains(b)).isEqualTo(!b.start().isBefore(a.start()) && !b.end().isAfter(a.end()));
    }
}
