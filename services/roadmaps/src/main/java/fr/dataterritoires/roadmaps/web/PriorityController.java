package fr.dataterritoires.roadmaps.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.roadmaps.application.priority.DeclarePriority;
import fr.dataterritoires.roadmaps.application.priority.PriorityService;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;
import fr.dataterritoires.roadmaps.domain.priority.PrioritySubject;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;

/** National priorities (national coordinators) and local ones (a région's committee members); the lists are public. */
@RestController
@RequestMapping("/api/priorities")
public class PriorityController {

    private final PriorityService service;

    public PriorityController(PriorityService service) {
        this.service = service;
    }

    public record PriorityBody(@NotNull PriorityLevel level, String regionCode, @NotNull PrioritySubject subject,
                               @NotBlank @Size(max = 500) String title, @Size(max = 2000) String datasetReference,
                               @Size(max = 200) String theme, @Size(max = 500) List<String> territories,
                               AccessLevel targetAccessLevel, @PlausibleDate LocalDate targetDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriorityResponse(UUID id, PriorityLevel level, String regionCode, PrioritySubject subject, String title,
                                   String datasetReference, String theme, List<String> territories,
                                   AccessLevel targetAccessLevel, LocalDate targetDate, Instant declaredAt) {
        static PriorityResponse of(Priority p) {
            return new PriorityResponse(p.id(), p.level(), p.regionCode(), p.subject(), p.title(), p.datasetReference(),
                    p.theme(), p.territories().stream().map(TerritoryKey::key).sorted().toList(), p.targetAccessLevel(),
                    p.targetDate(), p.declaredAt());
        }
    }

    @PostMapping
    public ResponseEntity<PriorityResponse> declare(@Valid @RequestBody PriorityBody body, DtPrincipal actor) {
        String region = body.level() == PriorityLevel.LOCAL ? Inputs.region(body.regionCode(), "regionCode")
                : body.regionCode();
        Priority p = service.declare(actor, new DeclarePriority(body.level(), region, body.subject(), body.title(),
                body.datasetReference(), body.theme(), Inputs.territories(body.territories(), "territories"),
                body.targetAccessLevel(), body.targetDate()));
        return ResponseEntity.created(URI.create("/api/priorities?region=" + (region == null ? "" : region)))
                .body(PriorityResponse.of(p));
    }

    /** In declaration order, one page at a time (beyond the bounds: a 400 naming {@code limit} or {@code offset}). */
    @GetMapping
    public List<PriorityResponse> list(@RequestParam(required = false) PriorityLevel level,
                                       @RequestParam(required = false) String region,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        return service.list(level, region == null ? null : Inputs.region(region, "region"), limit, offset).stream()
                .map(PriorityResponse::of).toList();
    }
}
