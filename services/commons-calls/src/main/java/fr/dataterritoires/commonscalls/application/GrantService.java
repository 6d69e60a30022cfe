package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Tranche;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;

/**
 * Grants: the funder records the agreement and its disbursement tranches (pre-financing, milestones, final) with their
 * conditions, then the payments; the consortium lead attaches reports to tranches. Awards are published: anyone reads
 * them with their tranches.
 */
@Service
public class GrantService {

    /** An award with what the public sees of it. */
    public record AwardView(Award award, Call call, Funder funder, Application application, List<Tranche> tranches,
                            BigDecimal disbursed) {
    }

    private final Grants grants;
    private final Calls calls;
    private final Funders funders;
    private final Applications applications;
    private final AuditTrail audit;

    public GrantService(Grants grants, Calls calls, Funders funders, Applications applications, AuditTrail audit) {
        this.grants = grants;
        this.calls = calls;
        this.funders = funders;
        this.applications = applications;
        this.audit = audit;
    }

    @Transactional
    public AwardView agreement(DtPrincipal actor, UUID awardId, LocalDate signedOn, String reference,
                               List<Tranche.Planned> plan) {
        AwardView view = view(awardId);
        FunderService.requireFunder(actor, view.funder());
        if (view.award().agreementSignedOn() != null) {
            throw new ConflictException("La convention de cette subvention est déjà enregistrée.");
        }
        if (signedOn == null) {
            throw RuleViolation.invalid("signedOn", "date de signature obligatoire");
        }
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw RuleViolation.invalid("reference", "référence de la convention obligatoire (200 caractères au plus)");
        }
        Tranche.checkPlan(view.award().amount(), plan);
        grants.signAgreement(awardId, signedOn, reference, plan);
        audit.record(actor.subject(), "grant.agreement-signed", CommonsCallsEvents.AWARD, awardId.toString(), null,
                Map.of("signedOn", signedOn.toString(), "reference", reference, "tranches", plan.size()));
        return view(awardId);
    }

    @Transactional
    public Grants.Report report(DtPrincipal actor, UUID awardId, UUID trancheId, String title, String summary,
                                String documentUrl) {
        AwardView view = view(awardId);
        Ownership.requireSiren(actor, Role.APPLICANT, view.application().proposal().lead().siren().value());
        tranche(view, trancheId);
        if (title == null || title.isBlank() || title.length() > 300) {
            throw RuleViolation.invalid("title", "titre du rapport obligatoire (300 caractères au plus)");
        }
        if (summary == null || summary.isBlank() || summary.length() > 10000) {
            throw RuleViolation.invalid("summary", "résumé du rapport obligatoire (10000 caractères au plus)");
        }
        if (documentUrl != null && !documentUrl.isBlank() && !documentUrl.matches("https?://\\S{1,490}")) {
            throw RuleViolation.invalid("documentUrl", "adresse http ou https attendue");
        }
        Grants.Report report = new Grants.Report(UUID.randomUUID(), trancheId, title, summary,
                documentUrl == null || documentUrl.isBlank() ? null : documentUrl, actor.subject(), Instant.now());
        grants.insert(report);
        audit.record(actor.subject(), "grant.report-attached", CommonsCallsEvents.AWARD, awardId.toString(), null,
                Map.of("tranche", trancheId.toString(), "title", title));
        return report;
    }

    @Transactional
    public AwardView pay(DtPrincipal actor, UUID awardId, UUID trancheId, LocalDate paidOn, String reference) {
        AwardView view = view(awardId);
        FunderService.requireFunder(actor, view.funder());
        // the call's row serialises payments of its grants
        calls.findForUpdate(view.call().id());
        List<Tranche> tranches = grants.tranches(awardId);
        Tranche tranche = tranches.stream().filter(t -> t.id().equals(trancheId)).findFirst().orElseThrow(() ->
                new RuleViolation.NotFound("La tranche " + trancheId + " est introuvable."));
        tranche.requirePayable(tranches);
        if (paidOn == null) {
            throw RuleViolation.invalid("paidOn", "date du versement obligatoire");
        }
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw RuleViolation.invalid("paymentReference", "référence du versement obligatoire (200 caractères au plus)");
        }
        grants.pay(trancheId, tranche.amount(), paidOn, reference);
        audit.record(actor.subject(), "grant.tranche-paid", CommonsCallsEvents.AWARD, awardId.toString(), null,
                Map.of("tranche", trancheId.toString(), "amount", Money.format(tranche.amount()), "paidOn", paidOn.toString()));
        return view(awardId);
    }

    @Transactional(readOnly = true)
    public AwardView get(UUID awardId) {
        return view(awardId);
    }

    @Transactional(readOnly = true)
    public List<Grants.Report> reports(UUID awardId, UUID trancheId) {
        tranche(view(awardId), trancheId);
        return grants.reports(trancheId);
    }

    @Transactional(readOnly = true)
    public List<AwardView> ofCall(UUID callId) {
        calls.find(callId).orElseThrow(() -> CallService.notFound(callId));
        return grants.awardsOf(callId).stream().map(a -> view(a.id())).toList();
    }

    private Tranche tranche(AwardView view, UUID trancheId) {
        return view.tranches().stream().filter(t -> t.id().equals(trancheId)).findFirst().orElseThrow(() ->
                new RuleViolation.NotFound("La tranche " + trancheId + " est introuvable."));
    }

    AwardView view(UUID awardId) {
        Award award = grants.award(awardId).orElseThrow(() ->
                new RuleViolation.NotFound("La subvention " + awardId + " est introuvable."));
        Call call = calls.find(award.callId()).orElseThrow();
        return new AwardView(award, call, funders.find(call.funderId()).orElseThrow(),
                applications.find(award.applicationId()).orElseThrow(), grants.tranches(awardId),
                grants.disbursed(awardId));
    }
}
