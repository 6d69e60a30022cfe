package fr.dataterritoires.exchanges.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.PlacementService;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Placements: the three parties' versioned agreement, start, report, feedback, completion, cancellation. */
@RestController
@RequestMapping("/api/placements")
@Tag(name = "Échanges", description = "Échanges acceptés : convention tripartite versionnée, déroulement, bilans")
public class PlacementController {

    private final PlacementService placements;

    public PlacementController(PlacementService placements) {
        this.placements = placements;
    }

    record AgreementBody(@Schema(description = "Objectifs de l'échange")
                         @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> objectives) {
    }

    record AcceptanceBody(@Schema(description = "Numéro de la version de la convention acceptée")
                          @NotNull @Min(1) Integer version) {
    }

    record TextBody(@Schema(description = "Texte (rapport, appréciation ou motif)")
                    @NotBlank @Size(max = 8000) String text) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un échange (l'agent, son employeur ou l'administration d'accueil)")
    public Views.PlacementView get(@PathVariable UUID id, DtPrincipal actor) {
        return Views.PlacementView.of(placements.get(actor, id));
    }

    @PostMapping("/{id}/agreement")
    @Operation(summary = "Proposer une nouvelle version de la convention (l'une des trois parties)")
    public Views.PlacementView propose(@PathVariable UUID id, @Valid @RequestBody AgreementBody b, DtPrincipal actor) {
        return Views.PlacementView.of(placements.proposeAgreement(actor, id, b.objectives()));
    }

    @PostMapping("/{id}/agreement/acceptance")
    @Operation(summary = "Accepter la version en vigueur de la convention")
    public Views.PlacementView accept(@PathVariable UUID id, @Valid @RequestBody AcceptanceBody b, DtPrincipal actor) {
        return Views.PlacementView.of(placements.acceptAgreement(actor, id, b.version()));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Début de l'échange (administration d'accueil)")
    public Views.PlacementView start(@PathVariable UUID id, DtPrincipal actor) {
        return Views.PlacementView.of(placements.start(actor, id));
    }

    @PostMapping("/{id}/report")
    @Operation(summary = "Rapport de l'agent")
    public Views.PlacementView report(@PathVariable UUID id, @Valid @RequestBody TextBody b, DtPrincipal actor) {
        return Views.PlacementView.of(placements.report(actor, id, b.text()));
    }

    @PostMapping("/{id}/feedback")
    @Operation(summary = "Appréciation de l'administration d'accueil")
    public Views.PlacementView feedback(@PathVariable UUID id, @Valid @RequestBody TextBody b, DtPrincipal actor) {
        return Views.PlacementView.of(placements.feedback(actor, id, b.text()));
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Clôture de l'échange (administration d'accueil, rapport et appréciation requis)")
    public Views.PlacementView complete(@PathVariable UUID id, DtPrincipal actor) {
        return Views.PlacementView.of(placements.complete(actor, id));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Annulation motivée (l'une des trois parties) ; la place est libérée")
    public Views.PlacementView cancel(@PathVariable UUID id, @Valid @RequestBody TextBody b, DtPrincipal actor) {
        return Views.PlacementView.of(placements.cancel(actor, id, b.text()));
    }
}
