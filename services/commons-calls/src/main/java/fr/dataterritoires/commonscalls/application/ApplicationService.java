package fr.dataterritoires.commonscalls.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.ApplicationStatus;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Proposal;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;

/**
 * Applications: written, submitted and withdrawn by the consortium lead (an applicant whose token carries the lead's
 * SIREN); the eligibility decided by the call's funder. An application is read by its lead, the call's funder, its
 * evaluators and national coordinators.
 */
@Service
public class ApplicationService {

    private final Applications applications;
    private final Calls calls;
    private final Funders funders;
    private final Grants grants;
    private final OutboxPublisher outbox;
    private final AuditTrail audit;

    public ApplicationService(Applications applications, Calls calls, Funders funders, Grants grants,
                              OutboxPublisher outbox, AuditTrail audit) {
        this.applications = applications;
        this.calls = calls;
        this.funders = funders;
        this.grants = grants;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Application create(DtPrincipal actor, UUID callId, Proposal proposal) {
        Ownership.requireSiren(actor, Role.APPLICANT, proposal.lead().siren().value());
        Call call = calls.find(callId).orElseThrow(() -> RuleViolation.invalid("callId", "appel inconnu : " + callId));
        Application application = Application.draft(call, actor.subject(), proposal, Instant.now());
        applications.insert(application);
        audit.record(actor.subject(), "application.created", CommonsCallsEvents.APPLICATION, application.id().toString(),
                null, snapshot(application));
        return application;
    }

    @Transactional
    public Application edit(DtPrincipal actor, UUID id, Long expectedVersion, Proposal proposal) {
        Application application = lockOwned(actor, id);
        CallService.requireVersion(expectedVersion, application.version(), "La candidature");
        Map<String, Object> before = snapshot(application);
        application.edit(proposal);
        return save(actor, application, "application.edited", before);
    }

    @Transactional
    public Application submit(DtPrincipal actor, UUID id) {
        Application application = lockOwned(actor, id);
        Map<String, Object> before = snapshot(application);
        // the call's row, locked in share mode: a concurrent closing waits for this submission, or this one sees the
        // call closed; submissions to the same call do not wait for one another (an exclusive lock queued them all
        // behind each other's commit, as a deadline's last hours would: issue 10 §5)
        Call call = calls.findForShare(application.callId()).orElseThrow();
        application.submit(call, Instant.now());
        Application saved = save(actor, application, "application.submitted", before);
        outbox.record(CommonsCallsEvents.APPLICATION, id.toString(), CommonsCallsEvents.APPLICATION_SUBMITTED,
                CommonsCallsEvents.applicationSubmitted(saved));
        return saved;
    }

    @Transactional
    public Application withdraw(DtPrincipal actor, UUID id) {
        Application application = lockOwned(actor, id);
        Map<String, Object> before = snapshot(application);
        application.withdraw();
        return save(actor, application, "application.withdrawn", before);
    }

    @Transactional
    public Application decideEligibility(DtPrincipal actor, UUID id, boolean eligible, String reason) {
        Application application = applications.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireFunderOfCall(actor, application.callId());
        Map<String, Object> before = snapshot(application);
        application.decideEligibility(eligible, reason);
        return save(actor, application, "application.eligibility-decided", before);
    }

    @Transactional(readOnly = true)
    public Application get(DtPrincipal actor, UUID id) {
        Application application = applications.find(id).orElseThrow(() -> notFound(id));
        if (!mayRead(actor, application)) {
            throw notFound(id);
        }
        return application;
    }

    @Transactional(readOnly = true)
    public List<Application> ofCall(DtPrincipal actor, UUID callId) {
        requireFunderOfCall(actor, callId);
        return applications.ofCall(callId);
    }

    @Transactional(readOnly = true)
    public List<Application> mine(DtPrincipal actor) {
        Ownership.requireAnyRole(actor, Role.APPLICANT);
        return actor.siren() == null ? List.of() : applications.ledBy(actor.siren());
    }

    /** The decided applications of a call (published: awarded, waitlisted, rejected, with their reasons). */
    @Transactional(readOnly = true)
    public List<Application> decidedOf(UUID callId) {
        return applications.ofCall(callId).stream().filter(a -> a.status() == ApplicationStatus.AWARDED
                || a.status() == ApplicationStatus.WAITLISTED || a.status() == ApplicationStatus.REJECTED).toList();
    }

    @Transactional(readOnly = true)
    public Integer rank(UUID applicationId) {
        return applications.rank(applicationId).orElse(null);
    }

    private boolean mayRead(DtPrincipal actor, Application a) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return true;
        }
        if (actor.hasRole(Role.APPLICANT) && a.proposal().lead().siren().value().equals(actor.siren())) {
            return true;
        }
        if (actor.hasRole(Role.EVALUATOR) && grants.assignments(a.id()).stream()
                .anyMatch(x -> x.evaluatorSubject().equals(actor.subject()))) {
            return true;
        }
        try {
            requireFunderOfCall(actor, a.callId());
            return true;
        } catch (OwnershipViolationException e) {
            return false;
        }
    }

    Funder requireFunderOfCall(DtPrincipal actor, UUID callId) {
        Call call = calls.find(callId).orElseThrow(() -> CallService.notFound(callId));
        Funder funder = funders.find(call.funderId()).orElseThrow();
        FunderService.requireFunder(actor, funder);
        return funder;
    }

    private Application lockOwned(DtPrincipal actor, UUID id) {
        Application application = applications.findForUpdate(id).orElseThrow(() -> notFound(id));
        Ownership.requireSiren(actor, Role.APPLICANT, application.proposal().lead().siren().value());
        return application;
    }

    private Application save(DtPrincipal actor, Application a, String action, Map<String, Object> before) {
        applications.update(a);
        audit.record(actor.subject(), action, CommonsCallsEvents.APPLICATION, a.id().toString(), before, snapshot(a));
        return applications.find(a.id()).orElseThrow();
    }

    static RuleViolation.NotFound notFound(UUID id) {
        return new RuleViolation.NotFound("La candidature " + id + " est introuvable.");
    }

    static Map<String, Object> snapshot(Application a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", a.status().name());
        s.put("call", a.callId().toString());
        s.put("lead", a.proposal().lead().siren().value());
        s.put("commons", a.proposal().commons().title());
        s.put("requestedAmount", Money.format(a.proposal().requestedAmount()));
        if (a.eligibilityReason() != null) {
            s.put("eligibilityReason", a.eligibilityReason());
        }
        if (a.decisionReason() != null) {
            s.put("decisionReason", a.decisionReason());
        }
        return s;
    }
}
