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

import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.replication.application.ProgrammeService;
import fr.dataterritoires.replication.domain.programme.CallStatus;
import fr.dataterritoires.replication.domain.programme.Candidacy;
import fr.dataterritoires.replication.domain.programme.CandidateCall;
import fr.dataterritoires.replication.domain.programme.Selection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The acceleration programme: calls for candidates, candidacies, jury scores, selection and cohorts. */
@RestController
@RequestMapping("/api/programme")
@Tag(name = "Programme d'accélération", description = "Appels à candidatures, sélection par un jury sur critères "
        + "publiés, promotions accompagnées")
public class ProgrammeController {

    private final ProgrammeService programme;

    public ProgrammeController(ProgrammeService programme) {
        this.programme = programme;
    }

    @GetMapping("/calls")
    @Operation(summary = "Les appels à candidatures, des plus récents aux plus anciens (date d'ouverture), page par page")
    public List<Map<String, Object>> calls(
            @Parameter(description = "Taille de la page (200 au plus)") @RequestParam(defaultValue = "100") @Min(1)
            @Max(200) int limit,
            @Parameter(description = "Rang du premier appel de la page") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        return programme.calls(limit, offset).stream().map(Views::call).toList();
    }

    @PostMapping("/calls")
    @Operation(summary = "Ouvrir un appel à candidatures avec ses critères publiés (dont la capacité de passage à "
            + "l'échelle, SCALABILITY) et son jury (coordinateurs nationaux)")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody Bodies.CallBody body, DtPrincipal actor) {
        CandidateCall call = new CandidateCall(UUID.randomUUID(), body.title(), body.description(),
                body.criteria().stream().map(Bodies.CriterionBody::value).toList(),
                body.jury().stream().map(j -> new CandidateCall.Juror(j.subject(), j.name(), j.organisation())).toList(),
                body.opensOn(), body.closesOn(), body.capacity(), body.minimumScore(), body.supportStart(),
                body.supportEnd(), CallStatus.OPEN, 0);
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.call(programme.openCall(actor, call)));
    }

    @GetMapping("/calls/{id}")
    @Operation(summary = "Un appel à candidatures")
    public Map<String, Object> call(@PathVariable UUID id) {
        return Views.call(programme.call(id));
    }

    @PostMapping("/calls/{id}/candidacies")
    @Operation(summary = "Candidater avec une initiative validée (son porteur)")
    public ResponseEntity<Map<String, Object>> apply(@PathVariable UUID id,
            @Valid @RequestBody Bodies.CandidacyBody body, DtPrincipal actor) {
        Candidacy c = programme.apply(actor, id, body.initiativeId(), body.motivation());
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.candidacy(c, java.util.Optional.empty(), false));
    }

    @GetMapping("/calls/{id}/candidacies")
    @Operation(summary = "Les candidatures ; après la sélection, leur note pondérée et leur rang. Les notes de chaque "
            + "juré ne sont montrées qu'aux coordinateurs nationaux et au jury")
    public List<Map<String, Object>> candidacies(@PathVariable UUID id) {
        CandidateCall call = programme.call(id);
        boolean scores = Actors.currentIfAuthenticated().map(a -> a.hasRole(Role.NATIONAL_COORDINATOR)
                || call.isJuror(a.subject())).orElse(false);
        return programme.candidacies(id).stream()
                .map(c -> Views.candidacy(c, programme.ranking(c.id()), scores)).toList();
    }

    @PutMapping("/calls/{id}/candidacies/{candidacyId}/scores")
    @Operation(summary = "Noter une candidature sur chaque critère publié, de 0 à 5 (membres du jury)")
    public Map<String, Object> score(@PathVariable UUID id, @PathVariable UUID candidacyId,
            @Valid @RequestBody Bodies.ScoresBody body, DtPrincipal actor) {
        return Views.candidacy(programme.score(actor, id, candidacyId, body.scores()), java.util.Optional.empty(), true);
    }

    @PostMapping("/calls/{id}/selection")
    @Operation(summary = "Sélectionner : la promotion se forme à partir des notes du jury sur les critères publiés "
            + "(coordinateurs nationaux)")
    public Map<String, Object> select(@PathVariable UUID id, @Valid @RequestBody Bodies.SelectionBody body,
            DtPrincipal actor) {
        Selection.Outcome outcome = programme.select(actor, id, body.cohortName());
        return Map.of("call", Views.call(outcome.call()), "cohort", Views.cohort(outcome.cohort()),
                "ranking", outcome.ranking().stream().map(r -> Map.of("candidacyId", r.candidacy().id().toString(),
                        "initiativeId", r.candidacy().initiativeId().toString(), "score",
                        r.score().toPlainString(), "rank", r.rank(), "selected", r.selected())).toList());
    }

    @GetMapping("/cohorts/{id}")
    @Operation(summary = "Une promotion et sa période d'accompagnement")
    public Map<String, Object> cohort(@PathVariable UUID id) {
        return Views.cohort(programme.cohort(id));
    }
}
