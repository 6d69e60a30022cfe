package fr.dataterritoires.replication.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.replication.application.ReplicationService;
import fr.dataterritoires.replication.domain.TerritoryRef;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Replications: a territory adopting an initiative, its steps, costs and outcomes, its place in the lineage. */
@RestController
@RequestMapping("/api/replications")
@Tag(name = "Réplications", description = "Territoires qui adoptent une initiative, et la lignée des répliques")
public class ReplicationController {

    private final ReplicationService replications;

    public ReplicationController(ReplicationService replications) {
        this.replications = replications;
    }

    @PostMapping
    @Operation(summary = "Déclarer l'intérêt d'un territoire pour une initiative validée (l'organisation adoptante, "
            + "ou un coordinateur national)")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody Bodies.ReplicationBody body,
            DtPrincipal actor) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.replication(replications.register(actor,
                body.initiativeId(), body.basedOn(), body.adopterSiren(),
                TerritoryRef.parseAll(body.territories(), "territories"))));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une réplication")
    public Map<String, Object> get(@PathVariable UUID id) {
        return Views.replication(replications.get(id));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Étape suivante : planifiée, en cours, en service")
    public Map<String, Object> advance(@PathVariable UUID id, @Valid @RequestBody Bodies.StatusBody body,
            DtPrincipal actor) {
        return Views.replication(replications.advance(actor, id, body.version(), body.status(), body.on()));
    }

    @PostMapping("/{id}/abandon")
    @Operation(summary = "Abandonner, avec une raison")
    public Map<String, Object> abandon(@PathVariable UUID id, @Valid @RequestBody Bodies.AbandonBody body,
            DtPrincipal actor) {
        return Views.replication(replications.abandon(actor, id, body.version(), body.reason()));
    }

    @PutMapping("/{id}/report")
    @Operation(summary = "Coûts partagés et indicateurs de résultat")
    public Map<String, Object> report(@PathVariable UUID id, @Valid @RequestBody Bodies.ReportBody body,
            DtPrincipal actor) {
        return Views.replication(replications.report(actor, id, body.version(), body.costs(), body.indicators()));
    }

    @PutMapping("/{id}/based-on")
    @Operation(summary = "Changer la réplication d'origine dans la lignée (un cycle est refusé)")
    public Map<String, Object> rebase(@PathVariable UUID id, @Valid @RequestBody Bodies.BasedOnBody body,
            DtPrincipal actor) {
        return Views.replication(replications.rebase(actor, id, body.version(), body.basedOn()));
    }
}
