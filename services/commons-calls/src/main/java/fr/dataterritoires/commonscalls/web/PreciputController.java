package fr.dataterritoires.commonscalls.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.Journal;
import fr.dataterritoires.commonscalls.application.PreciputService;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The préciput ledger: its public transparency view (fund balance, journal, accounts, reports by year, funder and
 * beneficiary), allocations and reversals by the national instance.
 */
@RestController
@RequestMapping("/api/preciput")
public class PreciputController {

    private final PreciputService preciput;

    public PreciputController(PreciputService preciput) {
        this.preciput = preciput;
    }

    public record AllocationBody(@NotNull PreciputService.Purpose purpose,
                                 @NotBlank @Schema(description = "SIREN du bénéficiaire") String beneficiarySiren,
                                 @Size(max = 300) String beneficiaryName,
                                 @Schema(description = "Initiative soutenue (REPLICATION_SUPPORT)") UUID initiativeId,
                                 @Schema(description = "Subvention abondée (COMMONS_AWARD)") UUID awardId,
                                 @NotBlank @Schema(description = "Montant en euros", example = "20000.00") String amount,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReversalBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record EntryResponse(String account, String side, String amount) {
    }

    public record TransactionResponse(UUID id, long seq, String kind, String amount, int year, Instant occurredAt,
                                      UUID programmeId, String funderSiren, String projectReference,
                                      String projectFunding, String rate, String source, String purpose,
                                      UUID initiativeId, UUID awardId, String beneficiarySiren, String beneficiaryName,
                                      String reason, UUID reverses, boolean reversed, List<EntryResponse> entries) {
        static TransactionResponse of(Journal.Posted p) {
            Journal.Details d = p.details();
            return new TransactionResponse(p.id(), p.seq(), d.kind(), Money.format(d.amount()), d.year(), d.occurredAt(),
                    d.programmeId(), d.funderSiren(), d.projectReference(),
                    d.projectFunding() == null ? null : Money.format(d.projectFunding()),
                    d.rate() == null ? null : d.rate().stripTrailingZeros().toPlainString(), d.source(), d.purpose(),
                    d.initiativeId(), d.awardId(), d.beneficiarySiren(), d.beneficiaryName(), d.reason(), d.reverses(),
                    p.reversed(), p.transaction().entries().stream().map(e -> new EntryResponse(e.account(),
                    e.side().name(), Money.format(e.amount()))).toList());
        }
    }

    public record AccountResponse(String code, String kind, String name, String balance) {
    }

    public record ReportLineResponse(String key, String label, String inflows, String outflows, String net) {
    }

    public record FundResponse(String balance, String currency, String totalLevied, String totalAllocated,
                               String totalReversed, List<ReportLineResponse> byYear,
                               List<TransactionResponse> latest) {
    }

    @GetMapping("/fund")
    @Operation(summary = "Vue de transparence du fonds du préciput (lecture publique)")
    public FundResponse fund() {
        Map<String, java.math.BigDecimal> totals = preciput.totals();
        return new FundResponse(Money.format(preciput.fundBalance()), "EUR", Money.format(totals.get("LEVY")),
                Money.format(totals.get("ALLOCATION")), Money.format(totals.get("REVERSAL")), report("year"),
                preciput.journal(0, 20).stream().map(TransactionResponse::of).toList());
    }

    @GetMapping("/journal")
    @Operation(summary = "Journal du préciput, le plus récent d'abord (lecture publique)")
    public List<TransactionResponse> journal(@RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 100000) {
            throw InvalidFieldException.parameter("page", "Le paramètre « page » doit être compris entre 0 et 100000.", page);
        }
        if (size < 1 || size > 200) {
            throw InvalidFieldException.parameter("size", "Le paramètre « size » doit être compris entre 1 et 200.", size);
        }
        return preciput.journal(page * size, size).stream().map(TransactionResponse::of).toList();
    }

    @GetMapping("/transactions/{id}")
    @Operation(summary = "Lire une opération du journal (lecture publique)")
    public TransactionResponse transaction(@PathVariable UUID id) {
        return TransactionResponse.of(preciput.find(id).orElseThrow(() ->
                new RuleViolation.NotFound("L'opération " + id + " est introuvable dans le journal.")));
    }

    @GetMapping("/accounts")
    @Operation(summary = "Soldes des comptes du journal (lecture publique)")
    public List<AccountResponse> accounts() {
        return preciput.accounts().stream().map(a -> new AccountResponse(a.code(), a.kind(), a.name(),
                Money.format(a.balance()))).toList();
    }

    @GetMapping("/reports")
    @Operation(summary = "Entrées et sorties du fonds par année, financeur ou bénéficiaire (lecture publique)")
    public List<ReportLineResponse> reports(@RequestParam @Schema(description = "year, funder ou beneficiary") String by) {
        if (!List.of("year", "funder", "beneficiary").contains(by)) {
            throw InvalidFieldException.unknownValue("by", by, List.of("year", "funder", "beneficiary"));
        }
        return report(by);
    }

    @PostMapping("/allocations")
    @Operation(summary = "Allouer une part du fonds (instance nationale) ; refusé au-delà du solde (publie PreciputAllocated)")
    public ResponseEntity<TransactionResponse> allocate(DtPrincipal actor, @Valid @RequestBody AllocationBody body) {
        Journal.Posted posted = preciput.allocate(actor, new PreciputService.Allocation(body.purpose(),
                Inputs.siren("beneficiarySiren", body.beneficiarySiren()), body.beneficiaryName(), body.initiativeId(),
                body.awardId(), Inputs.money("amount", body.amount()), body.reason()), Instant.now());
        return ResponseEntity.status(201).body(TransactionResponse.of(posted));
    }

    @PostMapping("/transactions/{id}/reversal")
    @Operation(summary = "Contrepasser une opération (instance nationale) : l'originale reste inchangée")
    public ResponseEntity<TransactionResponse> reverse(DtPrincipal actor, @PathVariable UUID id,
                                                       @Valid @RequestBody ReversalBody body) {
        return ResponseEntity.status(201).body(TransactionResponse.of(preciput.reverse(actor, id, body.reason(),
                Instant.now())));
    }

    private List<ReportLineResponse> report(String by) {
        return preciput.report(by).stream().map(l -> new ReportLineResponse(l.key(), l.label(), Money.format(l.inflows()),
                Money.format(l.outflows()), Money.format(l.inflows().subtract(l.outflows())))).toList();
    }
}
