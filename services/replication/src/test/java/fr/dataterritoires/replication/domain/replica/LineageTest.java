package fr.dataterritoires.replication.domain.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.TerritoryRef;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Lineage stays a tree: a replication never descends from itself, however it is re-parented. */
class LineageTest {

    static final UUID INITIATIVE = UUID.randomUUID();
    static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    static Replication replica(UUID basedOn) {
        return Replication.interest(UUID.randomUUID(), INITIATIVE, basedOn, "200046977",
                Set.of(TerritoryRef.parse("69123", "t")), DAY);
    }

    @Test
    void aCycleIsRefusedAtAnyDepth() {
        Replication a = replica(null);
        Replication b = replica(a.id());
        Replication c = replica(b.id());
        Map<UUID, Replication> all = Map.of(a.id(), a, b.id(), b, c.id(), c);
        assertThatThrownBy(() -> Lineage.requireAcyclic(a, c.id(), id -> Optional.ofNullable(all.get(id))))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("lignee-cyclique");
                    assertThat(e.field()).isEqualTo("basedOn");
                });
        assertThatThrownBy(() -> Lineage.requireAcyclic(b, c.id(), id -> Optional.ofNullable(all.get(id))))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> a.rebasedOn(a.id())).isInstanceOf(RuleViolation.class);
        // a sibling branch is fine
        Replication d = replica(a.id());
        Map<UUID, Replication> more = new HashMap<>(all);
        more.put(d.id(), d);
        Lineage.requireAcyclic(c, d.id(), id -> Optional.ofNullable(more.get(id)));
        assertThat(Lineage.depth(c.id(), all)).isEqualTo(3);
    }

    @Test
    void aParentOfAnotherInitiativeIsRefused() {
        Replication other = Replication.interest(UUID.randomUUID(), UUID.randomUUID(), null, "200046977",
                Set.of(TerritoryRef.parse("69123", "t")), DAY);
        Replication a = replica(null);
        assertThatThrownBy(() -> Lineage.requireAcyclic(a, other.id(), id -> Optional.of(other)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("lignee-autre-initiative"));
    }

    /** Any sequence of re-parentings: accepted ones keep a forest, refused ones would have closed a cycle. */
    @Property(tries = 200)
    void reparentingKeepsAForest(@ForAll @IntRange(min = 2, max = 12) int n,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 143) Integer> moves) {
        Map<UUID, Replication> all = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Replication r = replica(i == 0 ? null : ids.get(i - 1));
            all.put(r.id(), r);
            ids.add(r.id());
        }
        for (int move : moves) {
            UUID child = ids.get(move % n);
            UUID parent = ids.get((move / n) % n);
            boolean wouldCycle = isAncestorOrSelf(child, parent, all);
            try {
                Lineage.requireAcyclic(all.get(child), parent, id -> Optional.ofNullable(all.get(id)));
                assertThat(wouldCycle).isFalse();
                all.put(child, all.get(child).rebasedOn(parent));
            } catch (RuleViolation refused) {
                assertThat(wouldCycle).isTrue();
            }
            for (UUID id : ids) {
                assertThat(Lineage.depth(id, all)).isLessThanOrEqualTo(n);
            }
        }
    }

    /** Whether {@code candidate} is {@code node} or below it, by walking down (independent of Lineage's walk up). */
    private static boolean isAncestorOrSelf(UUID node, UUID candidate, Map<UUID, Replication> all) {
        Set<UUID> below = new HashSet<>();
        below.add(node);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Replication r : all.values()) {
                if (r.basedOn() != null && below.contains(r.basedOn()) && below.add(r.id())) {
                    grew = true;
                }
            }
        }
        return below.contains(candidate);
    }
}
