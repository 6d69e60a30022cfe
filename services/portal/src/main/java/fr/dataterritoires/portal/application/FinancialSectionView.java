package fr.dataterritoires.portal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A roadmap's financial section as {@code GET /api/roadmaps/{id}/financial-section} returns it: per financial line or
 * action, requested, granted (arbitration) and awarded (calls for commons) amounts; the awards received; the totals.
 */
public record FinancialSectionView(UUID roadmapId, List<Line> lines, List<Award> awards, BigDecimal totalRequested,
                                   BigDecimal totalGranted, BigDecimal totalAwarded) {

    public FinancialSectionView {
        lines = lines == null ? List.of() : List.copyOf(lines);
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    public record Line(UUID itemId, String title, String kind, BigDecimal requestedAmount, BigDecimal grantedAmount,
                       BigDecimal awardedAmount) {
    }

    public record Award(String callTitle, String itemTitle, BigDecimal amount, Instant grantedAt) {
    }
}
