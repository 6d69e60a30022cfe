package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * An application of a consortium to a call. Draft → submitted (only while the call accepts submissions; the automatic
 * eligibility rules run then) → eligible or ineligible (a manual decision with reasons) → awarded, waitlisted or
 * rejected. A draft or a submitted application can be withdrawn.
 */
public final class Application {

    private final UUID id;
    private final UUID callId;
    private final String createdBy;
    private Proposal proposal;
    private ApplicationStatus status;
    private List<String> automaticFindings;
    private String eligibilityReason;
    private String decisionReason;
    private final long version;
    private final Instant createdAt;
    private Instant submittedAt;

    public Application(UUID id, UUID callId, String createdBy, Proposal proposal, ApplicationStatus status,
                       List<String> automaticFindings, String eligibilityReason, String decisionReason, long version,
                       Instant createdAt, Instant submittedAt) {
        this.id = id;
        this.callId = callId;
        this.createdBy = createdBy;
        this.proposal = proposal;
        this.status = status;
        this.automaticFindings = List.copyOf(automaticFindings);
        this.eligibilityReason = eligibilityReason;
        this.decisionReason = decisionReason;
        this.version = version;
        this.createdAt = createdAt;
        this.submittedAt = submittedAt;
    }

    public static Application draft(Call call, String createdBy, Proposal proposal, Instant now) {
        if (call.status() == CallStatus.DRAFT || call.status() == CallStatus.DECIDED) {
            throw new RuleViolation.StateConflict("appel-non-ouvert",
                    "Cet appel n'accepte pas de candidatures (statut : " + call.status() + ").");
        }
        return new Application(UUID.randomUUID(), call.id(), createdBy, proposal, ApplicationStatus.DRAFT, List.of(),
                null, null, 0, now, null);
    }

    public void edit(Proposal newProposal) {
        if (status != ApplicationStatus.DRAFT) {
            throw new RuleViolation.StateConflict("candidature-deposee", "Seule une candidature en brouillon peut être modifiée.");
        }
        if (!newProposal.lead().siren().equals(proposal.lead().siren())) {
            throw RuleViolation.invalid("consortium", "le chef de file d'une candidature ne change pas");
        }
        this.proposal = newProposal;
    }

    /** Submits it while the call accepts submissions; runs the automatic eligibility rules. */
    public void submit(Call call, Instant now) {
        if (status != ApplicationStatus.DRAFT) {
            throw new RuleViolation.StateConflict("deja-deposee", "Cette candidature a déjà été déposée.");
        }
        if (!call.acceptsSubmissions(now)) {
            throw new RuleViolation("appel-clos", null, call.status() == CallStatus.OPEN
                    && now.isBefore(call.terms().opensAt())
                    ? "L'appel n'est pas encore ouvert aux candidatures."
                    : "L'appel est clos : les candidatures ne sont plus acceptées depuis le "
                    + call.terms().closesAt() + ".");
        }
        this.automaticFindings = automaticEligibility(call);
        this.status = ApplicationStatus.SUBMITTED;
        this.submittedAt = now;
    }

    /** The automatic eligibility rules of the call this application breaks (French sentences); empty when none. */
    public List<String> automaticEligibility(Call call) {
        Call.Terms t = call.terms();
        List<String> findings = new ArrayList<>();
        for (ConsortiumMember m : proposal.consortium()) {
            if (!t.applicantTypes().contains(m.type())) {
                findings.add("Le type d'organisation " + m.type() + " de " + m.siren() + " n'est pas éligible à cet appel.");
            }
        }
        if (proposal.consortium().size() < t.minConsortiumSize()) {
            findings.add("Le consortium compte " + proposal.consortium().size() + " organisation(s) ; l'appel en demande au moins "
                    + t.minConsortiumSize() + ".");
        }
        if (!t.commonsKinds().contains(proposal.commons().kind())) {
            findings.add("L'appel n'accepte pas les communs de type " + proposal.commons().kind() + ".");
        }
        for (String territory : proposal.territories()) {
            if (!TerritoryScope.within(territory, t.territorialScope())) {
                findings.add("Le territoire " + territory + " est hors du périmètre de l'appel.");
            }
        }
        for (String declaration : t.requiredDeclarations()) {
            if (!proposal.declarations().contains(declaration)) {
                findings.add("La déclaration requise « " + declaration + " » manque.");
            }
        }
        BigDecimal requested = proposal.requestedAmount();
        if (requested.compareTo(t.maxGrant()) > 0 || requested.compareTo(t.minGrant()) < 0) {
            findings.add("Le montant demandé (" + Money.format(requested) + " €) sort des plafonds de l'appel (de "
                    + Money.format(t.minGrant()) + " à " + Money.format(t.maxGrant()) + " €).");
        }
        BigDecimal cap = proposal.totalCost().multiply(t.coFundingRate()).setScale(2, RoundingMode.DOWN);
        if (requested.compareTo(cap) > 0) {
            findings.add("Le montant demandé dépasse le taux de cofinancement de l'appel (" + Money.format(cap)
                    + " € au plus pour un budget de " + Money.format(proposal.totalCost()) + " €).");
        }
        return findings;
    }

    /** The funder's eligibility decision, with its reasons; an application failing automatic rules cannot be eligible. */
    public void decideEligibility(boolean eligible, String reason) {
        if (status != ApplicationStatus.SUBMITTED && status != ApplicationStatus.ELIGIBLE
                && status != ApplicationStatus.INELIGIBLE) {
            throw new RuleViolation.StateConflict("statut-candidature",
                    "L'éligibilité se décide sur une candidature déposée (statut actuel : " + status + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason", "la décision d'éligibilité est motivée");
        }
        if (eligible && !automaticFindings.isEmpty()) {
            throw new RuleViolation("regles-automatiques", "eligible",
                    "Cette candidature ne satisfait pas les règles d'éligibilité de l'appel : "
                            + String.join(" ", automaticFindings));
        }
        this.status = eligible ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE;
        this.eligibilityReason = reason;
    }

    public void award(String reason) {
        requireEligible();
        this.status = ApplicationStatus.AWARDED;
        this.decisionReason = reason;
    }

    public void waitlist(String reason) {
        requireEligible();
        this.status = ApplicationStatus.WAITLISTED;
        this.decisionReason = reason;
    }

    public void reject(String reason) {
        if (status != ApplicationStatus.ELIGIBLE && status != ApplicationStatus.WAITLISTED
                && status != ApplicationStatus.SUBMITTED) {
            throw new RuleViolation.StateConflict("statut-candidature",
                    "Cette candidature ne peut être rejetée (statut actuel : " + status + ").");
        }
        this.status = ApplicationStatus.REJECTED;
        this.decisionReason = reason;
    }

    public void withdraw() {
        if (status != ApplicationStatus.DRAFT && status != ApplicationStatus.SUBMITTED
                && status != ApplicationStatus.ELIGIBLE) {
            throw new RuleViolation.StateConflict("retrait-impossible",
                    "Une candidature ne peut plus être retirée une fois la décision prise (statut : " + status + ").");
        }
        this.status = ApplicationStatus.WITHDRAWN;
    }

    private void requireEligible() {
        if (status != ApplicationStatus.ELIGIBLE && status != ApplicationStatus.WAITLISTED) {
            throw new RuleViolation("non-eligible", null,
                    "Seule une candidature éligible peut recevoir une décision d'attribution (statut actuel : " + status + ").");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID callId() {
        return callId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Proposal proposal() {
        return proposal;
    }

    public ApplicationStatus status() {
        return status;
    }

    public List<String> automaticFindings() {
        return automaticFindings;
    }

    public String eligibilityReason() {
        return eligibilityReason;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }
}
