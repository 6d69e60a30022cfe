package fr.dataterritoires.commonscalls.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.GrantService;
import fr.dataterritoires.commonscalls.application.Grants;
import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Tranche;
import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Awards (published) and their grants: agreement and tranches, reports attached to tranches, payments. */
@RestController
@RequestMapping("/api/awards")
public class AwardController {

    private final GrantService grants;

    public AwardController(GrantService grants) {
        this.grants = grants;
    }

    public record AwardSummary(UUID id, UUID applicationId, UUID callId, String amount, Integer rank, String reason,
                               Instant grantedAt) {
        static AwardSummary of(Award a) {
            return new AwardSummary(a.id(), a.applicationId(), a.callId(), Money.format(a.amount()), a.rank(), a.reason(),
                    a.grantedAt());
        }
    }

    public record TrancheResponse(UUID id, int position, Tranche.Kind kind, String amount, String condition,
                                  LocalDate dueOn, String status, String paidAmount, LocalDate paidOn,
                                  String paymentReference, int reports) {
        static TrancheResponse of(Tranche t) {
            return new TrancheResponse(t.id(), t.position(), t.kind(), Money.format(t.amount()), t.condition(), t.dueOn(),
                    t.paid() ? "PAID" : "PLANNED", t.paidAmount() == null ? null : Money.format(t.paidAmount()), t.paidOn(),
                    t.paymentReference(), t.reports());
        }
    }

    public record AwardResponse(UUID id, UUID applicationId, UUID callId, String callTitle, String funderSiren,
                                String funderName, String leadSiren, List<String> memberSirens, String commonsTitle,
                                String amount, String disbursed, Integer rank, String reason, Instant grantedAt,
                                LocalDate agreementSignedOn, String agreementReference, List<TrancheResponse> tranches) {
        static AwardResponse of(GrantService.AwardView v) {
            Award a = v.award();
            return new AwardResponse(a.id(), a.applicationId(), a.callId(), v.call().terms().title(),
                    v.funder().siren().value(), v.funder().name(), v.application().proposal().lead().siren().value(),
                    v.application().proposal().memberSirens().stream().map(s -> s.value()).toList(),
                    v.application().proposal().commons().title(), Money.format(a.amount()), Money.format(v.disbursed()),
                    a.rank(), a.reason(), a.grantedAt(), a.agreementSignedOn(), a.agreementReference(),
                    v.tranches().stream().map(TrancheResponse::of).toList());
        }
    }

    public record TrancheBody(@NotNull @Schema(description = "PRE_FINANCING, MILESTONE ou FINAL") Tranche.Kind kind,
                              @NotBlank @Schema(description = "Montant en euros", example = "20000.00") String amount,
                              @NotBlank @Size(max = 2000) @Schema(description = "Condition de versement") String condition,
                              @PlausibleDate LocalDate dueOn) {
    }

    public record AgreementBody(@NotNull @PlausibleDate LocalDate signedOn, @NotBlank @Size(max = 200) String reference,
                                @NotEmpty @Size(max = 20) List<@Valid @NotNull TrancheBody> tranches) {
    }

    public record ReportBody(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 10000) String summary,
                             @Size(max = 500) String documentUrl) {
    }

    public record PaymentBody(@NotNull @PlausibleDate LocalDate paidOn, @NotBlank @Size(max = 200) String paymentReference) {
    }

    public record ReportResponse(UUID id, UUID trancheId, String title, String summary, String documentUrl,
                                 Instant submittedAt) {
        static ReportResponse of(Grants.Report r) {
            return new ReportResponse(r.id(), r.trancheId(), r.title(), r.summary(), r.documentUrl(), r.submittedAt());
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une subvention, ses tranches et ses versements (lecture publique)")
    public AwardResponse get(@PathVariable UUID id) {
        return AwardResponse.of(grants.get(id));
    }

    @PostMapping("/{id}/agreement")
    @Operation(summary = "Enregistrer la convention et l'échéancier des tranches (financeur)")
    public AwardResponse agreement(DtPrincipal actor, @PathVariable UUID id, @Valid @RequestBody AgreementBody body) {
        List<Tranche.Planned> plan = body.tranches().stream().map(t -> new Tranche.Planned(t.kind(),
                Inputs.money("tranches.amount", t.amount()), t.condition(), t.dueOn())).toList();
        return AwardResponse.of(grants.agreement(actor, id, body.signedOn(), body.reference(), plan));
    }

    @PostMapping("/{id}/tranches/{trancheId}/reports")
    @Operation(summary = "Joindre un rapport à une tranche (chef de file)")
    public ResponseEntity<ReportResponse> report(DtPrincipal actor, @PathVariable UUID id, @PathVariable UUID trancheId,
                                                 @Valid @RequestBody ReportBody body) {
        return ResponseEntity.status(201).body(ReportResponse.of(grants.report(actor, id, trancheId, body.title(),
                body.summary(), body.documentUrl())));
    }

    @GetMapping("/{id}/tranches/{trancheId}/reports")
    @Operation(summary = "Rapports joints à une tranche (lecture publique)")
    public List<ReportResponse> reports(@PathVariable UUID id, @PathVariable UUID trancheId) {
        return grants.reports(id, trancheId).stream().map(ReportResponse::of).toList();
    }

    @PostMapping("/{id}/tranches/{trancheId}/payment")
    @Operation(summary = "Enregistrer le versement d'une tranche (financeur ; dans l'ordre, sur rapport hors préfinancement)")
    public AwardResponse pay(DtPrincipal actor, @PathVariable UUID id, @PathVariable UUID trancheId,
                             @Valid @RequestBody PaymentBody body) {
        return AwardResponse.of(grants.pay(actor, id, trancheId, body.paidOn(), body.paymentReference()));
    }
}
