package fr.dataterritoires.commonscalls.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CallStatus;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * Calls of a funder: only that funder writes them and moves them through their lifecycle (another funder is refused
 * with a 403); everyone reads the calls that are not drafts.
 */
@Service
public class CallService {

    private final Calls calls;
    private final Funders funders;
    private final OutboxPublisher outbox;
    private final AuditTrail audit;

    public CallService(Calls calls, Funders funders, OutboxPublisher outbox, AuditTrail audit) {
        this.calls = calls;
        this.funders = funders;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Call create(DtPrincipal actor, UUID funderId, Call.Terms terms) {
        Funder funder = funders.find(funderId).orElseThrow(() ->
                RuleViolation.invalid("funderId", "financeur inconnu : " + funderId));
        FunderService.requireFunder(actor, funder);
        checkProgramme(funder, terms);
        Call call = Call.draft(funderId, terms, Instant.now());
        calls.insert(call);
        audit.record(actor.subject(), "call.created", CommonsCallsEvents.CALL, call.id().toString(), null, snapshot(call));
        return call;
    }

    @Transactional
    public Call edit(DtPrincipal actor, UUID id, Long expectedVersion, Call.Terms terms) {
        Call call = lockOwned(actor, id);
        requireVersion(expectedVersion, call.version(), "L'appel");
        Map<String, Object> before = snapshot(call);
        checkProgramme(funders.find(call.funderId()).orElseThrow(), terms);
        call.edit(terms);
        return save(actor, call, "call.edited", before);
    }

    @Transactional
    public Call open(DtPrincipal actor, UUID id) {
        Call call = lockOwned(actor, id);
        Map<String, Object> before = snapshot(call);
        call.open(Instant.now());
        Call saved = save(actor, call, "call.opened", before);
        outbox.record(CommonsCallsEvents.CALL, id.toString(), CommonsCallsEvents.CALL_OPENED,
                CommonsCallsEvents.callOpened(saved, funders.find(saved.funderId()).orElseThrow()));
        return saved;
    }

    @Transactional
    public Call close(DtPrincipal actor, UUID id) {
        Call call = lockOwned(actor, id);
        Map<String, Object> before = snapshot(call);
        call.close();
        return save(actor, call, "call.closed", before);
    }

    @Transactional
    public Call startEvaluation(DtPrincipal actor, UUID id) {
        Call call = lockOwned(actor, id);
        Map<String, Object> before = snapshot(call);
        call.startEvaluation();
        return save(actor, call, "call.evaluation-started", before);
    }

    /** A call as the caller may see it: a draft only by its funder. */
    @Transactional(readOnly = true)
    public Call get(DtPrincipal actorOrNull, UUID id) {
        Call call = calls.find(id).orElseThrow(() -> notFound(id));
        if (call.status() == CallStatus.DRAFT && !isFunderOf(actorOrNull, call)) {
            throw notFound(id);
        }
        return call;
    }

    @Transactional(readOnly = true)
    public List<Call> list(DtPrincipal actorOrNull, int limit, int offset) {
        UUID own = null;
        if (actorOrNull != null && actorOrNull.hasRole(Role.FUNDER) && actorOrNull.siren() != null
                && Siren.isValid(actorOrNull.siren())) {
            own = funders.bySiren(Siren.parse(actorOrNull.siren())).map(Funder::id).orElse(null);
        }
        return calls.visible(own, limit, offset);
    }

    /** The call, locked, after checking the caller is its funder (else 403). */
    Call lockOwned(DtPrincipal actor, UUID id) {
        Call call = calls.findForUpdate(id).orElseThrow(() -> notFound(id));
        FunderService.requireFunder(actor, funders.find(call.funderId()).orElseThrow());
        return call;
    }

    private Call save(DtPrincipal actor, Call call, String action, Map<String, Object> before) {
        calls.update(call);
        audit.record(actor.subject(), action, CommonsCallsEvents.CALL, call.id().toString(), before, snapshot(call));
        return calls.find(call.id()).orElseThrow();
    }

    private boolean isFunderOf(DtPrincipal actor, Call call) {
        if (actor == null || !actor.hasRole(Role.FUNDER) || actor.siren() == null) {
            return false;
        }
        return funders.find(call.funderId()).map(f -> f.siren().value().equals(actor.siren())).orElse(false);
    }

    private void checkProgramme(Funder funder, Call.Terms terms) {
        if (terms.programmeId() == null) {
            return;
        }
        Programme programme = funders.programme(terms.programmeId()).orElseThrow(() ->
                RuleViolation.invalid("programmeId", "programme inconnu : " + terms.programmeId()));
        if (!programme.funderId().equals(funder.id())) {
            throw RuleViolation.invalid("programmeId", "ce programme appartient à un autre financeur");
        }
        if (terms.kind() == CallKind.COMMONS && programme.preciputRate().signum() < 0) {
            throw RuleViolation.invalid("programmeId", "taux de préciput invalide");
        }
    }

    /** Optimistic locking on edits: the caller sends the version it read; a stale one is a 409. */
    static void requireVersion(Long expected, long actual, String what) {
        if (expected != null && expected != actual) {
            throw new org.springframework.dao.OptimisticLockingFailureException(what + " a été modifié entre-temps "
                    + "(version lue " + expected + ", version actuelle " + actual + ") : rechargez-le.");
        }
    }

    static RuleViolation.NotFound notFound(UUID id) {
        return new RuleViolation.NotFound("L'appel " + id + " est introuvable.");
    }

    static Map<String, Object> snapshot(Call call) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", call.status().name());
        s.put("kind", call.terms().kind().name());
        s.put("title", call.terms().title());
        s.put("budget", Money.format(call.terms().budget()));
        s.put("awardedTotal", Money.format(call.awardedTotal()));
        s.put("closesAt", call.terms().closesAt().toString());
        return s;
    }
}
