package fr.dataterritoires.replication.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.initiative.MaturityFacts;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.replica.Replication;

/**
 * Use cases of initiatives: declared by their lead (an applicant acting for its SIREN) or a national coordinator,
 * described by them, moved up the maturity ladder by national coordinators (who steer the programme) on the evidence
 * the domain requires. Every change is audited; validation publishes {@code InitiativeValidated}.
 */
@Service
public class InitiativeService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final InitiativeStore initiatives;
    private final ReplicationStore replications;
    private final ProgrammeStore programme;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final RegistryMetrics metrics;

    public InitiativeService(InitiativeStore initiatives, ReplicationStore replications, ProgrammeStore programme,
            AuditTrail audit, OutboxPublisher outbox, Clock clock, RegistryMetrics metrics) {
        this.initiatives = initiatives;
        this.replications = replications;
        this.programme = programme;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    public Initiative create(DtPrincipal actor, String leadSiren, InitiativeContent content) {
        requireLeadOrCoordinator(actor, leadSiren);
        Initiative initiative = Initiative.create(UUID.randomUUID(), leadSiren, content, clock.instant());
        initiatives.insert(initiative);
        audit.record(actor.subject(), "initiative.created", RegistryEvents.INITIATIVE, initiative.id().toString(), null,
                initiative);
        metrics.initiativeCreated();
        return initiative;
    }

    @Transactional
    public Initiative describe(DtPrincipal actor, UUID id, long version, InitiativeContent content) {
        Initiative current = locked(id);
        requireLeadOrCoordinator(actor, current.leadSiren());
        requireVersion(current, version);
        Initiative changed = current.describe(content, clock.instant());
        save(changed);
        audit.record(actor.subject(), "initiative.described", RegistryEvents.INITIATIVE, id.toString(), current, changed);
        return changed;
    }

    /** The next maturity step, on its evidence; national coordinators only. */
    @Transactional
    public Initiative advance(DtPrincipal actor, UUID id, long version, Maturity target, String justification) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        Initiative current = lockedAt(id, version);
        Instant now = clock.instant();
        Initiative changed = current.advance(target, justification, facts(id), actor.subject(), now);
        save(changed);
        audit.record(actor.subject(), "initiative.maturity-" + target.name().toLowerCase(java.util.Locale.ROOT),
                RegistryEvents.INITIATIVE, id.toString(), Map.of("maturity", current.maturity()),
                changed.steps().getLast());
        if (target == Maturity.VALIDATED) {
            outbox.record(RegistryEvents.INITIATIVE, id.toString(), RegistryEvents.INITIATIVE_VALIDATED,
                    validatedPayload(changed));
        }
        metrics.maturityReached(target);
        return changed;
    }

    @Transactional(readOnly = true)
    public Initiative get(UUID id) {
        return initiatives.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<Initiative> list(String territoryKey, String leadSiren, String maturity, int limit, int offset) {
        return initiatives.list(territoryKey, leadSiren, maturity, limit, offset);
    }

    /** Facts the domain needs for a step: the cohort it was selected into, its live replications. */
    MaturityFacts facts(UUID id) {
        Optional<UUID> cohort = programme.cohortOf(id).map(Cohort::id);
        int live = (int) replications.ofInitiative(id).stream().filter(Replication::isLive).count();
        return new MaturityFacts(cohort, live);
    }

    static Map<String, Object> validatedPayload(Initiative initiative) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("initiativeId", initiative.id().toString());
        data.put("title", initiative.title());
        data.put("leadSiren", initiative.leadSiren());
        data.put("territories", initiative.territories().stream().map(TerritoryRef::code).toList());
        data.put("policyDomain", initiative.content().policyDomain());
        if (!initiative.awardIds().isEmpty()) {
            data.put("awardIds", initiative.awardIds().stream().map(UUID::toString).toList());
        }
        String evidence = String.join(" ; ", initiative.steps().getLast().evidence());
        data.put("evidence", evidence.length() > 2000 ? evidence.substring(0, 1999) + "…" : evidence);
        data.put("validatedAt", initiative.validatedAt().toString());
        return data;
    }

    private Initiative lockedAt(UUID id, long version) {
        Initiative current = locked(id);
        requireVersion(current, version);
        return current;
    }

    /** Locked for a change; its version is checked once the caller may make it (403 before 409: nothing leaks). */
    private Initiative locked(UUID id) {
        return initiatives.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static void requireVersion(Initiative current, long version) {
        if (current.version() != version) {
            throw new RuleViolation.StateConflict("version-perimee", "L'initiative a changé depuis votre "
                    + "lecture (version " + current.version() + ", vous envoyez " + version + ") : rechargez-la.");
        }
    }

    private void save(Initiative changed) {
        if (!initiatives.update(changed)) {
            throw new RuleViolation.StateConflict("version-perimee", "L'initiative a changé entre-temps : "
                    + "rechargez-la.");
        }
    }

    static void requireLeadOrCoordinator(DtPrincipal actor, String leadSiren) {
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            Ownership.requireSiren(actor, Role.APPLICANT, leadSiren);
        }
    }

    static RuleViolation.NotFound notFound(UUID id) {
        return new RuleViolation.NotFound("L'initiative " + id + " est introuvable.");
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /** Replications of an initiative, for its page. */
    @Transactional(readOnly = true)
    public List<Replication> replicationsOf(UUID id) {
        get(id);
        return new ArrayList<>(replications.ofInitiative(id));
    }
}
