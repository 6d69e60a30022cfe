package fr.dataterritoires.portal.application;

import java.util.List;
import java.util.UUID;

import fr.dataterritoires.portal.domain.ItemDraft;

/**
 * What the pages need from the roadmaps service (port; {@code integration.RestRoadmaps} calls its REST API, through
 * the gateway when one is configured, with the signed-in user's token). The service decides who sees and changes what
 * (anonymous visitors: published roadmaps only); its refusals come back as {@link ServiceRefusal}, an unreachable or
 * failing service as {@link ServiceUnavailable}. Every change sends the {@code version} the page showed.
 */
public interface Roadmaps {

    /** The roadmaps the caller may see, without their items. */
    List<RoadmapView> list(RoadmapFilter filter);

    RoadmapView roadmap(UUID id);

    FinancialSectionView financialSection(UUID id);

    RoadmapView createCommitteeRoadmap(String regionCode, String startYear, String endYear, String title);

    RoadmapView createMinisterialSection(String ministry, String year, String title);

    RoadmapView addItem(UUID id, long version, ItemDraft item);

    /** The item's content and place (parent, weight, milestones); its status and progress stay as they are. */
    RoadmapView replaceItem(UUID id, long version, UUID itemId, ItemDraft item);

    /**
     * Execution tracking: status and progress ({@code progress} blank: the status's default), milestones reached
     * ({@code milestones} null: as they are; else the whole list, which the service replaces).
     */
    RoadmapView track(UUID id, long version, UUID itemId, String status, String progress,
                      java.util.List<ItemDraft.MilestoneDraft> milestones);

    RoadmapView submit(UUID id, long version);

    RoadmapView reopen(UUID id, long version);

    RoadmapView startReview(UUID id, long version);

    RoadmapView requestChanges(UUID id, long version, String reason);

    RoadmapView arbitrate(UUID id, long version, List<GrantDecision> decisions);

    RoadmapView publish(UUID id, long version);

    /**
     * The national consolidation of a period ({@code 2027} or {@code 2026-2028}): published roadmaps, or every status
     * ({@code all}, national coordinators).
     */
    ConsolidationView consolidation(String period, boolean all);

    /** National priorities ({@code NATIONAL}) or a région's local ones ({@code LOCAL} and its code); null: all. */
    List<PriorityView> priorities(String level, String regionCode);

    PriorityView declarePriority(PriorityDraft draft);

    /** Which roadmaps to list: every criterion may be null. */
    record RoadmapFilter(String kind, String regionCode, String ministry, List<String> statuses) {
    }

    /** What the arbitration grants to one financial line or action, as typed. */
    record GrantDecision(UUID itemId, String grantedAmount, String grantedFte, String reason) {
    }

    /** A national priority as typed in its form. */
    record PriorityDraft(String subject, String title, String datasetReference, String theme,
                         String targetAccessLevel, String targetDate) {
    }
}
