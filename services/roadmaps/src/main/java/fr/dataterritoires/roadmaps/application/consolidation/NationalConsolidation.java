package fr.dataterritoires.roadmaps.application.consolidation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * The national view across régions and ministries for a period (issue 4, item 7). Amounts in euros and FTE are exact
 * sums (two decimals). {@code scope} says what was read: {@code PUBLISHED} (anyone) or {@code ALL} (coordinators:
 * roadmaps in every status).
 */
public record NationalConsolidation(String period, ConsolidationQuery.Scope scope, Summary summary,
                                    List<RegionLine> regions, List<DemandedDataset> demandedDatasets,
                                    List<MinistryResources> ministries, MinistryResources ministriesTotal,
                                    List<DataReturnDelay> dataReturns, Gaps gaps) {

    public record Summary(int regions, int regionsWithCommittee, int regionsWithRoadmap, int regionsWithPublishedRoadmap,
                          int dataReturnCommitments, int dataReturnCommitmentsMet) {
    }

    /** A région, its committee (null when it has none) and its roadmap for the period (null when none is read). */
    public record RegionLine(String regionCode, String regionName, Committee committee, RoadmapState roadmap) {
    }

    public record Committee(UUID id, String name) {
    }

    /**
     * A committee roadmap's state: workflow, rolled-up progress (ADR 0007), items per kind (every kind listed, 0 when
     * none), financial lines requested and granted.
     */
    public record RoadmapState(UUID id, String title, String period, RoadmapStatus status, long version,
                               Instant publishedAt, int progress, int items, Map<ItemKind, Integer> itemsByKind,
                               BigDecimal requestedAmount, BigDecimal grantedAmount) {
    }

    /**
     * A catalogue dataset several régions' roadmaps list to open: the régions, whether it is on the national priority
     * list, and whether the items say they answer a national or a local priority.
     */
    public record DemandedDataset(String catalogueDatasetId, String title, int regionCount, List<String> regions,
                                  boolean onNationalPriorityList, boolean answersNationalPriority,
                                  boolean answersLocalPriority) {
    }

    /**
     * A ministry's territorial actions over the period: requested and granted (arbitrated) FTE and euros. Granted sums
     * count arbitrated actions only ({@code actionsArbitrated} of {@code actions}); FTE granted count only when the
     * arbitration gave some.
     */
    public record MinistryResources(String ministry, List<Section> sections, int actions, int actionsArbitrated,
                                    BigDecimal requestedFte, BigDecimal grantedFte, BigDecimal requestedAmount,
                                    BigDecimal grantedAmount) {
    }

    public record Section(UUID id, int year, RoadmapStatus status, long version) {
    }

    /**
     * A data-return commitment: today's delay (as last stated in the section) against the target; met when today's
     * delay is at most the target.
     */
    public record DataReturnDelay(String ministry, int year, UUID roadmapId, UUID itemId, String title,
                                  String datasetCollected, int currentDelayDays, int targetDelayDays,
                                  int daysToGain, boolean met, ItemStatus status, int progress) {
    }

    public record Gaps(List<String> regionsWithoutCommittee, List<String> regionsWithoutPublishedRoadmap) {
    }
}
