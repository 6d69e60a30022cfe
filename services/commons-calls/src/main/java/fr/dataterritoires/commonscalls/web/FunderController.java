package fr.dataterritoires.commonscalls.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.FunderService;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** Funders and their programmes (each with its préciput rate). Anyone reads them. */
@RestController
@RequestMapping("/api/funders")
public class FunderController {

    private final FunderService service;

    public FunderController(FunderService service) {
        this.service = service;
    }

    public record FunderBody(@Schema(description = "SIREN du financeur ; par défaut celui du jeton du financeur") String siren,
                             @NotBlank @Size(max = 200) String name) {
    }

    public record ProgrammeBody(@NotBlank @Size(max = 200) String name,
                                @NotBlank @Schema(description = "Taux du préciput, fraction décimale (0.05 = 5 %)",
                                        example = "0.05") String preciputRate) {
    }

    public record FunderResponse(UUID id, String siren, String name) {
        static FunderResponse of(Funder f) {
            return new FunderResponse(f.id(), f.siren().value(), f.name());
        }
    }

    public record ProgrammeResponse(UUID id, UUID funderId, String name, String preciputRate) {
        static ProgrammeResponse of(Programme p) {
            return new ProgrammeResponse(p.id(), p.funderId(), p.name(), p.preciputRate().toPlainString());
        }
    }

    @PostMapping
    @Operation(summary = "Enregistrer un financeur (le sien, ou tout financeur pour un coordinateur national)")
    public ResponseEntity<FunderResponse> register(DtPrincipal actor, @Valid @RequestBody FunderBody body) {
        Funder funder = service.register(actor, body.siren(), body.name());
        return ResponseEntity.created(URI.create("/api/funders/" + funder.id())).body(FunderResponse.of(funder));
    }

    @GetMapping
    @Operation(summary = "Lister les financeurs par nom, page par page, ou retrouver celui d'un SIREN")
    public List<FunderResponse> list(
            @Parameter(description = "SIREN du financeur cherché (au plus un résultat)") @RequestParam(required = false)
            String siren,
            @Parameter(description = "Taille de la page (200 au plus)") @RequestParam(defaultValue = "100") @Min(1)
            @Max(200) int limit,
            @Parameter(description = "Rang du premier financeur de la page") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        return service.list(siren == null ? null : Inputs.siren("siren", siren), limit, offset).stream()
                .map(FunderResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un financeur")
    public FunderResponse get(@PathVariable UUID id) {
        return FunderResponse.of(service.get(id));
    }

    @PostMapping("/{id}/programmes")
    @Operation(summary = "Créer un programme de financement et son taux de préciput")
    public ResponseEntity<ProgrammeResponse> addProgramme(DtPrincipal actor, @PathVariable UUID id,
                                                          @Valid @RequestBody ProgrammeBody body) {
        Programme p = service.addProgramme(actor, id, body.name(), Inputs.decimal("preciputRate", body.preciputRate()));
        return ResponseEntity.created(URI.create("/api/funders/" + id + "/programmes/" + p.id())).body(ProgrammeResponse.of(p));
    }

    @GetMapping("/{id}/programmes")
    @Operation(summary = "Lister les programmes d'un financeur")
    public List<ProgrammeResponse> programmes(@PathVariable UUID id) {
        return service.programmes(id).stream().map(ProgrammeResponse::of).toList();
    }
}
