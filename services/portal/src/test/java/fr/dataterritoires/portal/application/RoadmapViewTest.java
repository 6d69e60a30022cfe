package fr.dataterritoires.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.portal.application.RoadmapView.Item;
import fr.dataterritoires.portal.application.RoadmapView.Placed;

/** The items' tree, as the roadmap tables list it. */
class RoadmapViewTest {

    @Test
    void eachItemIsFollowedBySubItemsDepthFirstSiblingsInTheServicesOrder() {
        Item top = item("Cas d'usage", null);
        Item first = item("Premier sous-élément", top.id());
        Item second = item("Second sous-élément", top.id());
        Item below = item("Sous-sous-élément", first.id());
        Item other = item("Autre élément", null);
        // the service's order puts sub-items before their parents and interleaves them
        RoadmapView roadmap = roadmap(first, top, other, second, below);

        assertThat(roadmap.itemsAsTree()).extracting(p -> p.item().title(), Placed::depth).containsExactly(
                tuple("Cas d'usage", 0), tuple("Premier sous-élément", 1), tuple("Sous-sous-élément", 2),
                tuple("Second sous-élément", 1), tuple("Autre élément", 0));
    }

    @Test
    void anItemWhoseParentIsMissingStandsAtTheTopInItsPlace() {
        Item top = item("Premier", null);
        Item orphan = item("Orphelin", UUID.randomUUID());
        Item last = item("Dernier", null);

        assertThat(roadmap(top, orphan, last).itemsAsTree()).extracting(p -> p.item().title(), Placed::depth)
                .containsExactly(tuple("Premier", 0), tuple("Orphelin", 0), tuple("Dernier", 0));
    }

    @Test
    void itemsCaughtInALoopAreStillListedOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Item first = item(a, "A", b);
        Item second = item(b, "B", a);
        Item self = item("Lui-même", null);
        Item selfParent = item(self.id(), "Lui-même", self.id());

        assertThat(roadmap(first, second).itemsAsTree()).extracting(p -> p.item().title(), Placed::depth)
                .containsExactly(tuple("A", 0), tuple("B", 1));
        assertThat(roadmap(selfParent).itemsAsTree()).extracting(Placed::depth).containsExactly(0);
    }

    @Test
    void noItemsNoTree() {
        assertThat(roadmap().itemsAsTree()).isEmpty();
    }

    private static RoadmapView roadmap(Item... items) {
        return new RoadmapView(UUID.randomUUID(), "COMMITTEE", "84", null, 2027, 2029, "Feuille de route", "DRAFT",
                0, 0, null, null, null, null, null, List.of(items));
    }

    private static Item item(String title, UUID parentId) {
        return item(UUID.randomUUID(), title, parentId);
    }

    private static Item item(UUID id, String title, UUID parentId) {
        return new Item(id, "USE_CASE", title, null, parentId, 1, "PLANNED", 0, 0, null, null, null);
    }
}
