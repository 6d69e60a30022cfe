package fr.dataterritoires.roadmaps.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.roadmaps.application.roadmap.Awards;
import fr.dataterritoires.roadmaps.application.roadmap.FinancialSection;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;
import fr.dataterritoires.territory.Siren;

/**
 * {@code GET /api/roadmaps/{id}/financial-section}: the lines requested and granted, and the awards of calls for
 * commons received for the roadmap's items. Visible as the roadmap is (anyone once published).
 */
@RestController
public class FinancialSectionController {

    private final Awards awards;

    public FinancialSectionController(Awards awards) {
        this.awards = awards;
    }

    @GetMapping("/api/roadmaps/{id}/financial-section")
    public FinancialSectionResponse financialSection(@PathVariable UUID id) {
        return FinancialSectionResponse.of(awards.financialSection(Actors.currentIfAuthenticated().orElse(null), id));
    }

    public record FinancialSectionResponse(UUID roadmapId, RoadmapStatus status, long version, List<LineResponse> lines,
                                           List<AwardResponse> awards, BigDecimal totalRequested,
                                           BigDecimal totalGranted, BigDecimal totalAwarded) {

        static FinancialSectionResponse of(FinancialSection s) {
            return new FinancialSectionResponse(s.roadmapId(), s.status(), s.version(), s.lines().stream()
                    .map(l -> new LineResponse(l.itemId(), l.title(), l.kind(), l.requested(), l.granted(), l.awarded()))
                    .toList(), s.awards().stream().map(a -> new AwardResponse(a.award().awardId(), a.award().callId(),
                            a.award().callTitle(), a.award().itemId(), a.itemTitle(), a.award().funderSiren().value(),
                            a.award().beneficiarySirens().stream().map(Siren::value).toList(), a.award().amount(), "EUR",
                            a.award().grantedAt())).toList(),
                    s.totalRequested(), s.totalGranted(), s.totalAwarded());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResponse(UUID itemId, String title, ItemKind kind, BigDecimal requestedAmount,
                               BigDecimal grantedAmount, BigDecimal awardedAmount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwardResponse(UUID awardId, String callId, String callTitle, UUID itemId, String itemTitle,
                                String funderSiren, List<String> beneficiarySirens, BigDecimal amount, String currency,
                                Instant grantedAt) {
    }
}
