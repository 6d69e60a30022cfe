package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;

/**
 * A committee roadmap (per committee and period) or a ministry's territorial section (per ministry and year): items,
 * the review workflow ({@link Workflow}), the arbitration. Invariants: content changes only while DRAFT or
 * CHANGES_REQUESTED; item kinds fit the roadmap's kind; parents exist in the roadmap, without cycles; an item with
 * sub-items has no progress of its own (it rolls up); a committee's territories lie in its région; arbitration
 * decides every financial line or action, granting at most what was requested; execution tracking (status,
 * progress, milestones) stays open after publication, the content does not.
 */
public final class Roadmap {

    public static final int TITLE_MAX = 300;
    public static final int MAX_ITEMS = 2000;
    public static final int REASON_MAX = 4000;

    private final UUID id;
    private final Issuer issuer;
    private final Period period;
    private String title;
    private RoadmapStatus status;
    private String changesRequestedReason;
    private final LinkedHashMap<UUID, Item> items;
    private final long version;
    private final Instant createdAt;
    private Instant submittedAt;
    private Instant publishedAt;

    public Roadmap(UUID id, Issuer issuer, Period period, String title, RoadmapStatus status,
                   String changesRequestedReason, List<Item> items, long version, Instant createdAt,
                   Instant submittedAt, Instant publishedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.issuer = Checks.notNull(issuer, "issuer");
        this.period = Checks.notNull(period, "period");
        if (issuer.kind() == RoadmapKind.MINISTERIAL && period.startYear() != period.endYear()) {
            throw RuleViolation.invalid("year", "La section territoriale d'un ministère couvre une année.");
        }
        this.title = Checks.required(title, "title", TITLE_MAX);
        this.status = Objects.requireNonNull(status, "status");
        this.changesRequestedReason = changesRequestedReason;
        this.items = new LinkedHashMap<>();
        for (Item item : items) {
            this.items.put(item.id(), item);
        }
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.submittedAt = submittedAt;
        this.publishedAt = publishedAt;
    }

    public static Roadmap start(Issuer issuer, Period period, String title, Instant now) {
        return new Roadmap(UUID.randomUUID(), issuer, period, title, RoadmapStatus.DRAFT, null, List.of(), 0, now,
                null, null);
    }

    // ---- content ----------------------------------------------------------------------------------------------

    public void retitle(String newTitle) {
        requireEditable();
        this.title = Checks.required(newTitle, "title", TITLE_MAX);
    }

    public Item addItem(Item item) {
        requireEditable();
        if (items.size() >= MAX_ITEMS) {
            throw new RuleViolation("feuille-de-route.trop-d-elements", "items",
                    "Une feuille de route compte au plus " + MAX_ITEMS + " éléments.");
        }
        if (items.containsKey(item.id())) {
            throw new RuleViolation.StateConflict("element.existe", "L'élément " + item.id() + " existe déjà.");
        }
        checkFits(item);
        items.put(item.id(), item);
        checkStructure(item);
        return item;
    }

    public Item replaceItem(UUID itemId, Item replacement) {
        requireEditable();
        Item current = item(itemId);
        Item updated = current.replacedBy(replacement);
        if (updated.kind() != current.kind()) {
            throw RuleViolation.invalid("kind", "Le type d'un élément ne change pas (" + current.kind()
                    + ") : supprimez-le et créez-en un autre.");
        }
        checkFits(updated);
        Item previous = items.put(itemId, updated);
        try {
            checkStructure(updated);
        } catch (RuntimeException e) {
            items.put(itemId, previous);
            throw e;
        }
        return updated;
    }

    public Item removeItem(UUID itemId) {
        requireEditable();
        Item current = item(itemId);
        if (items.values().stream().anyMatch(i -> itemId.equals(i.parentId()))) {
            throw new RuleViolation("element.a-des-sous-elements", "itemId",
                    "L'élément « " + current.title() + " » a des sous-éléments : supprimez-les ou rattachez-les ailleurs d'abord.");
        }
        items.remove(itemId);
        return current;
    }

    /**
     * Execution tracking, open in every status (a published roadmap is followed up): status, progress, milestones.
     * An item with sub-items gets its progress from them: giving it one is refused.
     */
    public Item track(UUID itemId, ItemStatus newStatus, Integer newProgress, List<Milestone> newMilestones) {
        Item current = item(itemId);
        if (newProgress != null && hasChildren(itemId)) {
            throw new RuleViolation("element.avancement-calcule", "progress", "L'avancement de « "
                    + current.title() + " » se calcule à partir de ses sous-éléments : il ne se saisit pas.");
        }
        if (newProgress != null) {
            Item.checkProgress(newProgress);
        }
        Item updated = current.tracked(newStatus, newProgress, newMilestones);
        items.put(itemId, updated);
        return updated;
    }

    private void checkFits(Item item) {
        if (item.kind().roadmapKind() != issuer.kind()) {
            throw RuleViolation.invalid("kind", "Un élément " + item.kind() + " n'a pas sa place dans une "
                    + (issuer.kind() == RoadmapKind.COMMITTEE ? "feuille de route de comité." : "section ministérielle."));
        }
        if (issuer.kind() == RoadmapKind.COMMITTEE) {
            String field = item.kind() == ItemKind.USE_CASE ? "useCase.territory" : "territory";
            TerritoryKey.requireWithinRegion(item.content().territories(), issuer.regionCode(), field);
        }
    }

    private void checkStructure(Item item) {
        UUID parent = item.parentId();
        if (parent == null) {
            return;
        }
        if (!items.containsKey(parent)) {
            items.remove(item.id());
            throw RuleViolation.invalid("parentId", "L'élément parent " + parent + " (parentId) n'est pas dans cette feuille de route.");
        }
        UUID cursor = parent;
        int guard = 0;
        while (cursor != null) {
            if (cursor.equals(item.id()) || guard++ > MAX_ITEMS) {
                throw RuleViolation.invalid("parentId", "Ce parent (parentId) créerait une boucle entre éléments.");
            }
            Item up = items.get(cursor);
            cursor = up == null ? null : up.parentId();
        }
    }

    private void requireEditable() {
        if (!status.isEditable()) {
            throw new RuleViolation.StateConflict("feuille-de-route.non-modifiable", "La feuille de route est "
                    + status.label() + " : son contenu ne peut être modifié qu'en brouillon ou lorsque des modifications "
                    + "sont demandées.");
        }
    }

    // ---- workflow ---------------------------------------------------------------------------------------------

    public void submit(Instant now) {
        RoadmapStatus next = Workflow.require(status, WorkflowAction.SUBMIT);
        if (items.isEmpty()) {
            throw new RuleViolation("feuille-de-route.vide", "items",
                    "Une feuille de route sans élément ne peut pas être soumise.");
        }
        status = next;
        submittedAt = now;
    }

    public void startReview() {
        status = Workflow.require(status, WorkflowAction.START_REVIEW);
    }

    public void requestChanges(String reason) {
        RoadmapStatus next = Workflow.require(status, WorkflowAction.REQUEST_CHANGES);
        changesRequestedReason = Checks.required(reason, "reason", REASON_MAX);
        status = next;
    }

    public void reopen() {
        status = Workflow.require(status, WorkflowAction.REOPEN);
    }

    /**
     * Grants an amount to every financial line or action, each with a reason; granted never exceeds requested
     * (ADR 0007). Items not arbitrated cannot be named.
     */
    public void arbitrate(Map<UUID, Grant> decisions) {
        RoadmapStatus next = Workflow.require(status, WorkflowAction.ARBITRATE);
        Map<UUID, Grant> given = decisions == null ? Map.of() : decisions;
        for (Map.Entry<UUID, Grant> d : given.entrySet()) {
            Item item = items.get(d.getKey());
            if (item == null) {
                throw RuleViolation.invalid("decisions.itemId", "L'élément " + d.getKey()
                        + " (decisions.itemId) n'est pas dans cette feuille de route.");
            }
            if (!item.kind().isArbitrated()) {
                throw RuleViolation.invalid("decisions.itemId", "L'élément « " + item.title() + " » ("
                        + item.kind() + ") ne s'arbitre pas : seuls les lignes financières et les actions le sont.");
            }
            BigDecimal requested = item.content().requestedAmount();
            if (d.getValue().amount().compareTo(requested) > 0) {
                throw RuleViolation.invalid("decisions.grantedAmount", "Le montant accordé à « " + item.title()
                        + " » (" + d.getValue().amount().toPlainString() + " €) dépasse le montant demandé ("
                        + requested.toPlainString() + " €).");
            }
            if (d.getValue().fte() != null) {
                if (!(item.content() instanceof ItemContent.TerritorialAction action)) {
                    throw RuleViolation.invalid("decisions.grantedFte", "Seules les actions ministérielles reçoivent des ETP.");
                }
                if (d.getValue().fte().compareTo(action.requestedFte()) > 0) {
                    throw RuleViolation.invalid("decisions.grantedFte", "Les ETP accordés à « " + item.title()
                            + " » dépassent les ETP demandés (" + action.requestedFte().toPlainString() + ").");
                }
            }
        }
        List<String> missing = items.values().stream().filter(i -> i.kind().isArbitrated())
                .filter(i -> !given.containsKey(i.id())).map(Item::title).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("arbitrage.incomplet", "decisions", "L'arbitrage doit trancher chaque "
                    + "ligne financière et chaque action ; il manque : " + String.join(", ", missing) + ".");
        }
        given.forEach((itemId, grant) -> items.put(itemId, items.get(itemId).withGrant(grant)));
        status = next;
    }

    public void publish(Instant now) {
        status = Workflow.require(status, WorkflowAction.PUBLISH);
        publishedAt = now;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public Item item(UUID itemId) {
        return findItem(itemId).orElseThrow(() -> new RuleViolation.NotFound(
                "L'élément " + itemId + " n'est pas dans cette feuille de route."));
    }

    public Optional<Item> findItem(UUID itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    public boolean hasChildren(UUID itemId) {
        return items.values().stream().anyMatch(i -> itemId.equals(i.parentId()));
    }

    public ProgressRollUp rollUp() {
        return new ProgressRollUp(items.values());
    }

    public int progress() {
        return rollUp().overall();
    }

    public BigDecimal totalRequested() {
        return items.values().stream().map(i -> i.content().requestedAmount()).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal totalGranted() {
        return items.values().stream().map(Item::grant).filter(Objects::nonNull).map(Grant::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public UUID id() {
        return id;
    }

    public Issuer issuer() {
        return issuer;
    }

    public RoadmapKind kind() {
        return issuer.kind();
    }

    public Period period() {
        return period;
    }

    public String title() {
        return title;
    }

    public RoadmapStatus status() {
        return status;
    }

    public String changesRequestedReason() {
        return changesRequestedReason;
    }

    public List<Item> items() {
        return List.copyOf(new ArrayList<>(items.values()));
    }

    /**
     * This roadmap as a save stored it, under the version the save gave it: what the save answers, without reading
     * back what was just written.
     */
    public Roadmap asSaved(long savedVersion) {
        return new Roadmap(id, issuer, period, title, status, changesRequestedReason, items(), savedVersion, createdAt,
                submittedAt, publishedAt);
    }

    /** The version read from storage (0 before the first save). */
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
