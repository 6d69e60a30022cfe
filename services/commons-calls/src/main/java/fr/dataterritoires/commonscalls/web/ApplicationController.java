package fr.dataterritoires.commonscalls.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.ApplicationService;
import fr.dataterritoires.commonscalls.application.EvaluationService;
import fr.dataterritoires.commonscalls.application.Grants;
import fr.dataterritoires.commonscalls.domain.ApplicantType;
import fr.dataterritoires.commonscalls.domain.Application;
import fr.dataterritoires.commonscalls.domain.ApplicationStatus;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.CommonsKind;
import fr.dataterritoires.commonscalls.domain.ConsortiumMember;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Proposal;
import fr.dataterritoires.commonscalls.domain.Review;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Applications of consortia: written, submitted and withdrawn by the lead; eligibility, evaluators, consensus and
 * direct awards by the call's funder; reviews and conflict declarations by the evaluators assigned.
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

    private final ApplicationService applications;
    private final EvaluationService evaluation;

    public ApplicationController(ApplicationService applications, EvaluationService evaluation) {
        this.applications = applications;
        this.evaluation = evaluation;
    }

    public record MemberBody(@NotBlank @Schema(description = "SIREN de l'organisation") String siren,
                             @NotBlank @Size(max = 200) String name, @NotNull ApplicantType type,
                             @NotNull @Schema(description = "LEAD (chef de file, un seul) ou MEMBER") ConsortiumMember.Role role) {
    }

    public record CommonsBody(@NotBlank @Size(max = 300) String title, @NotNull CommonsKind kind,
                              @Size(max = 4000) String summary,
                              @NotBlank @Schema(description = "Licence ouverte (identifiant SPDX ou etalab-2.0)") String licence,
                              @Size(max = 500) String repositoryUrl, @Size(max = 50) List<String> schemas) {
    }

    public record BudgetLineBody(@NotBlank @Size(max = 300) String label,
                                 @NotBlank @Schema(description = "Montant en euros", example = "25000.00") String amount) {
    }

    public record RoadmapItemBody(@NotNull UUID roadmapId, @NotNull UUID itemId) {
    }

    public record ApplicationBody(
            @Schema(description = "Appel visé (création seulement)") UUID callId,
            @NotEmpty @Size(max = 51) List<@Valid @NotNull MemberBody> consortium,
            @NotNull @Valid CommonsBody commons,
            @NotBlank @Schema(description = "Montant demandé en euros", example = "80000.00") String requestedAmount,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull BudgetLineBody> budget,
            @Size(max = 300) @Schema(description = "Charte éthique adoptée [R19]") String ethicsCharter,
            @Size(max = 20) @Schema(description = "Labels visés [R19]") List<String> labels,
            @Size(max = 10000) String sustainabilityPlan,
            @Size(max = 10000) @Schema(description = "Conditions de réplication du commun") String replicationConditions,
            @Size(max = 200) @Schema(description = "Territoires d'expérimentation (codes INSEE)") List<String> territories,
            @Size(max = 20) @Schema(description = "Déclarations faites (codes exigés par l'appel)") List<String> declarations,
            @Valid @Schema(description = "Action de feuille de route à laquelle répond la candidature") RoadmapItemBody roadmapItem,
            @Schema(description = "Version lue (modification) : 409 si la candidature a changé entre-temps") Long version) {

        Proposal proposal() {
            List<ConsortiumMember> members = consortium.stream().map(m -> new ConsortiumMember(
                    Inputs.siren("consortium.siren", m.siren()), m.name(), m.type(), m.role())).toList();
            List<Proposal.BudgetLine> lines = budget.stream().map(b -> new Proposal.BudgetLine(b.label(),
                    Inputs.money("budget.amount", b.amount()))).toList();
            return new Proposal(members, new Proposal.Commons(commons.title(), commons.kind(), commons.summary(),
                    commons.licence(), commons.repositoryUrl(), commons.schemas()),
                    Inputs.money("requestedAmount", requestedAmount), lines, ethicsCharter, labels, sustainabilityPlan,
                    replicationConditions, territories, declarations,
                    roadmapItem == null ? null : new Proposal.RoadmapItem(roadmapItem.roadmapId(), roadmapItem.itemId()));
        }
    }

    public record MemberView(String siren, String name, ApplicantType type, ConsortiumMember.Role role) {
    }

    public record BudgetLineView(String label, String amount) {
    }

    public record ProposalView(List<MemberView> consortium, Proposal.Commons commons, List<BudgetLineView> budget,
                               String ethicsCharter, List<String> labels, String sustainabilityPlan,
                               String replicationConditions, List<String> territories, List<String> declarations,
                               Proposal.RoadmapItem roadmapItem) {
        static ProposalView of(Proposal p) {
            return new ProposalView(p.consortium().stream().map(m -> new MemberView(m.siren().value(), m.name(), m.type(),
                    m.role())).toList(), p.commons(), p.budget().stream().map(b -> new BudgetLineView(b.label(),
                    Money.format(b.amount()))).toList(), p.ethicsCharter(), p.labels(), p.sustainabilityPlan(),
                    p.replicationConditions(), p.territories(), p.declarations(), p.roadmapItem());
        }
    }

    public record ApplicationResponse(UUID id, UUID callId, ApplicationStatus status, ProposalView proposal,
                                      String requestedAmount, String totalCost, List<String> automaticFindings,
                                      String eligibilityReason, String decisionReason, long version, Instant createdAt,
                                      Instant submittedAt) {
        static ApplicationResponse of(Application a) {
            return new ApplicationResponse(a.id(), a.callId(), a.status(), ProposalView.of(a.proposal()),
                    Money.format(a.proposal().requestedAmount()), Money.format(a.proposal().totalCost()),
                    a.automaticFindings(), a.eligibilityReason(), a.decisionReason(), a.version(), a.createdAt(),
                    a.submittedAt());
        }
    }

    public record EligibilityBody(@NotNull Boolean eligible, @NotBlank @Size(max = 2000) String reason) {
    }

    public record AssignmentBody(@NotBlank @Size(max = 200) String evaluatorSubject,
                                 @NotBlank @Schema(description = "SIREN de l'organisation de l'évaluateur") String evaluatorSiren) {
    }

    public record ScoreBody(@NotNull Integer value, @NotBlank @Size(max = 4000) String comment) {
    }

    public record ReviewBody(@NotEmpty Map<String, @Valid ScoreBody> scores) {
    }

    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ConsensusBody(@NotBlank @Schema(description = "Note sur 100", example = "78.5") String score,
                                @NotBlank @Size(max = 4000) String comment) {
    }

    public record AwardBody(@NotBlank @Schema(description = "Montant en euros", example = "80000.00") String amount,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    public record AssignmentResponse(UUID id, UUID applicationId, String evaluatorSubject, String evaluatorSiren,
                                     String status, String conflictReason, Map<String, Object> scores, String total,
                                     Instant assignedAt, Instant submittedAt) {
        static AssignmentResponse of(Grants.Assignment a) {
            return new AssignmentResponse(a.id(), a.applicationId(), a.evaluatorSubject(), a.evaluatorSiren(), a.status(),
                    a.conflictReason(), a.scores(), a.total() == null ? null : a.total().toPlainString(), a.assignedAt(),
                    a.submittedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Créer une candidature (brouillon) ; le chef de file est l'organisation du jeton")
    public ResponseEntity<ApplicationResponse> create(DtPrincipal actor, @Valid @RequestBody ApplicationBody body) {
        if (body.callId() == null) {
            throw RuleViolation.invalid("callId", "l'appel visé est obligatoire");
        }
        Application a = applications.create(actor, body.callId(), body.proposal());
        return ResponseEntity.created(URI.create("/api/applications/" + a.id())).body(ApplicationResponse.of(a));
    }

    @GetMapping
    @Operation(summary = "Mes candidatures (chef de file)")
    public List<ApplicationResponse> mine(DtPrincipal actor) {
        return applications.mine(actor).stream().map(ApplicationResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une candidature")
    public ApplicationResponse get(DtPrincipal actor, @PathVariable UUID id) {
        return ApplicationResponse.of(applications.get(actor, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier une candidature en brouillon")
    public ApplicationResponse edit(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody ApplicationBody body) {
        return ApplicationResponse.of(applications.edit(actor, id, body.version(), body.proposal()));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Déposer la candidature (appel ouvert seulement ; publie ApplicationSubmitted)")
    public ApplicationResponse submit(DtPrincipal actor, @PathVariable UUID id) {
        return ApplicationResponse.of(applications.submit(actor, id));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Retirer la candidature")
    public ApplicationResponse withdraw(DtPrincipal actor, @PathVariable UUID id) {
        return ApplicationResponse.of(applications.withdraw(actor, id));
    }

    @PostMapping("/{id}/eligibility")
    @Operation(summary = "Décision d'éligibilité motivée (financeur de l'appel)")
    public ApplicationResponse eligibility(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody EligibilityBody body) {
        return ApplicationResponse.of(applications.decideEligibility(actor, id, body.eligible(), body.reason()));
    }

    @PostMapping("/{id}/assignments")
    @Operation(summary = "Désigner un évaluateur (exclu d'office s'il vient d'une organisation du consortium)")
    public ResponseEntity<AssignmentResponse> assign(DtPrincipal actor, @PathVariable UUID id,
                                                     @Valid @RequestBody AssignmentBody body) {
        Grants.Assignment a = evaluation.assign(actor, id, body.evaluatorSubject(),
                Inputs.siren("evaluatorSiren", body.evaluatorSiren()));
        return ResponseEntity.status(201).body(AssignmentResponse.of(a));
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "Évaluateurs désignés et leurs notes (financeur de l'appel)")
    public List<AssignmentResponse> assignments(DtPrincipal actor, @PathVariable UUID id) {
        return evaluation.assignments(actor, id).stream().map(AssignmentResponse::of).toList();
    }

    @PostMapping("/{id}/conflict")
    @Operation(summary = "Déclarer un conflit d'intérêts (évaluateur désigné)")
    public AssignmentResponse conflict(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return AssignmentResponse.of(evaluation.declareConflict(actor, id, body.reason()));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Noter chaque critère de la grille, avec un commentaire (évaluateur désigné)")
    public AssignmentResponse review(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody ReviewBody body) {
        Map<String, Review.Score> scores = new LinkedHashMap<>();
        body.scores().forEach((code, s) -> scores.put(code, new Review.Score(s.value(), s.comment())));
        return AssignmentResponse.of(evaluation.review(actor, id, scores));
    }

    @PostMapping("/{id}/consensus")
    @Operation(summary = "Fixer la note de consensus du comité, motivée (financeur de l'appel)")
    public ResponseEntity<Void> consensus(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody ConsensusBody body) {
        evaluation.consensus(actor, id, Inputs.decimal("score", body.score()), body.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/award")
    @Operation(summary = "Attribuer directement une subvention, dans les plafonds et le budget restant (financeur)")
    public ResponseEntity<AwardController.AwardSummary> award(DtPrincipal actor, @PathVariable UUID id,
                                                              @Valid @RequestBody AwardBody body) {
        Award award = evaluation.award(actor, id, Inputs.money("amount", body.amount()), body.reason());
        return ResponseEntity.created(URI.create("/api/awards/" + award.id())).body(AwardController.AwardSummary.of(award));
    }
}
