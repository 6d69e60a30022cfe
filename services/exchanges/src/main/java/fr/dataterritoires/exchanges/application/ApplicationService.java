package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.Direction;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.OfferFull;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;

/**
 * Agents' applications. An agent (AGENT, whose {@code siren} claim is their employer's SIREN) applies to a published
 * offer and reads only their own applications. The <em>employer</em> decides through its exchange manager: a
 * HOST_MANAGER whose {@code siren} is the application's employer SIREN (the same role that manages the
 * administration's own offers; an AGENT, even of the same employer, never decides). The host decides through a
 * HOST_MANAGER whose {@code siren} is the offer's host. Acceptance moves capacity: it locks the offer's row (FOR NO
 * KEY UPDATE), then the agent's, so that neither capacity nor an agent's calendar can be overbooked by concurrent
 * acceptances (the database checks both again: places_taken &lt;= capacity, and an exclusion constraint on the
 * agent's date ranges).
 */
@Service
public class ApplicationService {

    public record Apply(String name, String email, String category, Side employerSide, String employerRegionCode,
                        String employerMinistry, DateRange dates, String motivation) {
    }

    /** An application with what its reader needs around it. */
    public record ApplicationView(ExchangeApplication application, Offer offer, Person person, UUID placementId,
                                  Integer waitingListPosition) {
    }

    private final ExchangeStores.Offers offers;
    private final ExchangeStores.Persons persons;
    private final ExchangeStores.Applications applications;
    private final ExchangeStores.Placements placements;
    private final AuditTrail audit;
    private final ExchangesMetrics metrics;

    public ApplicationService(ExchangeStores.Offers offers, ExchangeStores.Persons persons,
                              ExchangeStores.Applications applications, ExchangeStores.Placements placements,
                              AuditTrail audit, ExchangesMetrics metrics) {
        this.offers = offers;
        this.persons = persons;
        this.applications = applications;
        this.placements = placements;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Transactional
    public ApplicationView apply(DtPrincipal actor, UUID offerId, Apply c) {
        Ownership.requireAnyRole(actor, Role.AGENT);
        if (actor.siren() == null) {
            throw new OwnershipViolationException("Votre compte ne porte pas le SIREN de votre employeur : "
                    + "impossible de candidater.");
        }
        Offer offer = offers.find(offerId).orElseThrow(() -> NotFoundException.of("offre", offerId));
        if (offer.status() == OfferStatus.DRAFT) {
            throw NotFoundException.of("offre", offerId);
        }
        Instant now = Clocks.now();
        Person person = PersonRegistry.identify(persons, actor, c.name(), c.email(), c.category(), now);
        Placement.checkNoOverlap(c.dates(), placements.byPerson(person.id()));
        boolean alreadyOpen = applications.byPerson(person.id()).stream()
                .anyMatch(a -> a.offerId().equals(offerId) && a.status().isOpen());
        if (alreadyOpen) {
            throw new RuleViolation.StateConflict("candidature-en-cours",
                    "Vous avez déjà une candidature en cours d'examen pour cette offre.");
        }
        ExchangeApplication application = ExchangeApplication.submit(UUID.randomUUID(), offer, person.id(),
                c.dates(), c.motivation(), actor.siren(), c.employerSide(), c.employerRegionCode(),
                c.employerMinistry(), now);
        applications.insert(application);
        audit.record(person.auditActor(), "application.submitted", "Application", application.id().toString(), null,
                ExchangeEvents.snapshot(application));
        metrics.applicationSubmitted();
        return view(application, offer, person);
    }

    /** The agent's own application, or one their employer's or the host's manager handles. */
    @Transactional(readOnly = true)
    public ApplicationView get(DtPrincipal actor, UUID id) {
        ExchangeApplication a = applications.find(id).orElseThrow(() -> NotFoundException.of("candidature", id));
        Offer offer = offers.find(a.offerId()).orElseThrow();
        Person person = persons.find(a.personId()).orElseThrow();
        if (!isAgent(actor, person) && !isEmployer(actor, a) && !OfferService.isHost(actor, offer)) {
            throw new OwnershipViolationException("Cette candidature ne vous concerne pas : seuls l'agent, son "
                    + "employeur et l'administration d'accueil peuvent la consulter.");
        }
        return view(a, offer, person);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> mine(DtPrincipal actor) {
        Ownership.requireAnyRole(actor, Role.AGENT);
        return persons.findBySubject(actor.subject()).map(p -> applications.byPerson(p.id()).stream()
                .map(a -> view(a, offers.find(a.offerId()).orElseThrow(), p)).toList()).orElse(List.of());
    }

    /** Applications of the employer's agents (its exchange manager). */
    @Transactional(readOnly = true)
    public List<ApplicationView> ofEmployer(DtPrincipal actor) {
        Ownership.requireAnyRole(actor, Role.HOST_MANAGER);
        return applications.byEmployer(actor.siren()).stream().map(a -> view(a,
                offers.find(a.offerId()).orElseThrow(), persons.find(a.personId()).orElseThrow())).toList();
    }

    /** Applications to an offer (its host); {@code waitingOnly} gives the waiting list, in order. */
    @Transactional(readOnly = true)
    public List<ApplicationView> ofOffer(DtPrincipal actor, UUID offerId, boolean waitingOnly) {
        Offer offer = offers.find(offerId).orElseThrow(() -> NotFoundException.of("offre", offerId));
        Ownership.requireSiren(actor, Role.HOST_MANAGER, offer.hostSiren());
        return applications.byOffer(offerId).stream()
                .filter(a -> !waitingOnly || (a.waitlistedAt() != null && a.status().isOpen()))
                .sorted(waitingOnly ? java.util.Comparator.comparing(ExchangeApplication::waitlistedAt)
                        .thenComparing(ExchangeApplication::submittedAt) : (x, y) -> 0)
                .map(a -> view(a, offer, persons.find(a.personId()).orElseThrow())).toList();
    }

    @Transactional
    public ApplicationView employerDecision(DtPrincipal actor, UUID id, boolean approve, String reason) {
        ExchangeApplication a = applications.lock(id).orElseThrow(() -> NotFoundException.of("candidature", id));
        if (!isEmployer(actor, a)) {
            throw new OwnershipViolationException("Seul l'employeur de l'agent (son gestionnaire des échanges, "
                    + "rôle HOST_MANAGER au SIREN de l'employeur) peut se prononcer sur cette candidature.");
        }
        Object before = ExchangeEvents.snapshot(a);
        Instant now = Clocks.now();
        if (approve) {
            a.approveByEmployer(actor.subject(), now);
        } else {
            a.refuseByEmployer(actor.subject(), reason, now);
        }
        return save(actor.subject(), a, approve ? "application.employer-approved" : "application.employer-refused",
                before, now);
    }

    /** The host refuses (with a reason), or accepts: a place is taken and the placement opens. */
    @Transactional(noRollbackFor = OfferFull.class)
    public ApplicationView hostDecision(DtPrincipal actor, UUID id, boolean accept, String reason) {
        ExchangeApplication read = applications.find(id).orElseThrow(() -> NotFoundException.of("candidature", id));
        // lock order everywhere: offer, then application, then person
        Offer offer = offers.lock(read.offerId()).orElseThrow();
        Ownership.requireSiren(actor, Role.HOST_MANAGER, offer.hostSiren());
        ExchangeApplication a = applications.lock(id).orElseThrow();
        Object before = ExchangeEvents.snapshot(a);
        Instant now = Clocks.now();
        if (!accept) {
            a.refuseByHost(actor.subject(), reason, now);
            return save(actor.subject(), a, "application.host-refused", before, now);
        }
        Person person = persons.lock(a.personId()).orElseThrow();
        Direction direction = Direction.of(a.employerSide(), offer.hostSide());
        if (a.status() == fr.dataterritoires.exchanges.domain.ApplicationStatus.EMPLOYER_APPROVED) {
            Placement.checkNoOverlap(a.dates(), placements.byPerson(person.id()));
            try {
                offer.checkPlaceAvailable();
            } catch (OfferFull full) {
                a.waitlist(now);
                save(actor.subject(), a, "application.waitlisted", before, now);
                metrics.acceptanceRefusedFull();
                throw full;
            }
        }
        a.accept(actor.subject(), now);
        ApplicationView saved = save(actor.subject(), a, "application.accepted", before, now);
        Placement placement = Placement.open(UUID.randomUUID(), a, direction, now);
        placements.insert(placement);
        audit.record(actor.subject(), "placement.opened", "Placement", placement.id().toString(), null,
                ExchangeEvents.snapshot(placement));
        metrics.placementOpened();
        return new ApplicationView(saved.application(), offer, person, placement.id(), null);
    }

    @Transactional
    public ApplicationView withdraw(DtPrincipal actor, UUID id) {
        ExchangeApplication a = applications.lock(id).orElseThrow(() -> NotFoundException.of("candidature", id));
        Person person = persons.find(a.personId()).orElseThrow();
        if (!isAgent(actor, person)) {
            throw new OwnershipViolationException("Seul l'agent peut retirer sa candidature.");
        }
        Object before = ExchangeEvents.snapshot(a);
        Instant now = Clocks.now();
        a.withdraw(now);
        applications.update(a);
        audit.record(person.auditActor(), "application.withdrawn", "Application", id.toString(), before,
                ExchangeEvents.snapshot(a));
        return view(applications.find(id).orElseThrow(), offers.find(a.offerId()).orElseThrow(), person);
    }

    private ApplicationView save(String auditActor, ExchangeApplication a, String action, Object before, Instant now) {
        applications.update(a);
        Person person = persons.find(a.personId()).orElseThrow();
        person.touch(now);
        persons.update(person);
        audit.record(auditActor, action, "Application", a.id().toString(), before, ExchangeEvents.snapshot(a));
        return view(applications.find(a.id()).orElseThrow(), offers.find(a.offerId()).orElseThrow(), person);
    }

    private ApplicationView view(ExchangeApplication a, Offer offer, Person person) {
        UUID placementId = placements.byApplication(a.id()).map(Placement::id).orElse(null);
        Integer position = null;
        if (a.waitlistedAt() != null && a.status().isOpen()) {
            List<ExchangeApplication> waiting = applications.byOffer(a.offerId()).stream()
                    .filter(x -> x.waitlistedAt() != null && x.status().isOpen())
                    .sorted(java.util.Comparator.comparing(ExchangeApplication::waitlistedAt)
                            .thenComparing(ExchangeApplication::submittedAt)).toList();
            position = waiting.indexOf(waiting.stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow())
                    + 1;
        }
        return new ApplicationView(a, offer, person, placementId, position);
    }

    static boolean isAgent(DtPrincipal actor, Person person) {
        return actor != null && actor.hasRole(Role.AGENT) && person.subject() != null
                && Objects.equals(person.subject(), actor.subject());
    }

    static boolean isEmployer(DtPrincipal actor, ExchangeApplication a) {
        return actor != null && actor.hasRole(Role.HOST_MANAGER) && Objects.equals(actor.siren(), a.employerSiren());
    }
}
