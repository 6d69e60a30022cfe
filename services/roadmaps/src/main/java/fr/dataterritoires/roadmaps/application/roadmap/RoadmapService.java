package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.roadmaps.application.governance.GovernanceBodies;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.roadmap.Grant;
import fr.dataterritoires.roadmaps.domain.roadmap.Issuer;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemComment;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.Milestone;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapDiff;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * Use cases on committee roadmaps and ministerial sections (ADR 0007). Who may do what (DESIGN.md §5): a committee
 * member files and edits only the roadmap of their région, a ministry officer only their ministry's section (a
 * national coordinator may act for either); only a national coordinator reviews, requests changes, arbitrates and
 * publishes. A published roadmap is readable by anyone; another one only by its issuer and the coordinators (to the
 * others it does not exist: 404).
 *
 * <p>Every change runs in one transaction: the roadmap row is locked and its version compared with the one the
 * caller read ({@code expectedVersion}: 409 when stale), the change is written with a new version, a snapshot is
 * appended to the version history, the audit trail records it, and events go to the outbox.
 */
@Service
public class RoadmapService {

    private final RoadmapStore roadmaps;
    private final GovernanceBodies bodies;
    private final DatasetReferences datasetReferences;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;

    public RoadmapService(RoadmapStore roadmaps, GovernanceBodies bodies, DatasetReferences datasetReferences,
                          AuditTrail audit, OutboxPublisher outbox) {
        this.roadmaps = roadmaps;
        this.bodies = bodies;
        this.datasetReferences = datasetReferences;
        this.audit = audit;
        this.outbox = outbox;
    }

    // ---- creation ---------------------------------------------------------------------------------------------

    @Transactional
    public Roadmap createCommitteeRoadmap(DtPrincipal actor, String regionCode, Period period, String title) {
        GovernanceBody committee = bodies.committeeOf(regionCode).orElseThrow(() -> new NotFoundException(
                "La région " + regionCode + " n'a pas (encore) de comité territorial de la donnée."));
        Ownership.requireRegion(actor, committee.regionCode());
        if (roadmaps.existsCommitteePeriod(committee.id(), period.startYear(), period.endYear())) {
            throw new ConflictException("Le comité de la région " + committee.regionCode()
                    + " a déjà une feuille de route pour la période " + period.label() + ".");
        }
        return create(actor, Roadmap.start(Issuer.committee(committee.id(), committee.regionCode()), period, title, now()));
    }

    @Transactional
    public Roadmap createMinisterialSection(DtPrincipal actor, String ministry, int year, String title) {
        String code = Issuer.ministry(ministry);
        requireMinistry(actor, code);
        if (roadmaps.existsMinistryYear(code, year)) {
            throw new ConflictException("Le ministère " + code + " a déjà une section territoriale pour " + year + ".");
        }
        return create(actor, Roadmap.start(Issuer.ofMinistry(code), Period.year(year), title, now()));
    }

    private Roadmap create(DtPrincipal actor, Roadmap roadmap) {
        Instant now = now();
        long version = roadmaps.insert(roadmap, now);
        roadmaps.appendVersion(roadmap.id(), version, "created", actor.subject(), now, roadmap.status(),
                RoadmapSnapshot.of(roadmap));
        audit.record(actor.subject(), "roadmap.created", RoadmapEvents.ROADMAP, roadmap.id().toString(), null,
                summary(roadmap, version));
        return reload(roadmap.id());
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** @param actor null for an anonymous caller */
    @Transactional(readOnly = true)
    public Roadmap get(DtPrincipal actor, UUID id) {
        return visible(actor, id);
    }

    @Transactional(readOnly = true)
    public List<Roadmap> list(DtPrincipal actor, RoadmapStore.Filter filter, int limit, int offset) {
        RoadmapStore.Filter visible = actor == null ? filter.visibleTo(false, null, null)
                : filter.visibleTo(actor.hasRole(Role.NATIONAL_COORDINATOR),
                actor.hasRole(Role.COMMITTEE_MEMBER) ? actor.region() : null,
                actor.hasRole(Role.MINISTRY_OFFICER) ? actor.ministry() : null);
        return roadmaps.list(visible, limit, offset);
    }

    @Transactional(readOnly = true)
    public List<RoadmapStore.VersionEntry> versions(DtPrincipal actor, UUID id) {
        visible(actor, id);
        return roadmaps.versions(id);
    }

    @Transactional(readOnly = true)
    public RoadmapSnapshot version(DtPrincipal actor, UUID id, long number) {
        visible(actor, id);
        return roadmaps.snapshot(id, number).orElseThrow(() -> NotFoundException.of("version", number));
    }

    @Transactional(readOnly = true)
    public RoadmapDiff diff(DtPrincipal actor, UUID id, long from, long to) {
        visible(actor, id);
        RoadmapSnapshot a = roadmaps.snapshot(id, from).orElseThrow(() -> NotFoundException.of("version", from));
        RoadmapSnapshot b = roadmaps.snapshot(id, to).orElseThrow(() -> NotFoundException.of("version", to));
        return RoadmapDiff.between(from, a, to, b);
    }

    @Transactional(readOnly = true)
    public List<ItemComment> comments(DtPrincipal actor, UUID id, UUID itemId) {
        visible(actor, id);
        return roadmaps.comments(id, itemId);
    }

    // ---- content ----------------------------------------------------------------------------------------------

    @Transactional
    public Roadmap retitle(DtPrincipal actor, UUID id, long expectedVersion, String title) {
        return change(actor, id, expectedVersion, "retitled", r -> r.retitle(title), false);
    }

    @Transactional
    public Roadmap addItem(DtPrincipal actor, UUID id, long expectedVersion, Item item) {
        return change(actor, id, expectedVersion, "item-added", r -> {
            checkDatasetReference(item);
            r.addItem(item);
        }, false);
    }

    @Transactional
    public Roadmap replaceItem(DtPrincipal actor, UUID id, long expectedVersion, UUID itemId, Item replacement) {
        return change(actor, id, expectedVersion, "item-changed", r -> {
            checkDatasetReference(replacement);
            r.replaceItem(itemId, replacement);
        }, false);
    }

    @Transactional
    public Roadmap removeItem(DtPrincipal actor, UUID id, long expectedVersion, UUID itemId) {
        return change(actor, id, expectedVersion, "item-removed", r -> r.removeItem(itemId), false);
    }

    /** Execution tracking: open in every status, to the issuer and the coordinators. */
    @Transactional
    public Roadmap track(DtPrincipal actor, UUID id, long expectedVersion, UUID itemId, ItemStatus status,
                         Integer progress, List<Milestone> milestones) {
        return change(actor, id, expectedVersion, "item-tracked", r -> r.track(itemId, status, progress, milestones),
                false);
    }

    @Transactional
    public ItemComment comment(DtPrincipal actor, UUID id, UUID itemId, String text) {
        Roadmap roadmap = visible(actor, id);
        requireIssuerOrCoordinator(actor, roadmap);
        roadmap.item(itemId);
        ItemComment comment = new ItemComment(UUID.randomUUID(), id, itemId, actor.subject(), actor.name(), now(), text);
        roadmaps.addComment(comment);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("comment", comment.id().toString());
        after.put("item", itemId.toString());
        audit.record(actor.subject(), "roadmap.item-commented", RoadmapEvents.ROADMAP, id.toString(), null, after);
        return comment;
    }

    // ---- workflow ---------------------------------------------------------------------------------------------

    @Transactional
    public Roadmap submit(DtPrincipal actor, UUID id, long expectedVersion) {
        return change(actor, id, expectedVersion, "submitted", r -> r.submit(now()), false);
    }

    @Transactional
    public Roadmap reopen(DtPrincipal actor, UUID id, long expectedVersion) {
        return change(actor, id, expectedVersion, "reopened", Roadmap::reopen, false);
    }

    @Transactional
    public Roadmap startReview(DtPrincipal actor, UUID id, long expectedVersion) {
        return change(actor, id, expectedVersion, "review-started", Roadmap::startReview, true);
    }

    @Transactional
    public Roadmap requestChanges(DtPrincipal actor, UUID id, long expectedVersion, String reason) {
        return change(actor, id, expectedVersion, "changes-requested", r -> r.requestChanges(reason), true);
    }

    @Transactional
    public Roadmap arbitrate(DtPrincipal actor, UUID id, long expectedVersion, Map<UUID, Grant> decisions) {
        Roadmap roadmap = change(actor, id, expectedVersion, "arbitrated", r -> r.arbitrate(decisions), true);
        outbox.record(RoadmapEvents.ROADMAP, id.toString(), RoadmapEvents.ARBITRATION_DECIDED,
                RoadmapEvents.arbitrated(roadmap, roadmap.version(), now()));
        return roadmap;
    }

    /** Publishes: {@code RoadmapPublished}, and a {@code PriorityDatasetDeclared} per dataset of a committee roadmap. */
    @Transactional
    public Roadmap publish(DtPrincipal actor, UUID id, long expectedVersion) {
        Roadmap roadmap = change(actor, id, expectedVersion, "published", r -> r.publish(now()), true);
        outbox.record(RoadmapEvents.ROADMAP, id.toString(), RoadmapEvents.ROADMAP_PUBLISHED,
                RoadmapEvents.published(roadmap, roadmap.version(), roadmap.publishedAt()));
        if (roadmap.kind() == RoadmapKind.COMMITTEE) {
            for (Item item : roadmap.items()) {
                if (item.content() instanceof ItemContent.DatasetToOpen dataset) {
                    outbox.record(RoadmapEvents.ROADMAP, id.toString(), RoadmapEvents.PRIORITY_DATASET_DECLARED,
                            RoadmapEvents.priorityOf(roadmap, item, dataset));
                }
            }
        }
        return roadmap;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Roadmap change(DtPrincipal actor, UUID id, long expectedVersion, String action, Consumer<Roadmap> command,
                           boolean coordinatorOnly) {
        Roadmap roadmap = roadmaps.findForUpdate(id).filter(r -> maySee(actor, r))
                .orElseThrow(() -> NotFoundException.of("feuille de route", id));
        if (coordinatorOnly) {
            Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        } else {
            requireIssuerOrCoordinator(actor, roadmap);
        }
        if (roadmap.version() != expectedVersion) {
            throw new ConflictException("La feuille de route a été modifiée entre-temps : elle est en version "
                    + roadmap.version() + ", vous avez lu la version " + expectedVersion
                    + ". Rechargez-la puis recommencez.");
        }
        Map<String, Object> before = summary(roadmap, roadmap.version());
        translate(() -> command.accept(roadmap));
        Instant now = now();
        long version = roadmaps.update(roadmap, now);
        roadmaps.appendVersion(id, version, action, actor.subject(), now, roadmap.status(), RoadmapSnapshot.of(roadmap));
        audit.record(actor.subject(), "roadmap." + action, RoadmapEvents.ROADMAP, id.toString(), before,
                summary(roadmap, version));
        // what was just written, not read back: reading it again cost as much as the first read (issue 10 §5)
        return roadmap.asSaved(version);
    }

    private void checkDatasetReference(Item item) {
        if (item.content() instanceof ItemContent.DatasetToOpen d && d.catalogueDatasetId() != null) {
            Set<String> unknown = datasetReferences.unknown(List.of(d.catalogueDatasetId()));
            if (!unknown.isEmpty()) {
                throw new RuleViolation("jeu-de-donnees.inconnu", "dataset.catalogueDatasetId",
                        "Le jeu de données « " + d.catalogueDatasetId()
                        + " » (dataset.catalogueDatasetId) n'est pas dans le catalogue.");
            }
        }
    }

    private Roadmap visible(DtPrincipal actor, UUID id) {
        return roadmaps.find(id).filter(r -> maySee(actor, r))
                .orElseThrow(() -> NotFoundException.of("feuille de route", id));
    }

    private Roadmap reload(UUID id) {
        return roadmaps.find(id).orElseThrow();
    }

    static boolean maySee(DtPrincipal actor, Roadmap roadmap) {
        return roadmap.status() == RoadmapStatus.PUBLISHED || (actor != null && isIssuerOrCoordinator(actor, roadmap));
    }

    static boolean isIssuerOrCoordinator(DtPrincipal actor, Roadmap roadmap) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return true;
        }
        Issuer issuer = roadmap.issuer();
        return issuer.kind() == RoadmapKind.COMMITTEE
                ? actor.hasRole(Role.COMMITTEE_MEMBER) && Objects.equals(actor.region(), issuer.regionCode())
                : actor.hasRole(Role.MINISTRY_OFFICER) && Objects.equals(actor.ministry(), issuer.ministryCode());
    }

    private static void requireIssuerOrCoordinator(DtPrincipal actor, Roadmap roadmap) {
        if (roadmap.kind() == RoadmapKind.COMMITTEE) {
            Ownership.requireRegion(actor, roadmap.issuer().regionCode());
        } else {
            requireMinistry(actor, roadmap.issuer().ministryCode());
        }
    }

    private static void requireMinistry(DtPrincipal actor, String ministry) {
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            Ownership.requireMinistry(actor, ministry);
        }
    }

    /** Domain refusals as the platform's: a state conflict is a 409; input and rules stay domain exceptions (web). */
    private static void translate(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation.StateConflict conflict) {
            throw new ConflictException(conflict.getMessage());
        } catch (RuleViolation.NotFound missing) {
            throw new NotFoundException(missing.getMessage());
        }
    }

    /** What the audit keeps of a roadmap: its state and totals, not every item. */
    static Map<String, Object> summary(Roadmap r, long version) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", version);
        state.put("status", r.status().name());
        state.put("title", r.title());
        state.put("items", r.items().size());
        state.put("progress", r.progress());
        state.put("totalRequested", r.totalRequested().toPlainString());
        state.put("totalGranted", r.totalGranted().toPlainString());
        return state;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
