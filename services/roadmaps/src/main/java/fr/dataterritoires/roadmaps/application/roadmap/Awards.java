package fr.dataterritoires.roadmaps.application.roadmap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.territory.Siren;

/**
 * Awards of calls for commons (commons-calls' {@code AwardGranted}) that finance a roadmap item, and the roadmap's
 * financial section that shows them. An award is recorded once per award id, audited as the system; it is not a
 * change of the roadmap's content, so it makes no new roadmap version.
 */
@Service
public class Awards {

    private static final Logger log = LoggerFactory.getLogger(Awards.class);

    private final RoadmapStore roadmaps;
    private final AwardStore awards;
    private final RoadmapService roadmapService;
    private final AuditTrail audit;

    public Awards(RoadmapStore roadmaps, AwardStore awards, RoadmapService roadmapService, AuditTrail audit) {
        this.roadmaps = roadmaps;
        this.awards = awards;
        this.roadmapService = roadmapService;
        this.audit = audit;
    }

    /** Thrown when an award names a roadmap or item this service does not hold: retrying cannot help. */
    public static final class UnknownItem extends RuntimeException {
        UnknownItem(String message) {
            super(message);
        }
    }

    /**
     * Records {@code award} (from event {@code eventId}); false when it was already recorded.
     *
     * @throws UnknownItem when its roadmap or item does not exist here
     */
    @Transactional
    public boolean received(ReceivedAward award, UUID eventId) {
        Roadmap roadmap = roadmaps.find(award.roadmapId()).orElseThrow(() -> new UnknownItem(
                "award " + award.awardId() + " names roadmap " + award.roadmapId() + ", unknown here"));
        Item item = roadmap.findItem(award.itemId()).orElseThrow(() -> new UnknownItem(
                "award " + award.awardId() + " names item " + award.itemId() + ", not in roadmap " + roadmap.id()));
        if (!awards.add(award, Instant.now().truncatedTo(ChronoUnit.MICROS), eventId)) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("award", award.awardId().toString());
        after.put("call", award.callId());
        after.put("item", item.id().toString());
        after.put("amount", award.amount().toPlainString());
        after.put("currency", "EUR");
        after.put("funderSiren", award.funderSiren().value());
        after.put("beneficiarySirens", award.beneficiarySirens().stream().map(Siren::value).toList());
        after.put("event", eventId.toString());
        audit.record(AutomaticProgress.SYSTEM_ACTOR, "roadmap.award-received", RoadmapEvents.ROADMAP,
                roadmap.id().toString(), null, after);
        log.info("Award {} of call {} ({} EUR) recorded for item {} of roadmap {}", award.awardId(), award.callId(),
                award.amount().toPlainString(), item.id(), roadmap.id());
        return true;
    }

    /** The financial section of a roadmap the caller may see (null: anonymous, published roadmaps only). */
    @Transactional(readOnly = true)
    public FinancialSection financialSection(DtPrincipal actor, UUID roadmapId) {
        Roadmap roadmap = roadmapService.get(actor, roadmapId);
        List<ReceivedAward> received = awards.ofRoadmap(roadmapId);
        Map<UUID, BigDecimal> awardedByItem = new LinkedHashMap<>();
        for (ReceivedAward a : received) {
            awardedByItem.merge(a.itemId(), a.amount(), BigDecimal::add);
        }
        List<FinancialSection.Line> lines = new ArrayList<>();
        for (Item item : roadmap.items()) {
            BigDecimal requested = item.content().requestedAmount();
            if (requested != null) {
                lines.add(new FinancialSection.Line(item.id(), item.title(), item.kind(), requested,
                        item.grant() == null ? null : item.grant().amount(),
                        awardedByItem.getOrDefault(item.id(), BigDecimal.ZERO.setScale(2))));
            }
        }
        List<FinancialSection.Award> shown = received.stream().map(a -> new FinancialSection.Award(a,
                roadmap.findItem(a.itemId()).map(Item::title).orElse(null))).toList();
        BigDecimal totalAwarded = received.stream().map(ReceivedAward::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new FinancialSection(roadmap.id(), roadmap.status(), roadmap.version(), lines, shown,
                roadmap.totalRequested(), roadmap.totalGranted(), totalAwarded);
    }
}
