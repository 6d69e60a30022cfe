package fr.dataterritoires.commonscalls.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.ApplicationService;
import fr.dataterritoires.commonscalls.application.CallService;
import fr.dataterritoires.commonscalls.application.EvaluationService;
import fr.dataterritoires.commonscalls.application.GrantService;
import fr.dataterritoires.commonscalls.domain.ApplicantType;
import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.ApplicationStatus;
import fr.dataterritoires.commonscalls.domain.AwardAllocation;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CallStatus;
import fr.dataterritoires.commonscalls.domain.CommonsKind;
import fr.dataterritoires.commonscalls.domain.Criterion;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Calls of funders: written and moved through their lifecycle (draft → open → closed → under evaluation → decided) by
 * their funder only; read by anyone once opened, with their published decisions.
 */
@RestController
@RequestMapping("/api/calls")
public class CallController {

    private final CallService calls;
    private final ApplicationService applications;
    private final EvaluationService evaluation;
    private final GrantService grants;

    public CallController(CallService calls, ApplicationService applications, EvaluationService evaluation,
                          GrantService grants) {
        this.calls = calls;
        this.applications = applications;
        this.evaluation = evaluation;
        this.grants = grants;
    }

    public record CriterionBody(@NotBlank String code, @NotBlank String label, @Min(1) @Max(100) int weight,
                                @Min(1) @Max(100) int maxScore) {
    }

    public record CallBody(
            @Schema(description = "Financeur qui lance l'appel (création seulement)") UUID funderId,
            @NotNull @Schema(description = "COMMONS : appel à communs ; INNOVATION : appel à projets (soumis au préciput)")
            CallKind kind,
            @Schema(description = "Programme de financement (obligatoire pour un appel à projets d'innovation)") UUID programmeId,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 10000) String description,
            @NotBlank @Schema(description = "Budget en euros, chaîne décimale", example = "500000.00") String budget,
            @NotBlank @Schema(description = "Subvention maximale en euros", example = "150000.00") String maxGrant,
            @Schema(description = "Subvention minimale en euros", example = "10000.00") String minGrant,
            @NotBlank @Schema(description = "Taux de cofinancement, fraction (0.8 = 80 %)", example = "0.8") String coFundingRate,
            @NotNull @PlausibleDate Instant opensAt, @NotNull @PlausibleDate Instant closesAt,
            @NotNull @PlausibleDate LocalDate decisionDate,
            @NotEmpty Set<ApplicantType> applicantTypes,
            @Min(1) @Max(50) int minConsortiumSize,
            @Size(max = 200) @Schema(description = "Codes INSEE du périmètre ; vide = national") List<String> territorialScope,
            @NotEmpty Set<CommonsKind> commonsKinds,
            @Size(max = 20) @Schema(description = "Déclarations exigées des candidats (ex. charte-ethique)") List<String> requiredDeclarations,
            @Min(1) @Max(10) int reviewsPerApplication,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull CriterionBody> criteria,
            @Schema(description = "Version lue (modification) : 409 si l'appel a changé entre-temps") Long version) {

        Call.Terms terms() {
            return new Call.Terms(kind, programmeId, title, description, Inputs.money("budget", budget),
                    Inputs.money("maxGrant", maxGrant), Inputs.moneyOrNull("minGrant", minGrant),
                    Inputs.decimal("coFundingRate", coFundingRate), opensAt, closesAt, decisionDate, applicantTypes,
                    minConsortiumSize, territorialScope, commonsKinds, requiredDeclarations, reviewsPerApplication,
                    criteria.stream().map(c -> new Criterion(c.code(), c.label(), c.weight(), c.maxScore())).toList());
        }
    }

    public record CallResponse(UUID id, UUID funderId, CallKind kind, UUID programmeId, String title, String description,
                               String budget, String maxGrant, String minGrant, String coFundingRate, String awardedTotal,
                               String remainingBudget, Instant opensAt, Instant closesAt, LocalDate decisionDate,
                               List<String> applicantTypes, int minConsortiumSize, List<String> territorialScope,
                               List<String> commonsKinds, List<String> requiredDeclarations, int reviewsPerApplication,
                               List<Criterion> criteria, CallStatus status, long version, Instant openedAt,
                               Instant decidedAt) {
        static CallResponse of(Call c) {
            Call.Terms t = c.terms();
            return new CallResponse(c.id(), c.funderId(), t.kind(), t.programmeId(), t.title(), t.description(),
                    Money.format(t.budget()), Money.format(t.maxGrant()), Money.format(t.minGrant()),
                    t.coFundingRate().stripTrailingZeros().toPlainString(), Money.format(c.awardedTotal()),
                    Money.format(c.remainingBudget()), t.opensAt(), t.closesAt(), t.decisionDate(),
                    t.applicantTypes().stream().map(Enum::name).sorted().toList(), t.minConsortiumSize(),
                    t.territorialScope(), t.commonsKinds().stream().map(Enum::name).sorted().toList(),
                    t.requiredDeclarations(), t.reviewsPerApplication(), t.criteria(), c.status(), c.version(),
                    c.openedAt(), c.decidedAt());
        }
    }

    public record RankedResponse(int rank, UUID applicationId, String commonsTitle, String leadSiren,
                                 String requestedAmount, String score, int reviews, Instant submittedAt) {
    }

    public record DecisionResponse(UUID applicationId, Integer rank, String commonsTitle, String leadSiren,
                                   ApplicationStatus outcome, String amount, String reason) {
    }

    @PostMapping
    @Operation(summary = "Créer un appel (brouillon) pour son organisation de financeur")
    public ResponseEntity<CallResponse> create(DtPrincipal actor, @Valid @RequestBody CallBody body) {
        if (body.funderId() == null) {
            throw RuleViolation.invalid("funderId", "le financeur de l'appel est obligatoire");
        }
        Call call = calls.create(actor, body.funderId(), body.terms());
        return ResponseEntity.created(URI.create("/api/calls/" + call.id())).body(CallResponse.of(call));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier un appel en brouillon")
    public CallResponse edit(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody CallBody body) {
        return CallResponse.of(calls.edit(actor, id, body.version(), body.terms()));
    }

    @PostMapping("/{id}/open")
    @Operation(summary = "Ouvrir l'appel aux candidatures (publie CallOpened)")
    public CallResponse open(DtPrincipal actor, @PathVariable UUID id) {
        return CallResponse.of(calls.open(actor, id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Clore l'appel : plus aucune candidature n'est acceptée")
    public CallResponse close(DtPrincipal actor, @PathVariable UUID id) {
        return CallResponse.of(calls.close(actor, id));
    }

    @PostMapping("/{id}/evaluation")
    @Operation(summary = "Commencer l'évaluation d'un appel clos")
    public CallResponse evaluate(DtPrincipal actor, @PathVariable UUID id) {
        return CallResponse.of(calls.startEvaluation(actor, id));
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Décider : subventions par ordre de classement dans la limite du budget, liste d'attente")
    public List<DecisionResponse> decide(DtPrincipal actor, @PathVariable UUID id) {
        List<AwardAllocation.Decision> decisions = evaluation.decide(actor, id);
        return decisions(actor, id, decisions.stream().map(AwardAllocation.Decision::applicationId).toList());
    }

    @GetMapping
    @Operation(summary = "Lister les appels (hors brouillons, sauf les siens pour un financeur), des plus récents aux "
            + "plus anciens, page par page")
    public List<CallResponse> list(
            @Parameter(description = "Taille de la page (200 au plus)") @RequestParam(defaultValue = "100") @Min(1)
            @Max(200) int limit,
            @Parameter(description = "Rang du premier appel de la page") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        return calls.list(Actors.currentIfAuthenticated().orElse(null), limit, offset).stream().map(CallResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un appel")
    public CallResponse get(@PathVariable UUID id) {
        return CallResponse.of(calls.get(Actors.currentIfAuthenticated().orElse(null), id));
    }

    @GetMapping("/{id}/applications")
    @Operation(summary = "Candidatures reçues par l'appel (son financeur)")
    public List<ApplicationController.ApplicationResponse> applications(DtPrincipal actor, @PathVariable UUID id) {
        return applications.ofCall(actor, id).stream().map(ApplicationController.ApplicationResponse::of).toList();
    }

    @GetMapping("/{id}/ranking")
    @Operation(summary = "Classement des candidatures éligibles évaluées (son financeur)")
    public List<RankedResponse> ranking(DtPrincipal actor, @PathVariable UUID id) {
        List<EvaluationService.Ranked> ranked = evaluation.ranking(actor, id);
        List<RankedResponse> out = new java.util.ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            EvaluationService.Ranked r = ranked.get(i);
            out.add(new RankedResponse(i + 1, r.applicationId(), r.commonsTitle(), r.leadSiren(),
                    Money.format(r.requested()), r.score().toPlainString(), r.reviews(), r.submittedAt()));
        }
        return out;
    }

    @GetMapping("/{id}/decisions")
    @Operation(summary = "Décisions publiées d'un appel décidé, motivées (lecture publique)")
    public List<DecisionResponse> publishedDecisions(@PathVariable UUID id) {
        Call call = calls.get(null, id);
        if (call.status() != CallStatus.DECIDED) {
            throw new RuleViolation.NotFound("Les décisions de l'appel " + id + " ne sont pas encore publiées.");
        }
        return decisions(null, id, null);
    }

    @GetMapping("/{id}/awards")
    @Operation(summary = "Subventions attribuées par l'appel (lecture publique)")
    public List<AwardController.AwardResponse> awards(@PathVariable UUID id) {
        calls.get(null, id);
        return grants.ofCall(id).stream().map(AwardController.AwardResponse::of).toList();
    }

    private List<DecisionResponse> decisions(DtPrincipal actor, UUID callId, List<UUID> order) {
        List<Application> decided = applications.decidedOf(callId);
        java.util.Map<UUID, String> amounts = new java.util.HashMap<>();
        grants.ofCall(callId).forEach(v -> amounts.put(v.award().applicationId(), Money.format(v.award().amount())));
        List<DecisionResponse> out = new java.util.ArrayList<>();
        for (Application a : decided) {
            String amount = amounts.get(a.id());
            out.add(new DecisionResponse(a.id(), applications.rank(a.id()), a.proposal().commons().title(),
                    a.proposal().lead().siren().value(), a.status(), amount, a.decisionReason()));
        }
        out.sort(java.util.Comparator.comparing(DecisionResponse::rank, java.util.Comparator.nullsLast(Integer::compare)));
        return out;
    }
}
