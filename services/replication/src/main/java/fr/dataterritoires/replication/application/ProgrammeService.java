package fr.dataterritoires.replication.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.programme.Candidacy;
import fr.dataterritoires.replication.domain.programme.CandidacyStatus;
import fr.dataterritoires.replication.domain.programme.CandidateCall;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.programme.Selection;
import fr.dataterritoires.replication.domain.programme.SupportAction;
import fr.dataterritoires.replication.domain.programme.SupportKind;

/**
 * The acceleration programme: national coordinators open calls for candidates with their published criteria and
 * jury; leads of validated initiatives apply while the call is open; jurors (evaluators named in the jury) score each
 * candidacy on every criterion; a coordinator runs the selection, which forms the cohort from the scores alone.
 * Support received is recorded by coordinators, or by the mutualisation structure giving mentoring or expertise.
 */
@Service
public class ProgrammeService {

    private final ProgrammeStore programme;
    private final InitiativeStore initiatives;
    private final ReplicationStore replications;
    private final AuditTrail audit;
    private final Clock clock;

    public ProgrammeService(ProgrammeStore programme, InitiativeStore initiatives, ReplicationStore replications,
            AuditTrail audit, Clock clock) {
        this.programme = programme;
        this.initiatives = initiatives;
        this.replications = replications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CandidateCall openCall(DtPrincipal actor, CandidateCall call) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        programme.insertCall(call);
        audit.record(actor.subject(), "call.opened", RegistryEvents.CALL, call.id().toString(), null, call);
        return call;
    }

    @Transactional
    public Candidacy apply(DtPrincipal actor, UUID callId, UUID initiativeId, String motivation) {
        CandidateCall call = programme.findCall(callId).orElseThrow(() -> callNotFound(callId));
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> InitiativeService.notFound(initiativeId));
        InitiativeService.requireLeadOrCoordinator(actor, initiative.leadSiren());
        if (!call.acceptsCandidaciesOn(today())) {
            throw new RuleViolation.StateConflict("appel-ferme", "L'appel « " + call.title()
                    + " » n'accepte pas de candidature aujourd'hui (du " + call.opensOn() + " au " + call.closesOn()
                    + ").");
        }
        if (initiative.maturity() != Maturity.VALIDATED) {
            throw new RuleViolation("maturite-requise", "initiativeId", "Seule une initiative validée (et "
                    + "pas encore accélérée) peut candidater ; celle-ci est au stade « "
                    + initiative.maturity().label() + " ».");
        }
        if (programme.candidacies(callId).stream().anyMatch(c -> c.initiativeId().equals(initiativeId))) {
            throw new RuleViolation.StateConflict("deja-candidate", "Cette initiative a déjà candidaté à "
                    + "cet appel.");
        }
        Candidacy candidacy = new Candidacy(UUID.randomUUID(), callId, initiativeId, motivation, clock.instant(),
                Map.of(), CandidacyStatus.SUBMITTED, 0);
        programme.insertCandidacy(candidacy);
        audit.record(actor.subject(), "candidacy.submitted", RegistryEvents.CANDIDACY, candidacy.id().toString(), null,
                candidacy);
        return candidacy;
    }

    @Transactional
    public Candidacy score(DtPrincipal actor, UUID callId, UUID candidacyId, Map<String, Integer> scores) {
        CandidateCall call = programme.findCallForUpdate(callId).orElseThrow(() -> callNotFound(callId));
        Ownership.requireAnyRole(actor, Role.EVALUATOR);
        if (!call.isJuror(actor.subject())) {
            throw new OwnershipViolationException("Seuls les membres du jury de cet appel notent ses candidatures.");
        }
        Candidacy current = candidacy(callId, candidacyId);
        Candidacy scored = current.scored(call, actor.subject(), scores);
        programme.updateCandidacy(scored, null, null);
        audit.record(actor.subject(), "candidacy.scored", RegistryEvents.CANDIDACY, candidacyId.toString(),
                current.scores().get(actor.subject()), scores);
        return scored;
    }

    /** Runs the selection: the cohort forms from the scores against the published criteria. */
    @Transactional
    public Selection.Outcome select(DtPrincipal actor, UUID callId, String cohortName) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        CandidateCall call = programme.findCallForUpdate(callId).orElseThrow(() -> callNotFound(callId));
        Selection.Outcome outcome = Selection.select(call, programme.candidacies(callId), UUID.randomUUID(), cohortName);
        if (!programme.updateCall(outcome.call())) {
            throw new RuleViolation.StateConflict("version-perimee", "L'appel a changé entre-temps.");
        }
        for (Selection.Ranked r : outcome.ranking()) {
            programme.updateCandidacy(r.candidacy(), r.score(), r.rank());
        }
        programme.insertCohort(outcome.cohort());
        audit.record(actor.subject(), "call.selected", RegistryEvents.CALL, callId.toString(), null, Map.of(
                "cohort", outcome.cohort(), "ranking", outcome.ranking().stream().map(r -> Map.of("candidacy",
                        r.candidacy().id().toString(), "score", r.score().toPlainString(), "rank", r.rank(),
                        "selected", r.selected())).toList()));
        return outcome;
    }

    @Transactional
    public SupportAction recordSupport(DtPrincipal actor, SupportAction support) {
        if (!actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            if (support.kind().isMoney()) {
                throw new OwnershipViolationException("Seuls les coordinateurs nationaux enregistrent un financement "
                        + "reçu hors des événements de commons-calls.");
            }
            Ownership.requireSiren(actor, Role.APPLICANT, support.providerSiren());
        }
        initiatives.find(support.initiativeId()).orElseThrow(() -> InitiativeService.notFound(support.initiativeId()));
        if (support.replicationId() != null) {
            replications.find(support.replicationId()).filter(r -> r.initiativeId().equals(support.initiativeId()))
                    .orElseThrow(() -> ReplicationService.notFound(support.replicationId()));
        }
        Optional<Cohort> cohort = programme.cohortOf(support.initiativeId());
        SupportAction recorded = new SupportAction(support.id(), support.initiativeId(), support.replicationId(),
                cohort.filter(c -> c.supports(support.receivedOn())).map(Cohort::id).orElse(null), support.kind(),
                support.providerSiren(), support.providerName(), support.amount(), support.receivedOn(),
                support.description(), support.sourceRef());
        if (!programme.insertSupport(recorded)) {
            throw new RuleViolation.StateConflict("soutien-deja-enregistre", "Ce soutien est déjà "
                    + "enregistré.");
        }
        audit.record(actor.subject(), "support.recorded", RegistryEvents.SUPPORT, recorded.id().toString(), null,
                recorded);
        return recorded;
    }

    @Transactional(readOnly = true)
    public CandidateCall call(UUID id) {
        return programme.findCall(id).orElseThrow(() -> callNotFound(id));
    }

    @Transactional(readOnly = true)
    public List<CandidateCall> calls(int limit, int offset) {
        return programme.calls(limit, offset);
    }

    @Transactional(readOnly = true)
    public List<Candidacy> candidacies(UUID callId) {
        call(callId);
        return programme.candidacies(callId);
    }

    @Transactional(readOnly = true)
    public Optional<ProgrammeStore.Ranking> ranking(UUID candidacyId) {
        return programme.ranking(candidacyId);
    }

    @Transactional(readOnly = true)
    public Optional<Cohort> cohortOfCall(UUID callId) {
        call(callId);
        return programme.cohortOfCall(callId);
    }

    @Transactional(readOnly = true)
    public Cohort cohort(UUID id) {
        return programme.findCohort(id).orElseThrow(() -> new RuleViolation.NotFound("La promotion " + id
                + " est introuvable."));
    }

    @Transactional(readOnly = true)
    public List<SupportAction> supportsOf(UUID initiativeId) {
        return programme.supportsOf(initiativeId);
    }

    private Candidacy candidacy(UUID callId, UUID candidacyId) {
        return programme.findCandidacy(candidacyId).filter(c -> c.callId().equals(callId))
                .orElseThrow(() -> new RuleViolation.NotFound("La candidature " + candidacyId
                        + " est introuvable dans cet appel."));
    }

    private static RuleViolation.NotFound callNotFound(UUID id) {
        return new RuleViolation.NotFound("L'appel à candidatures " + id + " est introuvable.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InitiativeService.PARIS);
    }

    static boolean isMoney(SupportKind kind) {
        return kind.isMoney();
    }
}
