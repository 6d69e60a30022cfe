package fr.dataterritoires.portal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.portal.domain.Vocabulary;

/**
 * The national consolidation of a period as {@code GET /api/roadmaps/consolidation} returns it: the 18 régions with
 * their committee and roadmap, the ministries' resources (the fields the pages show).
 */
public record ConsolidationView(String period, String scope, Summary summary, List<RegionLine> regions,
                                List<MinistryResources> ministries, MinistryResources ministriesTotal) {

    public ConsolidationView {
        regions = regions == null ? List.of() : List.copyOf(regions);
        ministries = ministries == null ? List.of() : List.copyOf(ministries);
    }

    public record Summary(int regions, int regionsWithCommittee, int regionsWithRoadmap,
                          int regionsWithPublishedRoadmap) {
    }

    public record RegionLine(String regionCode, String regionName, Committee committee, RoadmapState roadmap) {
    }

    public record Committee(UUID id, String name) {
    }

    public record RoadmapState(UUID id, String title, String period, String status, long version, Instant publishedAt,
                               int progress, int items, BigDecimal requestedAmount, BigDecimal grantedAmount) {

        public String statusLabel() {
            return Vocabulary.roadmapStatus(status);
        }
    }

    public record MinistryResources(String ministry, int actions, int actionsArbitrated, BigDecimal requestedFte,
                                    BigDecimal grantedFte, BigDecimal requestedAmount, BigDecimal grantedAmount) {
    }
}
