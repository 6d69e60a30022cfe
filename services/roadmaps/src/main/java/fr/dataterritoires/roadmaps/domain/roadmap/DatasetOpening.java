package fr.dataterritoires.roadmaps.domain.roadmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Automatic progress of the items that promise to open or share a catalogue dataset (ADR 0007 addendum): once the
 * catalogue reports the dataset at the item's target access level or a more open one (OPEN opens more than SHARED,
 * which opens more than RESTRICTED), the item is done — COMPLETED at 100 % — with a milestone saying so. Items already
 * completed or abandoned are left alone, so a repeated or later report changes nothing; a report of a less open level
 * changes nothing either (an item never goes back by itself on a report).
 *
 * <p>The one way back is the catalogue losing the dataset ({@code DatasetWithdrawn}: no source carries it any more):
 * the items it had completed are no longer met, so they go back to IN_PROGRESS with a milestone, not done, saying
 * so; when a source publishes the dataset again, the next report completes them again.
 */
public final class DatasetOpening {

    private static final Map<AccessLevel, Integer> OPENNESS = Map.of(AccessLevel.RESTRICTED, 0, AccessLevel.SHARED, 1,
            AccessLevel.OPEN, 2);

    private DatasetOpening() {
    }

    /** Whether a dataset at {@code actual} meets a target of {@code target}. */
    public static boolean reaches(AccessLevel actual, AccessLevel target) {
        return OPENNESS.get(actual) >= OPENNESS.get(target);
    }

    /** The items of {@code roadmap} that the dataset {@code catalogueId}, now at {@code level}, completes. */
    public static List<Item> completedBy(Roadmap roadmap, String catalogueId, AccessLevel level) {
        List<Item> completed = new ArrayList<>();
        for (Item item : roadmap.items()) {
            if (item.content() instanceof ItemContent.DatasetToOpen d && catalogueId.equals(d.catalogueDatasetId())
                    && item.status() != ItemStatus.COMPLETED && item.status() != ItemStatus.ABANDONED
                    && reaches(level, d.targetAccessLevel())) {
                completed.add(item);
            }
        }
        return completed;
    }

    /**
     * Completes {@code item} in {@code roadmap} (tracking, open in every status): COMPLETED, 100 % (or its sub-items'
     * roll-up when it has some), and a done milestone dated {@code on}, when the item has room for one more.
     */
    public static Item complete(Roadmap roadmap, Item item, AccessLevel level, LocalDate on) {
        List<Milestone> milestones = new ArrayList<>(item.milestones());
        if (milestones.size() < Milestone.MAX) {
            milestones.add(new Milestone(on, milestoneTitle(level), true));
        }
        return roadmap.track(item.id(), ItemStatus.COMPLETED, null, milestones);
    }

    static String milestoneTitle(AccessLevel level) {
        return switch (level) {
            case OPEN -> "Jeu de données publié en accès ouvert (catalogue)";
            case SHARED -> "Jeu de données partagé dans un espace commun (catalogue)";
            case RESTRICTED -> "Jeu de données référencé en accès restreint (catalogue)";
        };
    }

    /** The items of {@code roadmap} that the withdrawal of the dataset {@code catalogueId} reopens: the completed ones. */
    public static List<Item> reopenedBy(Roadmap roadmap, String catalogueId) {
        List<Item> reopened = new ArrayList<>();
        for (Item item : roadmap.items()) {
            if (item.content() instanceof ItemContent.DatasetToOpen d && catalogueId.equals(d.catalogueDatasetId())
                    && item.status() == ItemStatus.COMPLETED) {
                reopened.add(item);
            }
        }
        return reopened;
    }

    /**
     * Reopens {@code item} in {@code roadmap}: IN_PROGRESS at that status's progress (or its sub-items' roll-up), and a
     * milestone not done, dated {@code on}, saying the dataset left the catalogue, when the item has room for one more.
     */
    public static Item reopen(Roadmap roadmap, Item item, LocalDate on) {
        List<Milestone> milestones = new ArrayList<>(item.milestones());
        if (milestones.size() < Milestone.MAX) {
            milestones.add(new Milestone(on, WITHDRAWN_MILESTONE, false));
        }
        return roadmap.track(item.id(), ItemStatus.IN_PROGRESS, null, milestones);
    }

    static final String WITHDRAWN_MILESTONE =
            "Jeu de données retiré du catalogue : plus aucune source ne le publie (à republier)";
}
