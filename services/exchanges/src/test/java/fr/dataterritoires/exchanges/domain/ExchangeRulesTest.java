package fr.dataterritoires.exchanges.domain;

import static fr.dataterritoires.exchanges.domain.DomainFixtures.LIMITS;
import static fr.dataterritoires.exchanges.domain.DomainFixtures.NOW;
import static fr.dataterritoires.exchanges.domain.DomainFixtures.START;
import static fr.dataterritoires.exchanges.domain.DomainFixtures.approvedApplication;
import static fr.dataterritoires.exchanges.domain.DomainFixtures.placement;
import static fr.dataterritoires.exchanges.domain.DomainFixtures.publishedOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** The rules of offers, applications and placements, without Spring or a database. */
class ExchangeRulesTest {

    @Test
    void anExchangeMustCrossSides() {
        assertThat(Direction.of(Side.STATE, Side.TERRITORIAL)).isEqualTo(Direction.STATE_TO_TERRITORIAL);
        assertThat(Direction.of(Side.TERRITORIAL, Side.STATE)).isEqualTo(Direction.TERRITORIAL_TO_STATE);
        for (Side side : Side.values()) {
            assertThatThrownBy(() -> Direction.of(side, side)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("croiser les versants")
                    .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("echange-meme-versant");
        }
        assertThat(HostType.MINISTRY.side()).isEqualTo(Side.STATE);
        assertThat(HostType.OPERATOR.side()).isEqualTo(Side.STATE);
        assertThat(HostType.LOCAL_AUTHORITY.side()).isEqualTo(Side.TERRITORIAL);
    }

    @Test
    void anOffersDurationStaysWithinTheProgrammesLimits() {
        assertThatThrownBy(() -> Offer.draft(UUID.randomUUID(), "213800006", HostType.LOCAL_AUTHORITY, "H", "84",
                null, "T", List.of("x"), "a", "l", 1, 120, List.of(new DateRange(START, START.plusDays(200))), 1,
                WorkMode.REMOTE, null, LIMITS, "h", NOW)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("maxDays");
        ProgrammeLimits strict = new ProgrammeLimits(5, 10);
        assertThatThrownBy(() -> Offer.draft(UUID.randomUUID(), "213800006", HostType.LOCAL_AUTHORITY, "H", "84",
                null, "T", List.of("x"), "a", "l", 2, 10, List.of(new DateRange(START, START.plusDays(20))), 1,
                WorkMode.REMOTE, null, strict, "h", NOW)).extracting(e -> ((RuleViolation) e).field())
                .isEqualTo("minDays");
        assertThatThrownBy(() -> Offer.draft(UUID.randomUUID(), "213800007", HostType.LOCAL_AUTHORITY, "H", "84",
                null, "T", List.of("x"), "a", "l", 1, 10, List.of(new DateRange(START, START.plusDays(20))), 1,
                WorkMode.REMOTE, null, LIMITS, "h", NOW)).extracting(e -> ((RuleViolation) e).field())
                .isEqualTo("hostSiren");
        assertThatThrownBy(() -> Offer.draft(UUID.randomUUID(), "213800006", HostType.LOCAL_AUTHORITY, "H", "84",
                null, "T", List.of("x"), "a", "l", 1, 10, List.of(new DateRange(START, START.plusDays(20))), 1,
                WorkMode.ON_SITE, " ", LIMITS, "h", NOW)).extracting(e -> ((RuleViolation) e).field())
                .isEqualTo("place");
    }

    @Test
    void theHostAcceptsOnlyAfterTheEmployerAndWithinCapacity() {
        Offer offer = publishedOffer(HostType.LOCAL_AUTHORITY, 1);
        ExchangeApplication submitted = ExchangeApplication.submit(UUID.randomUUID(), offer, UUID.randomUUID(),
                new DateRange(START, START.plusDays(2)), "M", "120000005", Side.STATE, "84", "MEF", NOW);
        assertThatThrownBy(() -> submitted.accept("host", NOW)).isInstanceOf(RuleViolation.StateConflict.class)
                .hasMessageContaining("employeur");
        assertThatThrownBy(() -> submitted.refuseByEmployer("e", " ", NOW))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("reason");
        submitted.refuseByEmployer("e", "Charge de travail", NOW);
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.EMPLOYER_REFUSED);
        assertThatThrownBy(() -> submitted.withdraw(NOW)).isInstanceOf(RuleViolation.StateConflict.class);

        Offer full = new Offer(offer.id(), offer.hostSiren(), offer.hostType(), offer.hostName(), offer.regionCode(),
                offer.ministry(), offer.title(), offer.topics(), offer.activities(), offer.learningOutcomes(),
                offer.minDays(), offer.maxDays(), offer.windows(), 1, 1, offer.workMode(), offer.place(),
                OfferStatus.PUBLISHED, "h", NOW, NOW, null, 1);
        assertThatThrownBy(full::checkPlaceAvailable).isInstanceOf(OfferFull.class).hasMessageContaining("1 places");
        ExchangeApplication late = ExchangeApplication.submit(UUID.randomUUID(), full, UUID.randomUUID(),
                new DateRange(START, START.plusDays(2)), "M", "120000005", Side.STATE, "84", null, NOW);
        assertThat(late.waitlistedAt()).as("applying to a full offer waits").isEqualTo(NOW);
    }

    @Test
    void aClosedOrDraftOfferTakesNoApplication() {
        Offer offer = publishedOffer(HostType.STATE_SERVICE, 1);
        offer.close(NOW);
        assertThatThrownBy(() -> offer.checkApplication(Side.TERRITORIAL, new DateRange(START, START)))
                .isInstanceOf(RuleViolation.StateConflict.class).hasMessageContaining("close");
        assertThatThrownBy(() -> offer.close(NOW)).isInstanceOf(RuleViolation.StateConflict.class);
    }

    @Test
    void eachNewAgreementVersionNeedsTheThreePartiesAgain() {
        Placement p = placement();
        assertThatThrownBy(() -> p.acceptAgreement(Party.AGENT, 1, NOW)).hasMessageContaining("Aucune convention");
        p.proposeAgreement(Party.HOST, List.of("Objectif 1"), NOW);
        p.acceptAgreement(Party.AGENT, 1, NOW);
        p.proposeAgreement(Party.EMPLOYER, List.of("Objectif 1", "Objectif 2"), NOW);
        assertThat(p.currentAgreement().acceptances()).containsOnlyKeys(Party.EMPLOYER);
        assertThatThrownBy(() -> p.acceptAgreement(Party.AGENT, 1, NOW)).hasMessageContaining("version en vigueur");
        p.acceptAgreement(Party.AGENT, 2, NOW);
        assertThat(p.status()).isEqualTo(PlacementStatus.AGREEMENT_PENDING);
        assertThatThrownBy(() -> p.start(NOW)).isInstanceOf(RuleViolation.StateConflict.class);
        p.acceptAgreement(Party.HOST, 2, NOW);
        assertThat(p.status()).isEqualTo(PlacementStatus.AGREED);
        p.start(NOW);
        assertThatThrownBy(() -> p.proposeAgreement(Party.HOST, List.of("x"), NOW))
                .hasMessageContaining("commencé");
        assertThatThrownBy(() -> p.complete(NOW)).hasMessageContaining("rapport");
        p.report("Rapport", NOW);
        p.feedback("Appréciation", NOW);
        p.complete(NOW);
        assertThat(p.status()).isEqualTo(PlacementStatus.COMPLETED);
        assertThatThrownBy(() -> p.cancel("x", NOW)).isInstanceOf(RuleViolation.StateConflict.class);
        p.erasePersonalData(NOW);
        assertThat(p.agentReport()).isNull();
        assertThat(p.hostFeedback()).isNull();
        assertThat(p.agreement()).allSatisfy(v -> assertThat(v.objectives()).isNull());
    }

    @Test
    void aBookedAgentCannotBeBookedAgainOnOverlappingDates() {
        Placement booked = placement();
        assertThatThrownBy(() -> Placement.checkNoOverlap(new DateRange(START.plusDays(9), START.plusDays(12)),
                List.of(booked))).hasMessageContaining("chevaucher");
        Placement.checkNoOverlap(new DateRange(START.plusDays(10), START.plusDays(12)), List.of(booked));
        booked.cancel("Annulé", NOW);
        Placement.checkNoOverlap(new DateRange(START, START.plusDays(12)), List.of(booked));
    }

    @Test
    void erasingAPersonLeavesNoIdentity() {
        Person person = Person.register(UUID.randomUUID(), "sub", "Nom", "nom@exemple.gouv.fr", "A", NOW);
        assertThat(person.auditActor()).startsWith("person:").doesNotContain("sub", "Nom");
        person.erase(NOW);
        assertThat(person.subject()).isNull();
        assertThat(person.name()).isNull();
        assertThat(person.email()).isNull();
        assertThat(person.category()).isNull();
        assertThat(person.statisticsKey()).isNull();
        assertThatThrownBy(() -> Person.register(UUID.randomUUID(), "s", "N", "pas-une-adresse", null, NOW))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("agent.email");
    }

    @Test
    void trainingsEnrolAgentsWithoutConsentWhereTheProgrammeAllowsIt() {
        Training free = new Training(UUID.randomUUID(), "P", "T", null, TrainingFormat.ONLINE, 7, List.of(),
                java.util.Set.of(LearnerCategory.STATE_AGENT, LearnerCategory.ELECTED_OFFICIAL), false, true, "c", NOW);
        Training consent = new Training(UUID.randomUUID(), "P", "T", null, TrainingFormat.COHORT, 7, List.of(),
                java.util.Set.of(LearnerCategory.STATE_AGENT, LearnerCategory.ELECTED_OFFICIAL), true, true, "c", NOW);
        assertThat(free.enrolmentStatusFor(LearnerCategory.STATE_AGENT)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(consent.enrolmentStatusFor(LearnerCategory.STATE_AGENT)).isEqualTo(EnrolmentStatus.AWAITING_CONSENT);
        assertThat(consent.enrolmentStatusFor(LearnerCategory.ELECTED_OFFICIAL)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThatThrownBy(() -> free.enrolmentStatusFor(LearnerCategory.TERRITORIAL_AGENT))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("public-non-vise");
    }
}
