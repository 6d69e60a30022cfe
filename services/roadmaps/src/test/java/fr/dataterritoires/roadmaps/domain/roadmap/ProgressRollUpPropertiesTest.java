package fr.dataterritoires.roadmaps.domain.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/** The roll-up of progress over trees of items (ADR 0007). */
class ProgressRollUpPropertiesTest {

    /** One generated item: the index of its parent among the earlier ones (or -1), weight, status, progress. */
    record Spec(int parent, int weight, ItemStatus status, int progress) {
    }

    @Property(tries = 300)
    void aParentLiesBetweenItsCountedChildrenAndEverythingStaysAPercentage(@ForAll("trees") List<Spec> specs) {
        List<Item> items = build(specs);
        ProgressRollUp rollUp = new ProgressRollUp(items);
        for (Item item : items) {
            int value = rollUp.progressOf(item.id());
            assertThat(value).isBetween(0, 100);
            List<Item> counted = items.stream().filter(i -> item.id().equals(i.parentId()))
                    .filter(i -> i.status() != ItemStatus.ABANDONED).toList();
            if (counted.isEmpty()) {
                assertThat(value).as("leaf or only abandoned children: its own progress").isEqualTo(item.progress());
            } else {
                int min = counted.stream().mapToInt(c -> rollUp.progressOf(c.id())).min().orElseThrow();
                int max = counted.stream().mapToInt(c -> rollUp.progressOf(c.id())).max().orElseThrow();
                assertThat(value).isBetween(min, max);
            }
        }
        assertThat(rollUp.overall()).isBetween(0, 100);
    }

    @Property(tries = 200)
    void scalingEveryWeightChangesNothing(@ForAll("trees") List<Spec> specs, @ForAll @IntRange(min = 2, max = 3) int k) {
        List<Spec> scaled = specs.stream().map(s -> new Spec(s.parent(), Math.min(100, s.weight() * k), s.status(),
                s.progress())).toList();
        // only meaningful when no weight was capped
        if (specs.stream().allMatch(s -> s.weight() * k <= 100)) {
            List<Item> a = build(specs);
            List<Item> b = build(scaled);
            ProgressRollUp ra = new ProgressRollUp(a);
            ProgressRollUp rb = new ProgressRollUp(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(rb.progressOf(b.get(i).id())).isEqualTo(ra.progressOf(a.get(i).id()));
            }
        }
    }

    @Property(tries = 200)
    void childrenAllAtTheSameProgressGiveTheirParentThatProgress(@ForAll @IntRange(max = 100) int p,
                                                                  @ForAll @IntRange(min = 1, max = 8) int n) {
        UUID parent = UUID.randomUUID();
        List<Item> items = new ArrayList<>();
        items.add(Item.create(parent, "parent", null, null, 1, Fixtures.line("1.00").content(), ItemStatus.PLANNED, 0,
                List.of()));
        for (int i = 0; i < n; i++) {
            items.add(Item.create(UUID.randomUUID(), "enfant " + i, null, parent, i + 1, Fixtures.line("1.00").content(),
                    p == 100 ? ItemStatus.COMPLETED : ItemStatus.IN_PROGRESS, p, List.of()));
        }
        assertThat(new ProgressRollUp(items).progressOf(parent)).isEqualTo(p);
    }

    @Test
    void weightedAverageRoundedHalfUpAndAbandonedLeftOut() {
        UUID parent = UUID.randomUUID();
        List<Item> items = List.of(
                Item.create(parent, "parent", null, null, 1, Fixtures.line("1.00").content(), null, 0, List.of()),
                Item.create(UUID.randomUUID(), "a", null, parent, 1, Fixtures.line("1.00").content(), ItemStatus.COMPLETED, null, List.of()),
                Item.create(UUID.randomUUID(), "b", null, parent, 2, Fixtures.line("1.00").content(), ItemStatus.IN_PROGRESS, 25, List.of()),
                Item.create(UUID.randomUUID(), "c", null, parent, 5, Fixtures.line("1.00").content(), ItemStatus.ABANDONED, 0, List.of()));
        // (1×100 + 2×25) / 3 = 50
        assertThat(new ProgressRollUp(items).progressOf(parent)).isEqualTo(50);
        List<Item> odd = List.of(items.get(0), items.get(1),
                Item.create(UUID.randomUUID(), "d", null, parent, 1, Fixtures.line("1.00").content(), null, 0, List.of()),
                Item.create(UUID.randomUUID(), "e", null, parent, 1, Fixtures.line("1.00").content(), null, 0, List.of()));
        // (100 + 0 + 0) / 3 = 33.33 → 33
        assertThat(new ProgressRollUp(odd).progressOf(parent)).isEqualTo(33);
        assertThat(ItemStatus.IN_STUDY.defaultProgress().getAsInt()).isEqualTo(10);
    }

    @Provide
    Arbitrary<List<Spec>> trees() {
        return Arbitraries.integers().between(1, 25).flatMap(n -> {
            List<Arbitrary<Spec>> specs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Arbitrary<Integer> parent = i == 0 ? Arbitraries.just(-1) : Arbitraries.integers().between(-1, i - 1);
                specs.add(Combinators.combine(parent, Arbitraries.integers().between(1, 100),
                        Arbitraries.of(ItemStatus.class), Arbitraries.integers().between(0, 100))
                        .as((p, w, s, g) -> new Spec(p, w, s, s == ItemStatus.COMPLETED ? 100 : g)));
            }
            return Combinators.combine(specs).as(List::copyOf);
        });
    }

    private static List<Item> build(List<Spec> specs) {
        List<UUID> ids = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Spec s : specs) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            items.add(new Item(id, "élément", null, s.parent() < 0 ? null : ids.get(s.parent()), s.weight(),
                    Fixtures.line("1.00").content(), s.status(), s.progress(), List.of(), null));
        }
        return items;
    }
}
