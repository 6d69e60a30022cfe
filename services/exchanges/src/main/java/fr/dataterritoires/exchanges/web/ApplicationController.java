package fr.dataterritoires.exchanges.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.ApplicationService;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Applications: read by their agent, the employer's manager and the host's manager; decided by the last two. */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "Candidatures", description = "Candidatures des agents, avis de l'employeur et de l'administration d'accueil")
public class ApplicationController {

    private final ApplicationService applications;

    public ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    record DecisionBody(
            @Schema(description = "true pour accepter, false pour refuser") @NotNull Boolean approve,
            @Schema(description = "Motif, obligatoire en cas de refus") @Size(max = 2000) String reason) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une candidature (l'agent, son employeur ou l'administration d'accueil)")
    public Views.ApplicationView get(@PathVariable UUID id, DtPrincipal actor) {
        return Views.ApplicationView.of(applications.get(actor, id));
    }

    @GetMapping
    @Operation(summary = "Candidatures des agents de l'employeur du gestionnaire (HOST_MANAGER)")
    public List<Views.ApplicationView> ofEmployer(DtPrincipal actor) {
        return applications.ofEmployer(actor).stream().map(Views.ApplicationView::of).toList();
    }

    @PostMapping("/{id}/employer-decision")
    @Operation(summary = "Avis de l'employeur (gestionnaire HOST_MANAGER au SIREN de l'employeur de l'agent)")
    public Views.ApplicationView employerDecision(@PathVariable UUID id, @Valid @RequestBody DecisionBody b,
                                                  DtPrincipal actor) {
        return Views.ApplicationView.of(applications.employerDecision(actor, id, b.approve(), b.reason()));
    }

    @PostMapping("/{id}/host-decision")
    @Operation(summary = "Décision de l'administration d'accueil ; accepter ouvre l'échange, ou inscrit sur la liste "
            + "d'attente si l'offre est complète (409)")
    public Views.ApplicationView hostDecision(@PathVariable UUID id, @Valid @RequestBody DecisionBody b,
                                              DtPrincipal actor) {
        return Views.ApplicationView.of(applications.hostDecision(actor, id, b.approve(), b.reason()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Retrait de sa candidature par l'agent")
    public Views.ApplicationView withdraw(@PathVariable UUID id, DtPrincipal actor) {
        return Views.ApplicationView.of(applications.withdraw(actor, id));
    }
}
