package fr.dataterritoires.roadmaps.domain.roadmap;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * One entry of a roadmap: a title, its content by kind, an optional parent (sub-items roll their progress up to it,
 * with their weight), its execution tracking (status, progress 0-100, milestones) and, once arbitrated, its grant.
 * Immutable: the roadmap replaces an item to change it.
 */
public record Item(UUID id, String title, String description, UUID parentId, int weight, ItemContent content,
                   ItemStatus status, int progress, List<Milestone> milestones, Grant grant) {

    public static final int TITLE_MAX = 500;
    public static final int DESCRIPTION_MAX = 8000;
    public static final int WEIGHT_MAX = 100;

    public Item {
        Objects.requireNonNull(id, "id");
        title = Checks.required(title, "title", TITLE_MAX);
        description = Checks.optional(description, "description", DESCRIPTION_MAX);
        if (weight < 1 || weight > WEIGHT_MAX) {
            throw RuleViolation.invalid("weight", "Le poids (weight) d'un élément est compris entre 1 et "
                    + WEIGHT_MAX + ".");
        }
        Checks.notNull(content, "kind");
        Checks.notNull(status, "status");
        checkProgress(progress);
        if (status == ItemStatus.COMPLETED && progress != 100) {
            throw RuleViolation.invalid("progress", "Un élément terminé (COMPLETED) est avancé à 100 %.");
        }
        milestones = Checks.list(milestones, "milestones", Milestone.MAX);
        if (parentId != null && parentId.equals(id)) {
            throw RuleViolation.invalid("parentId", "Un élément ne peut pas être son propre parent.");
        }
        if (grant != null && !content.kind().isArbitrated()) {
            throw RuleViolation.invalid("grant", "Seuls les lignes financières et les actions sont arbitrées.");
        }
    }

    /**
     * A new item: the status defaults to PLANNED, the progress to the status's default.
     *
     * @param progress null for the status's default
     */
    public static Item create(UUID id, String title, String description, UUID parentId, Integer weight,
                              ItemContent content, ItemStatus status, Integer progress, List<Milestone> milestones) {
        ItemStatus s = status == null ? ItemStatus.PLANNED : status;
        int p = progress != null ? progress : s.defaultProgress().orElse(0);
        return new Item(id, title, description, parentId, weight == null ? 1 : weight, content, s, p, milestones, null);
    }

    public static void checkProgress(int progress) {
        if (progress < 0 || progress > 100) {
            throw RuleViolation.invalid("progress", "L'avancement (progress) est un pourcentage entre 0 et 100 : "
                    + progress + ".");
        }
    }

    public ItemKind kind() {
        return content.kind();
    }

    /** The same item with new tracking: a status alone sets its default progress. */
    public Item tracked(ItemStatus newStatus, Integer newProgress, List<Milestone> newMilestones) {
        ItemStatus s = newStatus == null ? status : newStatus;
        int p;
        if (newProgress != null) {
            p = newProgress;
        } else if (newStatus != null && newStatus != status) {
            p = s.defaultProgress().orElse(progress);
        } else {
            p = progress;
        }
        return new Item(id, title, description, parentId, weight, content, s, p,
                newMilestones == null ? milestones : newMilestones, grant);
    }

    public Item withGrant(Grant newGrant) {
        return new Item(id, title, description, parentId, weight, content, status, progress, milestones, newGrant);
    }

    /** The content and structure of {@code replacement}, keeping this item's id and grant. */
    public Item replacedBy(Item replacement) {
        return new Item(id, replacement.title, replacement.description, replacement.parentId, replacement.weight,
                replacement.content, replacement.status, replacement.progress, replacement.milestones, null);
    }
}
