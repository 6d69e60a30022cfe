package fr.dataterritoires.portal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The portal reads a paged list to its end: nothing past the first page is lost, and it stops at a short page. */
class EveryPageTest {

    @Test
    void everyItemIsReadAcrossPagesAndTheReadingStopsAtTheFirstShortPage() {
        List<Integer> items = IntStream.range(0, 451).boxed().toList();
        List<Integer> offsets = new ArrayList<>();
        List<Integer> read = EveryPage.read(200, (limit, offset) -> {
            offsets.add(offset);
            return items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size()));
        });
        assertThat(read).containsExactlyElementsOf(items);
        assertThat(offsets).containsExactly(0, 200, 400);
    }

    @Test
    void aListThatFillsItsLastPageExactlyAsksOnceMoreAndGetsNothing() {
        List<Integer> items = IntStream.range(0, 400).boxed().toList();
        List<Integer> offsets = new ArrayList<>();
        List<Integer> read = EveryPage.read(200, (limit, offset) -> {
            offsets.add(offset);
            return items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size()));
        });
        assertThat(read).hasSize(400);
        assertThat(offsets).containsExactly(0, 200, 400);
    }

    @Test
    void theReadingStopsAtTheServicesLargestOffset() {
        List<Integer> offsets = new ArrayList<>();
        EveryPage.read(500, (limit, offset) -> {
            offsets.add(offset);
            return IntStream.range(0, limit).boxed().toList();
        });
        assertThat(offsets.getLast()).isEqualTo(EveryPage.MAX_OFFSET);
    }
}
