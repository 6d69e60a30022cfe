package fr.dataterritoires.replication.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.reach.Reach;
import fr.dataterritoires.replication.domain.replica.CostShare;
import fr.dataterritoires.replication.domain.replica.Lineage;
import fr.dataterritoires.replication.domain.replica.Replication;
import fr.dataterritoires.replication.domain.replica.ReplicationStatus;

/**
 * Use cases of replications: a territory (its adopting organisation, an applicant acting for its SIREN, or a national
 * coordinator) declares its interest in a validated initiative — directly or from a replica — then plans, starts,
 * goes live or abandons with a reason. Lineage changes are serialised per initiative and never close a cycle. Going
 * live publishes {@code ReplicationLive}.
 */
@Service
public class ReplicationService {

    private final ReplicationStore replications;
    private final InitiativeStore initiatives;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final RegistryMetrics metrics;

    public ReplicationService(ReplicationStore replications, InitiativeStore initiatives, AuditTrail audit,
            OutboxPublisher outbox, Clock clock, RegistryMetrics metrics) {
        this.replications = replications;
        this.initiatives = initiatives;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    public Replication register(DtPrincipal actor, UUID initiativeId, UUID basedOn, String adopterSiren,
            Set<TerritoryRef> territories) {
        Initiative initiative = initiatives.find(initiativeId).orElseThrow(() -> InitiativeService.notFound(initiativeId));
        if (!initiative.maturity().isAtLeast(Maturity.VALIDATED)) {
            throw new RuleViolation("initiative-non-validee", "initiativeId", "L'initiative est au stade "
                    + "d'expérimentation : elle se réplique une fois validée sur des preuves.");
        }
        Replication replication = Replication.interest(UUID.randomUUID(), initiativeId, null, adopterSiren, territories,
                today());
        requireAdopterOrCoordinator(actor, replication.adopterSiren());
        if (basedOn != null) {
            replications.lockInitiative(initiativeId);
            Lineage.requireAcyclic(replication, basedOn, replications::find);
            replication = new Replication(replication.id(), initiativeId, basedOn, replication.adopterSiren(),
                    replication.territories(), replication.status(), replication.interestedOn(), null, null, null,
                    null, null, List.of(), List.of(), 0);
        }
        replications.insert(replication);
        audit.record(actor.subject(), "replication.registered", RegistryEvents.REPLICATION,
                replication.id().toString(), null, replication);
        return replication;
    }

    @Transactional
    public Replication advance(DtPrincipal actor, UUID id, long version, ReplicationStatus target, LocalDate on) {
        Replication current = locked(id);
        requireAdopterOrCoordinator(actor, current.adopterSiren());
        requireVersion(current, version);
        Replication changed = current.advance(target, on, today());
        save(changed);
        audit.record(actor.subject(), "replication." + target.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                RegistryEvents.REPLICATION, id.toString(), current, changed);
        if (target == ReplicationStatus.LIVE) {
            outbox.record(RegistryEvents.REPLICATION, id.toString(), RegistryEvents.REPLICATION_LIVE, livePayload(changed));
            metrics.replicationLive();
        }
        return changed;
    }

    @Transactional
    public Replication abandon(DtPrincipal actor, UUID id, long version, String reason) {
        Replication current = locked(id);
        requireAdopterOrCoordinator(actor, current.adopterSiren());
        requireVersion(current, version);
        Replication changed = current.abandon(reason, today());
        save(changed);
        audit.record(actor.subject(), "replication.abandoned", RegistryEvents.REPLICATION, id.toString(), current,
                changed);
        return changed;
    }

    @Transactional
    public Replication report(DtPrincipal actor, UUID id, long version, List<CostShare> costs, List<Indicator> outcomes) {
        Replication current = locked(id);
        requireAdopterOrCoordinator(actor, current.adopterSiren());
        requireVersion(current, version);
        Replication changed = current.report(costs, outcomes);
        save(changed);
        audit.record(actor.subject(), "replication.reported", RegistryEvents.REPLICATION, id.toString(), current,
                changed);
        return changed;
    }

    /** Re-parents a replication in its lineage (null: based on the initiative itself); cycles refused. */
    @Transactional
    public Replication rebase(DtPrincipal actor, UUID id, long version, UUID basedOn) {
        Replication first = replications.find(id).orElseThrow(() -> notFound(id));
        replications.lockInitiative(first.initiativeId());
        Replication current = locked(id);
        requireAdopterOrCoordinator(actor, current.adopterSiren());
        requireVersion(current, version);
        Lineage.requireAcyclic(current, basedOn, replications::find);
        Replication changed = current.rebasedOn(basedOn);
        save(changed);
        audit.record(actor.subject(), "replication.rebased", RegistryEvents.REPLICATION, id.toString(), current,
                changed);
        return changed;
    }

    @Transactional(readOnly = true)
    public Replication get(UUID id) {
        return replications.find(id).orElseThrow(() -> notFound(id));
    }

    static Map<String, Object> livePayload(Replication r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("replicationId", r.id().toString());
        data.put("initiativeId", r.initiativeId().toString());
        if (r.basedOn() != null) {
            data.put("basedOnReplicationId", r.basedOn().toString());
        }
        data.put("adopterSiren", r.adopterSiren());
        data.put("territories", r.territories().stream().map(TerritoryRef::code).toList());
        data.put("population", Reach.of(r.territories()).population());
        data.put("liveAt", r.liveOn().atStartOfDay(InitiativeService.PARIS).toOffsetDateTime().toString());
        return data;
    }

    /** Locked for a change; its version is checked once the caller may make it (403 before 409: nothing leaks). */
    private Replication locked(UUID id) {
        return replications.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static void requireVersion(Replication current, long version) {
        if (current.version() != version) {
            throw new RuleViolation.StateConflict("version-perimee", "La réplication a changé depuis votre "
                    + "lecture (version " + current.version() + ", vous envoyez " + version + ") : rechargez-la.");
        }
    }

    private void save(Replication changed) {
        if (!replications.update(changed)) {
            throw new RuleViolation.StateConflict("version-perimee", "La réplication a changé entre-temps.");
        }
    }

    private static void requireAdopterOrCoordinator(DtPrincipal actor, String adopterSiren) {
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            Ownership.requireSiren(actor, Role.APPLICANT, adopterSiren);
        }
    }

    static RuleViolation.NotFound notFound(UUID id) {
        return new RuleViolation.NotFound("La réplication " + id + " est introuvable.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InitiativeService.PARIS);
    }
}
