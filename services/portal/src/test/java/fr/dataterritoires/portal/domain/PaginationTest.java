package fr.dataterritoires.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PaginationTest {

    @Property
    void theWindowHoldsTheCurrentPageAndOnlyReachablePages(@ForAll @LongRange(max = 1_000_000) long total,
                                                            @ForAll @IntRange(min = 1, max = 100) int size,
                                                            @ForAll @IntRange(min = -5, max = 20_000) int asked) {
        Pagination p = Pagination.of(total, size, asked);
        long reachable = Math.min(total, Pagination.MAX_WINDOW);
        assertThat(p.lastPage()).isEqualTo(Math.max(1, (int) ((reachable + size - 1) / size)));
        assertThat(p.current()).isBetween(1, p.lastPage());
        assertThat(p.window()).contains(p.current()).hasSizeBetween(1, 5).isSorted()
                .allSatisfy(n -> assertThat(n).isBetween(1, p.lastPage()));
        assertThat(p.window()).hasSize(Math.min(5, p.lastPage()));
        assertThat(p.hasPrevious()).isEqualTo(p.current() > 1);
        assertThat(p.hasNext()).isEqualTo(p.current() < p.lastPage());
    }
}
