package fr.dataterritoires.roadmaps.application.roadmap;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * A roadmap's money: the lines asked of the national instance (financial lines, ministerial actions) with what
 * arbitration granted, and the awards of calls for commons received for its items. Euros, exact.
 *
 * @param awarded per line, the awards received for that item
 */
public record FinancialSection(UUID roadmapId, RoadmapStatus status, long version, List<Line> lines,
                               List<Award> awards, BigDecimal totalRequested, BigDecimal totalGranted,
                               BigDecimal totalAwarded) {

    /** @param granted null until arbitrated */
    public record Line(UUID itemId, String title, ItemKind kind, BigDecimal requested, BigDecimal granted,
                       BigDecimal awarded) {
    }

    /** @param itemTitle null when the item has since been removed from the roadmap */
    public record Award(ReceivedAward award, String itemTitle) {
    }
}
