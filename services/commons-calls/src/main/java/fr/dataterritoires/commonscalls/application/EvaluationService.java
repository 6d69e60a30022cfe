package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.ApplicationStatus;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.AwardAllocation;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CallStatus;
import fr.dataterritoires.commonscalls.domain.Conflicts;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Review;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * Evaluation and awards: the call's funder assigns evaluators (one from an organisation of the consortium is refused:
 * conflict of interest), evaluators score each criterion with a comment or declare a conflict, the funder may set the
 * consensus, then decides: awards in rank order within the budget and the grant caps, waitlist, reasons published.
 * An award of an innovation call levies the préciput at its programme's rate, in the same transaction.
 */
@Service
public class EvaluationService {

    /** A line of a call's ranking. */
    public record Ranked(UUID applicationId, String commonsTitle, String leadSiren, BigDecimal requested,
                         BigDecimal score, int reviews, Instant submittedAt) {
    }

    private final Applications applications;
    private final Calls calls;
    private final Funders funders;
    private final Grants grants;
    private final PreciputService preciput;
    private final OutboxPublisher outbox;
    private final AuditTrail audit;

    public EvaluationService(Applications applications, Calls calls, Funders funders, Grants grants,
                             PreciputService preciput, OutboxPublisher outbox, AuditTrail audit) {
        this.applications = applications;
        this.calls = calls;
        this.funders = funders;
        this.grants = grants;
        this.preciput = preciput;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Grants.Assignment assign(DtPrincipal actor, UUID applicationId, String evaluatorSubject, Siren evaluatorSiren) {
        Application application = applications.findForUpdate(applicationId)
                .orElseThrow(() -> ApplicationService.notFound(applicationId));
        Call call = ownedCall(actor, application.callId());
        if (call.status() != CallStatus.CLOSED && call.status() != CallStatus.UNDER_EVALUATION) {
            throw new RuleViolation.StateConflict("statut-appel",
                    "Les évaluateurs sont désignés une fois l'appel clos (statut actuel : " + call.status() + ").");
        }
        if (application.status() != ApplicationStatus.ELIGIBLE) {
            throw new RuleViolation("non-eligible", null, "Seules les candidatures éligibles sont évaluées.");
        }
        if (evaluatorSubject == null || evaluatorSubject.isBlank() || evaluatorSubject.length() > 200) {
            throw RuleViolation.invalid("evaluatorSubject", "identifiant de l'évaluateur obligatoire");
        }
        Conflicts.requireIndependent(application.proposal(), evaluatorSiren);
        if (grants.assignment(applicationId, evaluatorSubject).isPresent()) {
            throw new ConflictException("Cet évaluateur est déjà désigné pour cette candidature.");
        }
        Grants.Assignment a = new Grants.Assignment(UUID.randomUUID(), applicationId, evaluatorSubject,
                evaluatorSiren.value(), "ASSIGNED", null, null, null, Instant.now(), null);
        grants.insert(a);
        audit.record(actor.subject(), "evaluation.assigned", CommonsCallsEvents.APPLICATION, applicationId.toString(), null,
                Map.of("evaluator", evaluatorSubject, "evaluatorSiren", evaluatorSiren.value()));
        return a;
    }

    @Transactional
    public Grants.Assignment declareConflict(DtPrincipal actor, UUID applicationId, String reason) {
        Grants.Assignment a = ownAssignment(actor, applicationId);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw RuleViolation.invalid("reason", "motif du conflit d'intérêts obligatoire (2000 caractères au plus)");
        }
        if (!a.status().equals("ASSIGNED")) {
            throw new RuleViolation.StateConflict("evaluation-close", "Cette évaluation est déjà rendue ou récusée.");
        }
        Grants.Assignment declared = new Grants.Assignment(a.id(), a.applicationId(), a.evaluatorSubject(),
                a.evaluatorSiren(), "CONFLICT_DECLARED", reason, null, null, a.assignedAt(), Instant.now());
        grants.update(declared);
        audit.record(actor.subject(), "evaluation.conflict-declared", CommonsCallsEvents.APPLICATION,
                applicationId.toString(), null, Map.of("reason", reason));
        return declared;
    }

    @Transactional
    public Grants.Assignment review(DtPrincipal actor, UUID applicationId, Map<String, Review.Score> scores) {
        Grants.Assignment a = ownAssignment(actor, applicationId);
        Application application = applications.find(applicationId).orElseThrow();
        Call call = calls.find(application.callId()).orElseThrow();
        if (call.status() != CallStatus.UNDER_EVALUATION) {
            throw new RuleViolation.StateConflict("statut-appel",
                    "Les notes se déposent pendant l'évaluation de l'appel (statut actuel : " + call.status() + ").");
        }
        if (a.status().equals("CONFLICT_DECLARED")) {
            throw new RuleViolation("conflit-interets", null,
                    "Vous avez déclaré un conflit d'intérêts pour cette candidature : vous ne pouvez pas l'évaluer.");
        }
        // detected conflict: the organisation in the evaluator's token is a member of the consortium
        if (actor.siren() != null) {
            Conflicts.requireIndependent(application.proposal(), new Siren(actor.siren()));
        }
        Conflicts.requireIndependent(application.proposal(), new Siren(a.evaluatorSiren()));
        Review review = Review.of(call.terms().criteria(), scores);
        Map<String, Object> stored = new LinkedHashMap<>();
        review.scores().forEach((code, s) -> stored.put(code, Map.of("value", s.value(), "comment", s.comment())));
        Grants.Assignment done = new Grants.Assignment(a.id(), a.applicationId(), a.evaluatorSubject(), a.evaluatorSiren(),
                "SUBMITTED", null, stored, review.total(), a.assignedAt(), Instant.now());
        grants.update(done);
        audit.record(actor.subject(), "evaluation.reviewed", CommonsCallsEvents.APPLICATION, applicationId.toString(),
                a.status().equals("SUBMITTED") ? Map.of("total", a.total().toPlainString()) : null,
                Map.of("total", review.total().toPlainString()));
        return done;
    }

    /** The funder records the panel's consensus (a score out of 100 and its reasons) in place of the mean of reviews. */
    @Transactional
    public void consensus(DtPrincipal actor, UUID applicationId, BigDecimal score, String comment) {
        Application application = applications.findForUpdate(applicationId)
                .orElseThrow(() -> ApplicationService.notFound(applicationId));
        Call call = ownedCall(actor, application.callId());
        if (call.status() != CallStatus.UNDER_EVALUATION) {
            throw new RuleViolation.StateConflict("statut-appel", "Le consensus se fixe pendant l'évaluation.");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 3) {
            throw RuleViolation.invalid("score", "note de consensus entre 0 et 100, trois décimales au plus");
        }
        if (comment == null || comment.isBlank() || comment.length() > 4000) {
            throw RuleViolation.invalid("comment", "le consensus est motivé (4000 caractères au plus)");
        }
        applications.recordConsensus(applicationId, score, comment);
        audit.record(actor.subject(), "evaluation.consensus", CommonsCallsEvents.APPLICATION, applicationId.toString(),
                null, Map.of("score", score.toPlainString(), "comment", comment));
    }

    @Transactional(readOnly = true)
    public List<Grants.Assignment> assignments(DtPrincipal actor, UUID applicationId) {
        Application application = applications.find(applicationId).orElseThrow(() -> ApplicationService.notFound(applicationId));
        ownedCall(actor, application.callId());
        return grants.assignments(applicationId);
    }

    /** The ranking of the call's eligible applications (funder only, during evaluation or after). */
    @Transactional(readOnly = true)
    public List<Ranked> ranking(DtPrincipal actor, UUID callId) {
        Call call = ownedCall(actor, callId);
        return ranked(call, false);
    }

    /**
     * Decides the call: awards in rank order within the budget left and the grant caps, the others waitlisted; the
     * eligible applications still lacking reviews are refused first (422 naming them).
     */
    @Transactional
    public List<AwardAllocation.Decision> decide(DtPrincipal actor, UUID callId) {
        Call call = calls.findForUpdate(callId).orElseThrow(() -> CallService.notFound(callId));
        Funder funder = funders.find(call.funderId()).orElseThrow();
        FunderService.requireFunder(actor, funder);
        if (call.status() != CallStatus.UNDER_EVALUATION) {
            throw new RuleViolation.StateConflict("statut-appel",
                    "Les décisions se prennent pendant l'évaluation (statut actuel : " + call.status() + ").");
        }
        List<Ranked> ranked = ranked(call, true);
        lockLedgerForLevies(call);
        List<AwardAllocation.Candidate> candidates = ranked.stream().map(r -> new AwardAllocation.Candidate(
                r.applicationId(), r.score(), r.requested(), r.submittedAt())).toList();
        List<AwardAllocation.Decision> decisions = AwardAllocation.allocate(call.remainingBudget(),
                call.terms().minGrant(), call.terms().maxGrant(), candidates);
        Instant now = Instant.now();
        for (AwardAllocation.Decision d : decisions) {
            Application application = applications.findForUpdate(d.applicationId()).orElseThrow();
            applications.recordRank(d.applicationId(), d.rank());
            Map<String, Object> before = ApplicationService.snapshot(application);
            switch (d.outcome()) {
                case AWARDED -> grant(actor, call, funder, application, d.amount(), d.rank(), d.reason(), now);
                case WAITLISTED -> application.waitlist(d.reason());
                case REJECTED -> application.reject(d.reason());
            }
            if (d.outcome() != AwardAllocation.Outcome.AWARDED) {
                applications.update(application);
                audit.record(actor.subject(), "application.decided", CommonsCallsEvents.APPLICATION,
                        application.id().toString(), before, ApplicationService.snapshot(application));
            }
        }
        call.decide(now);
        calls.update(call);
        audit.record(actor.subject(), "call.decided", CommonsCallsEvents.CALL, callId.toString(), null,
                CallService.snapshot(call));
        return decisions;
    }

    /**
     * Awards one application outside the ranking (a funder's direct decision, e.g. from the waitlist once budget is
     * freed): still within the grant caps and the budget left.
     */
    @Transactional
    public Award award(DtPrincipal actor, UUID applicationId, BigDecimal amount, String reason) {
        UUID callId = applications.find(applicationId).orElseThrow(() -> ApplicationService.notFound(applicationId))
                .callId();
        // locks in the order of decide: the call, the ledger accounts of a levy, then the application
        Call call = calls.findForUpdate(callId).orElseThrow();
        Funder funder = funders.find(call.funderId()).orElseThrow();
        FunderService.requireFunder(actor, funder);
        lockLedgerForLevies(call);
        Application application = applications.findForUpdate(applicationId).orElseThrow();
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw RuleViolation.invalid("reason", "la décision d'attribution est motivée (2000 caractères au plus)");
        }
        Award award = grant(actor, call, funder, application, Money.positive("amount", amount), null, reason, Instant.now());
        calls.update(call);
        return award;
    }

    private Award grant(DtPrincipal actor, Call call, Funder funder, Application application, BigDecimal amount,
                        Integer rank, String reason, Instant now) {
        Map<String, Object> before = ApplicationService.snapshot(application);
        if (grants.awardOf(application.id()).isPresent()) {
            throw new ConflictException("Cette candidature a déjà reçu une subvention.");
        }
        call.grant(amount);
        application.award(reason);
        applications.update(application);
        Award award = new Award(UUID.randomUUID(), application.id(), call.id(), amount, rank, reason, now, null, null);
        grants.insert(award);
        outbox.record(CommonsCallsEvents.AWARD, award.id().toString(), CommonsCallsEvents.AWARD_GRANTED,
                CommonsCallsEvents.awardGranted(award, call, funder, application));
        audit.record(actor.subject(), "award.granted", CommonsCallsEvents.AWARD, award.id().toString(), before,
                Map.of("application", application.id().toString(), "amount", Money.format(amount), "reason", reason));
        if (call.terms().kind() == CallKind.INNOVATION) {
            // the préciput on an innovation project's funding, levied once per award (its id is the project reference)
            preciput.levy(actor.subject(), new PreciputService.LevyRequest(call.terms().programmeId(),
                    "award:" + award.id(), amount, application.proposal().lead().siren(), "AWARD", null), now);
        }
        return award;
    }

    /**
     * An innovation call's awards levy the préciput: its ledger accounts are locked before anything of the transaction
     * is audited, so that every transaction takes the fund's row before the audit chain's head (as allocations do) and
     * none waits for the other in a cycle.
     */
    private void lockLedgerForLevies(Call call) {
        if (call.terms().kind() == CallKind.INNOVATION) {
            preciput.lockForLevy(call.terms().programmeId());
        }
    }

    private List<Ranked> ranked(Call call, boolean requireReviews) {
        List<Ranked> ranked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Application a : applications.ofCall(call.id())) {
            if (a.status() != ApplicationStatus.ELIGIBLE && a.status() != ApplicationStatus.WAITLISTED) {
                continue;
            }
            List<BigDecimal> totals = grants.assignments(a.id()).stream().filter(x -> x.status().equals("SUBMITTED"))
                    .map(Grants.Assignment::total).toList();
            Optional<BigDecimal> consensus = applications.consensus(a.id());
            if (totals.size() < call.terms().reviewsPerApplication() && consensus.isEmpty()) {
                missing.add(a.id() + " (" + totals.size() + "/" + call.terms().reviewsPerApplication() + ")");
                continue;
            }
            BigDecimal score = consensus.orElseGet(() -> Review.consensus(totals));
            ranked.add(new Ranked(a.id(), a.proposal().commons().title(), a.proposal().lead().siren().value(),
                    a.proposal().requestedAmount(), score, totals.size(), a.submittedAt()));
        }
        if (requireReviews && !missing.isEmpty()) {
            throw new RuleViolation("evaluations-manquantes", null,
                    "Des candidatures éligibles n'ont pas toutes leurs évaluations : " + String.join(", ", missing) + ".");
        }
        List<Ranked> sorted = new ArrayList<>(ranked);
        sorted.sort((x, y) -> AwardAllocation.RANK_ORDER.compare(
                new AwardAllocation.Candidate(x.applicationId(), x.score(), x.requested(), x.submittedAt()),
                new AwardAllocation.Candidate(y.applicationId(), y.score(), y.requested(), y.submittedAt())));
        return sorted;
    }

    private Grants.Assignment ownAssignment(DtPrincipal actor, UUID applicationId) {
        Ownership.requireAnyRole(actor, Role.EVALUATOR);
        applications.find(applicationId).orElseThrow(() -> ApplicationService.notFound(applicationId));
        return grants.assignment(applicationId, actor.subject()).orElseThrow(() ->
                new fr.dataterritoires.platform.security.OwnershipViolationException(
                        "Vous n'êtes pas désigné pour évaluer cette candidature."));
    }

    private Call ownedCall(DtPrincipal actor, UUID callId) {
        Call call = calls.find(callId).orElseThrow(() -> CallService.notFound(callId));
        FunderService.requireFunder(actor, funders.find(call.funderId()).orElseThrow());
        return call;
    }
}
