package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small builders for domain tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {
    }

    static Roadmap committeeRoadmap() {
        return Roadmap.start(Issuer.committee(UUID.randomUUID(), "84"), new Period(2026, 2028), "Feuille de route", NOW);
    }

    static Roadmap ministerialSection() {
        return Roadmap.start(Issuer.ofMinistry("MTECT"), Period.year(2026), "Section territoriale", NOW);
    }

    static Item line(String amount) {
        return line(UUID.randomUUID(), null, amount);
    }

    static Item line(UUID id, UUID parent, String amount) {
        return Item.create(id, "Ligne " + amount, null, parent, 1,
                new ItemContent.FinancialLine(new BigDecimal(amount), 2026, FundingSource.STATE), null, null, List.of());
    }
}
