package fr.dataterritoires.exchanges.application;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.Party;
import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.exchanges.domain.PlacementStatus;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.OwnershipViolationException;

/**
 * Placements: the versioned agreement accepted by the three parties (the agent, the employer's manager, the host's
 * manager), the start, the agent's report and the host's feedback, completion (anonymous statistics recorded,
 * {@code PlacementCompleted} published) and cancellation. Each party acts as itself: the caller's party is worked
 * out from the token, never declared.
 */
@Service
public class PlacementService {

    public record PlacementView(Placement placement, ExchangeApplication application, Offer offer, Party callerParty) {
    }

    private final ExchangeStores.Offers offers;
    private final ExchangeStores.Persons persons;
    private final ExchangeStores.Applications applications;
    private final ExchangeStores.Placements placements;
    private final ExchangeStores.Statistics statistics;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;
    private final ExchangesMetrics metrics;

    public PlacementService(ExchangeStores.Offers offers, ExchangeStores.Persons persons,
                            ExchangeStores.Applications applications, ExchangeStores.Placements placements,
                            ExchangeStores.Statistics statistics, AuditTrail audit, OutboxPublisher outbox,
                            ExchangesMetrics metrics) {
        this.offers = offers;
        this.persons = persons;
        this.applications = applications;
        this.placements = placements;
        this.statistics = statistics;
        this.audit = audit;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional(readOnly = true)
    public PlacementView get(DtPrincipal actor, UUID id) {
        Placement p = placements.find(id).orElseThrow(() -> NotFoundException.of("échange", id));
        return context(actor, p);
    }

    @Transactional(readOnly = true)
    public List<PlacementView> mine(DtPrincipal actor) {
        return persons.findBySubject(actor.subject()).map(person -> placements.byPerson(person.id()).stream()
                .map(p -> context(actor, p)).toList()).orElse(List.of());
    }

    @Transactional
    public PlacementView proposeAgreement(DtPrincipal actor, UUID id, List<String> objectives) {
        return change(actor, id, "placement.agreement-proposed", null,
                (p, ctx) -> p.proposeAgreement(ctx.callerParty(), objectives, Clocks.now()));
    }

    @Transactional
    public PlacementView acceptAgreement(DtPrincipal actor, UUID id, int version) {
        return change(actor, id, "placement.agreement-accepted", null,
                (p, ctx) -> p.acceptAgreement(ctx.callerParty(), version, Clocks.now()));
    }

    @Transactional
    public PlacementView start(DtPrincipal actor, UUID id) {
        return change(actor, id, "placement.started", Party.HOST, (p, ctx) -> p.start(Clocks.now()));
    }

    @Transactional
    public PlacementView report(DtPrincipal actor, UUID id, String text) {
        return change(actor, id, "placement.reported", Party.AGENT, (p, ctx) -> p.report(text, Clocks.now()));
    }

    @Transactional
    public PlacementView feedback(DtPrincipal actor, UUID id, String text) {
        return change(actor, id, "placement.feedback-given", Party.HOST, (p, ctx) -> p.feedback(text, Clocks.now()));
    }

    @Transactional
    public PlacementView cancel(DtPrincipal actor, UUID id, String reason) {
        return change(actor, id, "placement.cancelled", null, (p, ctx) -> p.cancel(reason, Clocks.now()));
    }

    /** The host closes the exchange: statistics recorded and PlacementCompleted published in the same transaction. */
    @Transactional
    public PlacementView complete(DtPrincipal actor, UUID id) {
        PlacementView view = change(actor, id, "placement.completed", Party.HOST, (p, ctx) -> p.complete(Clocks.now()));
        Placement p = view.placement();
        Offer offer = view.offer();
        ExchangeApplication a = view.application();
        Person person = persons.find(p.personId()).orElseThrow();
        String ministry = ExchangeEvents.stateMinistry(p, offer, a);
        statistics.recordExchange(new ExchangeStores.ExchangeFact(p.direction().name(), offer.hostSiren(),
                offer.regionCode(), a.employerSiren(), a.employerRegionCode(),
                ExchangeEvents.territorialRegion(p, offer, a), ministry, p.dates().days(),
                p.completedAt().atZone(ZoneOffset.UTC).toLocalDate(), person.statisticsKey()));
        outbox.record("Placement", p.id().toString(), ExchangeEvents.PLACEMENT_COMPLETED,
                new ExchangeEvents.PlacementCompleted(p.id(), offer.id(), p.direction(), offer.hostSiren(),
                        a.employerSiren(), offer.regionCode(), a.employerRegionCode(), ministry, offer.topics(),
                        p.dates().start(), p.dates().end(), p.dates().days(), p.completedAt()));
        metrics.placementCompleted();
        return view;
    }

    private PlacementView change(DtPrincipal actor, UUID id, String action, Party required,
                                 BiConsumer<Placement, PlacementView> op) {
        Placement read = placements.find(id).orElseThrow(() -> NotFoundException.of("échange", id));
        // lock order everywhere: offer, then the placement; a cancellation frees a place
        offers.lock(read.offerId());
        Placement p = placements.lock(id).orElseThrow();
        PlacementView ctx = context(actor, p);
        if (required != null && ctx.callerParty() != required) {
            throw new OwnershipViolationException(switch (required) {
                case AGENT -> "Seul l'agent accueilli peut faire cette action.";
                case EMPLOYER -> "Seul l'employeur de l'agent peut faire cette action.";
                case HOST -> "Seule l'administration d'accueil peut faire cette action.";
            });
        }
        Object before = ExchangeEvents.snapshot(p);
        op.accept(p, ctx);
        placements.update(p);
        Person person = persons.find(p.personId()).orElseThrow();
        if (person.erasedAt() == null) {
            person.touch(Clocks.now());
            persons.update(person);
        }
        String auditActor = ctx.callerParty() == Party.AGENT ? person.auditActor() : actor.subject();
        audit.record(auditActor, action, "Placement", id.toString(), before, ExchangeEvents.snapshot(p));
        if (p.status() == PlacementStatus.CANCELLED) {
            metrics.placementCancelled();
        }
        return context(actor, placements.find(id).orElseThrow());
    }

    /** The placement with its application and offer, and the caller's party; refused to anyone else. */
    private PlacementView context(DtPrincipal actor, Placement p) {
        ExchangeApplication a = applications.find(p.applicationId()).orElseThrow();
        Offer offer = offers.find(p.offerId()).orElseThrow();
        Person person = persons.find(p.personId()).orElseThrow();
        Party party;
        if (ApplicationService.isAgent(actor, person)) {
            party = Party.AGENT;
        } else if (OfferService.isHost(actor, offer)) {
            party = Party.HOST;
        } else if (ApplicationService.isEmployer(actor, a)) {
            party = Party.EMPLOYER;
        } else {
            throw new OwnershipViolationException("Cet échange ne vous concerne pas : seuls l'agent, son employeur "
                    + "et l'administration d'accueil peuvent le consulter.");
        }
        return new PlacementView(p, a, offer, party);
    }

}
