package fr.dataterritoires.replication.web;

import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.replication.application.InitiativePage;
import fr.dataterritoires.replication.application.InitiativeService;
import fr.dataterritoires.replication.application.ProgrammeService;
import fr.dataterritoires.replication.application.ReachService;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.programme.SupportAction;
import fr.dataterritoires.territory.Siren;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Initiatives: published data, readable by anyone; declared and described by their lead; matured by coordinators. */
@RestController
@RequestMapping("/api/initiatives")
@Tag(name = "Initiatives", description = "Registre des expérimentations réussies, leurs preuves et leur maturité")
public class InitiativeController {

    private final InitiativeService initiatives;
    private final InitiativePage pages;
    private final ReachService reach;
    private final ProgrammeService programme;

    public InitiativeController(InitiativeService initiatives, InitiativePage pages, ReachService reach,
            ProgrammeService programme) {
        this.initiatives = initiatives;
        this.pages = pages;
        this.reach = reach;
        this.programme = programme;
    }

    @GetMapping
    @Operation(summary = "Initiatives, filtrées par territoire (menées ou adoptées), porteur ou maturité")
    public List<Map<String, Object>> list(@RequestParam(required = false) String territory,
            @RequestParam(required = false) String leadSiren, @RequestParam(required = false) Maturity maturity,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 200) {
            throw InvalidFieldException.parameter("limit", "Le paramètre « limit » doit être compris entre 1 et 200.",
                    limit);
        }
        if (offset < 0 || offset > 100_000) {
            throw InvalidFieldException.parameter("offset", "Le paramètre « offset » doit être compris entre 0 et "
                    + "100 000.", offset);
        }
        if (leadSiren != null && !Siren.isValid(leadSiren)) {
            throw InvalidFieldException.parameter("leadSiren", "Le paramètre « leadSiren » doit être un SIREN valide.",
                    leadSiren);
        }
        String key = territory == null ? null : TerritoryRef.parse(territory, "territory").key();
        return initiatives.list(key, leadSiren, maturity == null ? null : maturity.name(), limit, offset).stream()
                .map(Views::initiative).toList();
    }

    @PostMapping
    @Operation(summary = "Déclarer une initiative (son porteur, ou un coordinateur national)")
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody Bodies.InitiativeBody body, DtPrincipal actor) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Views.initiative(initiatives.create(actor, body.leadSiren(), body.content())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "La page d'une initiative : sa portée, sa lignée, les soutiens reçus et ses financements "
            + "(commons-calls) ; « partial » et « missing » disent ce qui manque quand un service ne répond pas")
    public Map<String, Object> page(@PathVariable UUID id) {
        return Views.page(pages.of(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Décrire l'initiative (son porteur, ou un coordinateur national)")
    public Map<String, Object> describe(@PathVariable UUID id, @Valid @RequestBody Bodies.DescribeBody body,
            DtPrincipal actor) {
        if (!body.initiative().leadSiren().equals(initiatives.get(id).leadSiren())) {
            throw new InvalidFieldException("initiative.leadSiren", "le porteur d'une initiative ne change pas",
                    body.initiative().leadSiren());
        }
        return Views.initiative(initiatives.describe(actor, id, body.version(), body.initiative().content()));
    }

    @PostMapping("/{id}/maturity")
    @Operation(summary = "Passer au stade de maturité suivant, sur preuves (coordinateurs nationaux)")
    public Map<String, Object> advance(@PathVariable UUID id, @Valid @RequestBody Bodies.MaturityBody body,
            DtPrincipal actor) {
        return Views.initiative(initiatives.advance(actor, id, body.version(), body.maturity(), body.justification()));
    }

    @GetMapping("/{id}/reach")
    @Operation(summary = "Territoires et population atteints sans double compte, délais depuis la validation, lignée")
    public Map<String, Object> reach(@PathVariable UUID id) {
        return Views.reach(reach.reachOf(id));
    }

    @GetMapping("/{id}/replications")
    @Operation(summary = "Les réplications de l'initiative")
    public List<Map<String, Object>> replications(@PathVariable UUID id) {
        return initiatives.replicationsOf(id).stream().map(Views::replication).toList();
    }

    @GetMapping("/{id}/supports")
    @Operation(summary = "Les soutiens reçus")
    public List<Map<String, Object>> supports(@PathVariable UUID id) {
        initiatives.get(id);
        return programme.supportsOf(id).stream().map(Views::support).toList();
    }

    @PostMapping("/{id}/supports")
    @Operation(summary = "Enregistrer un soutien reçu (coordinateurs nationaux ; une structure de mutualisation pour "
            + "l'accompagnement qu'elle apporte)")
    public ResponseEntity<Map<String, Object>> support(@PathVariable UUID id, @Valid @RequestBody Bodies.SupportBody body,
            DtPrincipal actor) {
        SupportAction support = new SupportAction(UUID.randomUUID(), id, body.replicationId(), null, body.kind(),
                body.providerSiren(), body.providerName(), body.amount(), body.receivedOn(), body.description(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.support(programme.recordSupport(actor, support)));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Pour un territoire, les initiatives adoptées par des territoires semblables (même niveau et "
            + "même taille) ou voisins, qu'il n'a pas encore")
    public Map<String, Object> suggestions(@RequestParam(required = false) String territory) {
        TerritoryRef target = Bodies.territoryParam(territory);
        return Map.of("territory", Views.territory(target),
                "sizeBand", fr.dataterritoires.replication.domain.reach.Matching.sizeLabel(target),
                "suggestions", reach.suggestionsFor(target).stream().map(Views::suggestion).toList());
    }
}
