package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.HostType;
import fr.dataterritoires.exchanges.domain.Offer;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.WorkMode;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;

/**
 * Host offers: a host administration's manager (HOST_MANAGER whose {@code siren} is the host's) drafts, publishes and
 * closes them. Published and closed offers are public; a draft is visible to its host only.
 */
@Service
public class OfferService {

    public record DraftOffer(String hostSiren, HostType hostType, String hostName, String regionCode, String ministry,
                             String title, List<String> topics, String activities, String learningOutcomes,
                             int minDays, int maxDays, List<DateRange> windows, int capacity, WorkMode workMode,
                             String place) {
    }

    private final ExchangeStores.Offers offers;
    private final AuditTrail audit;
    private final ExchangesSettings settings;

    public OfferService(ExchangeStores.Offers offers, AuditTrail audit, ExchangesSettings settings) {
        this.offers = offers;
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional
    public Offer draft(DtPrincipal actor, DraftOffer c) {
        Ownership.requireSiren(actor, Role.HOST_MANAGER, c.hostSiren());
        Instant now = Clocks.now();
        Offer offer = Offer.draft(UUID.randomUUID(), c.hostSiren(), c.hostType(), c.hostName(), c.regionCode(),
                c.ministry(), c.title(), c.topics(), c.activities(), c.learningOutcomes(), c.minDays(), c.maxDays(),
                c.windows(), c.capacity(), c.workMode(), c.place(), settings.limits(), actor.subject(), now);
        offers.insert(offer);
        audit.record(actor.subject(), "offer.drafted", "Offer", offer.id().toString(), null,
                ExchangeEvents.snapshot(offer));
        return offer;
    }

    @Transactional
    public Offer publish(DtPrincipal actor, UUID id) {
        return change(actor, id, "offer.published", (o, now) -> o.publish(now));
    }

    @Transactional
    public Offer close(DtPrincipal actor, UUID id) {
        return change(actor, id, "offer.closed", (o, now) -> o.close(now));
    }

    private Offer change(DtPrincipal actor, UUID id, String action, java.util.function.BiConsumer<Offer, Instant> op) {
        Offer offer = offers.lock(id).orElseThrow(() -> NotFoundException.of("offre", id));
        Ownership.requireSiren(actor, Role.HOST_MANAGER, offer.hostSiren());
        Object before = ExchangeEvents.snapshot(offer);
        op.accept(offer, Clocks.now());
        offers.update(offer);
        audit.record(actor.subject(), action, "Offer", id.toString(), before, ExchangeEvents.snapshot(offer));
        return offers.find(id).orElseThrow();
    }

    /** An offer as the caller may see it: a draft only by its host (anyone else is told it does not exist). */
    @Transactional(readOnly = true)
    public Offer get(DtPrincipal actor, UUID id) {
        Offer offer = offers.find(id).orElseThrow(() -> NotFoundException.of("offre", id));
        if (offer.status() == OfferStatus.DRAFT && !isHost(actor, offer)) {
            throw NotFoundException.of("offre", id);
        }
        return offer;
    }

    /** Published offers (or closed ones) for anyone; a host manager also lists their own drafts with {@code mine}. */
    @Transactional(readOnly = true)
    public List<Offer> list(DtPrincipal actor, OfferStatus status, String regionCode, String topic, boolean mine,
                            int limit, int offset) {
        if (mine) {
            Ownership.requireAnyRole(actor, Role.HOST_MANAGER);
            return offers.list(status, actor.siren(), regionCode, topic, limit, offset);
        }
        if (status == OfferStatus.DRAFT) {
            throw new fr.dataterritoires.platform.errors.InvalidFieldException("status",
                    "les brouillons ne sont listés que par leur hôte (mine=true)", status.name());
        }
        return offers.list(status == null ? OfferStatus.PUBLISHED : status, null, regionCode, topic, limit, offset);
    }

    static boolean isHost(DtPrincipal actor, Offer offer) {
        return actor != null && actor.hasRole(Role.HOST_MANAGER) && offer.hostSiren().equals(actor.siren());
    }
}
