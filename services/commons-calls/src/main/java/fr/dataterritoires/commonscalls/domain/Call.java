package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A call of a funder: a call for commons or an innovation call (whose awards are levied for the préciput at its
 * programme's rate), with its budget, grant caps, timeline, eligibility rules and evaluation grid. Lifecycle: draft →
 * open → closed → under evaluation → decided; the terms can be edited only while it is a draft.
 */
public final class Call {

    /**
     * What the funder writes: everything but the lifecycle.
     *
     * @param coFundingRate share of a project's cost the call finances (1 = 100 %)
     * @param reviewsPerApplication reviews each application needs before ranking
     */
    public record Terms(CallKind kind, UUID programmeId, String title, String description, BigDecimal budget,
                        BigDecimal maxGrant, BigDecimal minGrant, BigDecimal coFundingRate, Instant opensAt,
                        Instant closesAt, LocalDate decisionDate, Set<ApplicantType> applicantTypes,
                        int minConsortiumSize, List<String> territorialScope, Set<CommonsKind> commonsKinds,
                        List<String> requiredDeclarations, int reviewsPerApplication, List<Criterion> criteria) {

        public Terms {
            Objects.requireNonNull(kind, "kind");
            if (kind == CallKind.INNOVATION && programmeId == null) {
                throw RuleViolation.invalid("programmeId", "un appel à projets d'innovation relève d'un programme "
                        + "de financement (qui porte le taux du préciput)");
            }
            if (title == null || title.isBlank() || title.length() > 300) {
                throw RuleViolation.invalid("title", "titre obligatoire (300 caractères au plus)");
            }
            description = description == null ? "" : description;
            budget = Money.positive("budget", budget);
            maxGrant = Money.positive("maxGrant", maxGrant);
            minGrant = Money.check("minGrant", minGrant == null ? BigDecimal.ZERO : minGrant);
            if (maxGrant.compareTo(budget) > 0) {
                throw RuleViolation.invalid("maxGrant", "la subvention maximale ne peut dépasser le budget de l'appel");
            }
            if (minGrant.compareTo(maxGrant) > 0) {
                throw RuleViolation.invalid("minGrant", "la subvention minimale ne peut dépasser la subvention maximale");
            }
            if (coFundingRate == null || coFundingRate.signum() <= 0 || coFundingRate.compareTo(BigDecimal.ONE) > 0
                    || coFundingRate.stripTrailingZeros().scale() > 4) {
                throw RuleViolation.invalid("coFundingRate", "taux de cofinancement attendu : fraction de 0 (exclu) à 1, "
                        + "quatre décimales au plus (ex. 0.8 pour 80 %)");
            }
            if (opensAt == null || closesAt == null || !opensAt.isBefore(closesAt)) {
                throw RuleViolation.invalid("closesAt", "la clôture doit suivre l'ouverture de l'appel");
            }
            if (decisionDate == null) {
                throw RuleViolation.invalid("decisionDate", "date de décision obligatoire");
            }
            if (applicantTypes == null || applicantTypes.isEmpty()) {
                throw RuleViolation.invalid("applicantTypes", "au moins un type de candidat éligible");
            }
            applicantTypes = Set.copyOf(applicantTypes);
            if (minConsortiumSize < 1 || minConsortiumSize > 50) {
                throw RuleViolation.invalid("minConsortiumSize", "taille minimale du consortium entre 1 et 50");
            }
            territorialScope = TerritoryScope.codes("territorialScope", territorialScope);
            if (commonsKinds == null || commonsKinds.isEmpty()) {
                throw RuleViolation.invalid("commonsKinds", "au moins un type de commun accepté");
            }
            commonsKinds = Set.copyOf(commonsKinds);
            requiredDeclarations = requiredDeclarations == null ? List.of() : List.copyOf(requiredDeclarations);
            for (String d : requiredDeclarations) {
                if (d == null || !d.matches("[a-z0-9-]{1,50}")) {
                    throw RuleViolation.invalid("requiredDeclarations", "code de déclaration attendu : minuscules, "
                            + "chiffres et tirets (ex. charte-ethique)");
                }
            }
            if (reviewsPerApplication < 1 || reviewsPerApplication > 10) {
                throw RuleViolation.invalid("reviewsPerApplication", "nombre d'évaluations par candidature entre 1 et 10");
            }
            if (criteria == null || criteria.isEmpty()) {
                throw RuleViolation.invalid("criteria", "la grille d'évaluation compte au moins un critère");
            }
            Set<String> codes = new HashSet<>();
            for (Criterion c : criteria) {
                if (!codes.add(c.code())) {
                    throw RuleViolation.invalid("criteria", "critère en double : " + c.code());
                }
            }
            criteria = List.copyOf(criteria);
        }
    }

    private final UUID id;
    private final UUID funderId;
    private Terms terms;
    private CallStatus status;
    private BigDecimal awardedTotal;
    private final long version;
    private final Instant createdAt;
    private Instant openedAt;
    private Instant decidedAt;

    public Call(UUID id, UUID funderId, Terms terms, CallStatus status, BigDecimal awardedTotal, long version,
                Instant createdAt, Instant openedAt, Instant decidedAt) {
        this.id = id;
        this.funderId = funderId;
        this.terms = terms;
        this.status = status;
        this.awardedTotal = awardedTotal;
        this.version = version;
        this.createdAt = createdAt;
        this.openedAt = openedAt;
        this.decidedAt = decidedAt;
    }

    public static Call draft(UUID funderId, Terms terms, Instant now) {
        return new Call(UUID.randomUUID(), funderId, terms, CallStatus.DRAFT, BigDecimal.ZERO.setScale(2), 0, now, null,
                null);
    }

    public void edit(Terms newTerms) {
        require(CallStatus.DRAFT, "modifier", "Seul un appel en brouillon peut être modifié.");
        this.terms = newTerms;
    }

    public void open(Instant now) {
        require(CallStatus.DRAFT, "ouvrir", "Seul un appel en brouillon peut être ouvert.");
        if (!now.isBefore(terms.closesAt())) {
            throw new RuleViolation("cloture-passee", "closesAt",
                    "La date de clôture de l'appel est passée : il ne peut plus être ouvert.");
        }
        status = CallStatus.OPEN;
        openedAt = now;
    }

    public void close() {
        require(CallStatus.OPEN, "clore", "Seul un appel ouvert peut être clos.");
        status = CallStatus.CLOSED;
    }

    public void startEvaluation() {
        require(CallStatus.CLOSED, "évaluer", "L'évaluation commence une fois l'appel clos.");
        status = CallStatus.UNDER_EVALUATION;
    }

    public void decide(Instant now) {
        require(CallStatus.UNDER_EVALUATION, "décider", "Les décisions suivent l'évaluation.");
        status = CallStatus.DECIDED;
        decidedAt = now;
    }

    /** Whether applications may be submitted now: open, and before the closing time. */
    public boolean acceptsSubmissions(Instant now) {
        return status == CallStatus.OPEN && !now.isBefore(terms.opensAt()) && now.isBefore(terms.closesAt());
    }

    /**
     * Records an award of {@code amount}: within the grant caps and the budget left, else refused ("awards beyond
     * budget").
     */
    public void grant(BigDecimal amount) {
        if (status != CallStatus.UNDER_EVALUATION && status != CallStatus.DECIDED) {
            throw new RuleViolation.StateConflict("appel-non-en-evaluation",
                    "Les subventions sont attribuées pendant l'évaluation de l'appel.");
        }
        if (amount.compareTo(terms.maxGrant()) > 0 || amount.compareTo(terms.minGrant()) < 0) {
            throw new RuleViolation("hors-plafonds", "amount", "La subvention de " + Money.format(amount)
                    + " € sort des plafonds de l'appel (de " + Money.format(terms.minGrant()) + " à "
                    + Money.format(terms.maxGrant()) + " €).");
        }
        if (awardedTotal.add(amount).compareTo(terms.budget()) > 0) {
            throw new RuleViolation("budget-depasse", "amount", "La subvention de " + Money.format(amount)
                    + " € dépasse le budget restant de l'appel (" + Money.format(remainingBudget()) + " €).");
        }
        awardedTotal = awardedTotal.add(amount);
    }

    public BigDecimal remainingBudget() {
        return terms.budget().subtract(awardedTotal);
    }

    /** The criteria codes of the grid, in order. */
    public List<String> criterionCodes() {
        List<String> codes = new ArrayList<>();
        terms.criteria().forEach(c -> codes.add(c.code()));
        return codes;
    }

    private void require(CallStatus expected, String verb, String message) {
        if (status != expected) {
            throw new RuleViolation.StateConflict("statut-appel", message + " (statut actuel : " + status + ")");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID funderId() {
        return funderId;
    }

    public Terms terms() {
        return terms;
    }

    public CallStatus status() {
        return status;
    }

    public BigDecimal awardedTotal() {
        return awardedTotal;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
