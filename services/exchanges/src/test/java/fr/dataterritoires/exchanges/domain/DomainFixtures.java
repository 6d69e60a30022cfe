package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Domain objects for the unit tests. */
final class DomainFixtures {

    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    static final LocalDate START = LocalDate.of(2027, 3, 1);
    static final ProgrammeLimits LIMITS = new ProgrammeLimits(1, 92);

    private DomainFixtures() {
    }

    static Offer publishedOffer(HostType type, int capacity) {
        Offer offer = Offer.draft(UUID.randomUUID(), "213800006", type, "Hôte", "84",
                type == HostType.LOCAL_AUTHORITY ? null : "MTECT", "Titre", List.of("mobilité"), "Faire",
                "Apprendre", 1, 30, List.of(new DateRange(START, START.plusMonths(4))), capacity, WorkMode.REMOTE,
                null, LIMITS, "host", NOW);
        offer.publish(NOW);
        return offer;
    }

    static ExchangeApplication approvedApplication(Offer offer, Side side) {
        ExchangeApplication a = ExchangeApplication.submit(UUID.randomUUID(), offer, UUID.randomUUID(),
                new DateRange(START, START.plusDays(9)), "Motivation", "120000005", side, "84", null, NOW);
        a.approveByEmployer("employer", NOW);
        return a;
    }

    static Placement placement() {
        Offer offer = publishedOffer(HostType.LOCAL_AUTHORITY, 2);
        ExchangeApplication a = approvedApplication(offer, Side.STATE);
        a.accept("host", NOW);
        return Placement.open(UUID.randomUUID(), a, Direction.STATE_TO_TERRITORIAL, NOW);
    }
}
