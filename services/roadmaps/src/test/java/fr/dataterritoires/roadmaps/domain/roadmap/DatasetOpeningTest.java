package fr.dataterritoires.roadmaps.domain.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.territory.Siren;

class DatasetOpeningTest {

    private static final LocalDate ON = LocalDate.of(2027, 5, 4);

    @Test
    void openReachesEveryTargetSharedReachesSharedAndRestrictedRestrictedOnly() {
        assertThat(DatasetOpening.reaches(AccessLevel.OPEN, AccessLevel.OPEN)).isTrue();
        assertThat(DatasetOpening.reaches(AccessLevel.OPEN, AccessLevel.SHARED)).isTrue();
        assertThat(DatasetOpening.reaches(AccessLevel.OPEN, AccessLevel.RESTRICTED)).isTrue();
        assertThat(DatasetOpening.reaches(AccessLevel.SHARED, AccessLevel.OPEN)).isFalse();
        assertThat(DatasetOpening.reaches(AccessLevel.SHARED, AccessLevel.SHARED)).isTrue();
        assertThat(DatasetOpening.reaches(AccessLevel.RESTRICTED, AccessLevel.SHARED)).isFalse();
        assertThat(DatasetOpening.reaches(AccessLevel.RESTRICTED, AccessLevel.RESTRICTED)).isTrue();
    }

    @Test
    void onlyOpenItemsNamingTheDatasetAtAReachedTargetAreCompleted() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item open = roadmap.addItem(dataset("jeu-a", AccessLevel.OPEN, ItemStatus.IN_PROGRESS));
        Item shared = roadmap.addItem(dataset("jeu-a", AccessLevel.SHARED, ItemStatus.PLANNED));
        Item abandoned = roadmap.addItem(dataset("jeu-a", AccessLevel.SHARED, ItemStatus.ABANDONED));
        Item other = roadmap.addItem(dataset("jeu-b", AccessLevel.SHARED, ItemStatus.PLANNED));
        roadmap.addItem(dataset(null, AccessLevel.SHARED, ItemStatus.PLANNED));

        assertThat(DatasetOpening.completedBy(roadmap, "jeu-a", AccessLevel.SHARED)).containsExactly(shared);
        assertThat(DatasetOpening.completedBy(roadmap, "jeu-a", AccessLevel.OPEN)).containsExactly(open, shared);
        assertThat(DatasetOpening.completedBy(roadmap, "jeu-a", AccessLevel.RESTRICTED)).isEmpty();

        Item done = DatasetOpening.complete(roadmap, open, AccessLevel.OPEN, ON);
        assertThat(done.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.milestones()).containsExactly(new Milestone(ON,
                "Jeu de données publié en accès ouvert (catalogue)", true));
        assertThat(roadmap.item(open.id())).isEqualTo(done);
        // done once: a later report finds nothing to complete
        assertThat(DatasetOpening.completedBy(roadmap, "jeu-a", AccessLevel.OPEN)).containsExactly(shared);
        assertThat(roadmap.item(abandoned.id()).status()).isEqualTo(ItemStatus.ABANDONED);
        assertThat(roadmap.item(other.id()).status()).isEqualTo(ItemStatus.PLANNED);
    }

    @Test
    void anItemWithNoRoomForAnotherMilestoneIsCompletedWithoutOne() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        List<Milestone> full = new ArrayList<>();
        for (int i = 0; i < Milestone.MAX; i++) {
            full.add(new Milestone(ON.minusDays(i), "Étape " + i, false));
        }
        Item item = roadmap.addItem(Item.create(UUID.randomUUID(), "Réseaux de chaleur", null, null, null,
                content("jeu-a", AccessLevel.OPEN), ItemStatus.PLANNED, null, full));
        Item done = DatasetOpening.complete(roadmap, item, AccessLevel.OPEN, ON);
        assertThat(done.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(done.milestones()).hasSize(Milestone.MAX);
    }

    @Test
    void anItemWithSubItemsIsCompletedItsProgressStillRollingUp() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item parent = roadmap.addItem(dataset("jeu-a", AccessLevel.OPEN, ItemStatus.PLANNED));
        roadmap.addItem(Item.create(UUID.randomUUID(), "Sous-jeu", null, parent.id(), null,
                content(null, AccessLevel.OPEN), ItemStatus.PLANNED, null, List.of()));
        Item done = DatasetOpening.complete(roadmap, parent, AccessLevel.OPEN, ON);
        assertThat(done.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(roadmap.rollUp().progressOf(parent.id())).isZero();
    }

    @Test
    void aWithdrawalReopensOnlyTheCompletedItemsNamingTheDatasetUntilItIsReportedAgain() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item completed = roadmap.addItem(dataset("jeu-a", AccessLevel.OPEN, ItemStatus.PLANNED));
        Item planned = roadmap.addItem(dataset("jeu-a", AccessLevel.OPEN, ItemStatus.PLANNED));
        Item abandoned = roadmap.addItem(dataset("jeu-a", AccessLevel.OPEN, ItemStatus.ABANDONED));
        Item other = roadmap.addItem(dataset("jeu-b", AccessLevel.OPEN, ItemStatus.COMPLETED));
        DatasetOpening.complete(roadmap, completed, AccessLevel.OPEN, ON);

        assertThat(DatasetOpening.reopenedBy(roadmap, "jeu-a")).extracting(Item::id).containsExactly(completed.id());
        Item reopened = DatasetOpening.reopen(roadmap, roadmap.item(completed.id()), ON.plusDays(3));
        assertThat(reopened.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(reopened.progress()).isEqualTo(50);
        assertThat(reopened.milestones()).containsExactly(
                new Milestone(ON, "Jeu de données publié en accès ouvert (catalogue)", true),
                new Milestone(ON.plusDays(3), DatasetOpening.WITHDRAWN_MILESTONE, false));
        assertThat(roadmap.item(planned.id()).status()).isEqualTo(ItemStatus.PLANNED);
        assertThat(roadmap.item(abandoned.id()).status()).isEqualTo(ItemStatus.ABANDONED);
        assertThat(roadmap.item(other.id()).status()).isEqualTo(ItemStatus.COMPLETED);
        // reopened once: a repeated withdrawal finds nothing; the next report completes it again
        assertThat(DatasetOpening.reopenedBy(roadmap, "jeu-a")).isEmpty();
        assertThat(DatasetOpening.completedBy(roadmap, "jeu-a", AccessLevel.OPEN)).extracting(Item::id)
                .contains(completed.id());
    }

    private static Item dataset(String catalogueId, AccessLevel target, ItemStatus status) {
        return Item.create(UUID.randomUUID(), "Jeu " + catalogueId, null, null, null, content(catalogueId, target),
                status, null, List.of());
    }

    private static ItemContent.DatasetToOpen content(String catalogueId, AccessLevel target) {
        return new ItemContent.DatasetToOpen(catalogueId, target, LocalDate.of(2027, 6, 30), new Siren("200046977"),
                PriorityOrigin.LOCAL);
    }
}
