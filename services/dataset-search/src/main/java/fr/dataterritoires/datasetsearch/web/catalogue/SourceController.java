package fr.dataterritoires.datasetsearch.web.catalogue;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestRuns;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.security.Actors;

/** The harvested catalogues: public reading, management and on-demand runs by the national coordinator. */
@RestController
public class SourceController {

    private final HarvestSources sources;
    private final HarvestRuns runs;

    public SourceController(HarvestSources sources, HarvestRuns runs) {
        this.sources = sources;
        this.runs = runs;
    }

    @GetMapping("/api/sources")
    public List<Views.SourceView> list() {
        return sources.list().stream().map(Views.SourceView::of).toList();
    }

    @GetMapping("/api/sources/{id}")
    public Views.SourceView get(@PathVariable String id) {
        return Views.SourceView.of(sources.get(id));
    }

    @PostMapping("/api/sources")
    public ResponseEntity<Views.SourceView> create(@Valid @RequestBody SourceRequest request) {
        if (request.id() == null) {
            throw new InvalidFieldException("id", "l'identifiant est obligatoire", null);
        }
        HarvestSource created = sources.create(toSource(request.id(), request), Actors.current().subject());
        return ResponseEntity.created(URI.create("/api/sources/" + created.id())).body(Views.SourceView.of(created));
    }

    @PutMapping("/api/sources/{id}")
    public Views.SourceView update(@PathVariable String id, @Valid @RequestBody SourceRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidFieldException("id", "l'identifiant d'une source ne change pas (" + id + ")",
                    request.id());
        }
        sources.get(id);
        return Views.SourceView.of(sources.update(toSource(id, request), Actors.current().subject()));
    }

    /** 202 with the run's location; the harvest goes on in the background. 409 while a run is in progress. */
    @PostMapping("/api/sources/{id}/runs")
    public ResponseEntity<Views.RunView> run(@PathVariable String id) {
        HarvestRun run = runs.requestRun(id, Actors.current().subject());
        return ResponseEntity.accepted().location(URI.create("/api/harvest-runs/" + run.id()))
                .body(Views.RunView.of(run, runs.now()));
    }

    @GetMapping("/api/sources/{id}/runs")
    public List<Views.RunView> runs(@PathVariable String id,
                                    @RequestParam(defaultValue = "20")
                                    @Min(value = 1, message = "au moins 1")
                                    @Max(value = 200, message = "200 au plus") int limit) {
        var now = runs.now();
        return runs.ofSource(id, limit).stream().map(r -> Views.RunView.of(r, now)).toList();
    }

    private static HarvestSource toSource(String id, SourceRequest r) {
        Producer producer = null;
        if (r.defaultProducer() != null) {
            producer = new Producer(r.defaultProducer().name(), r.defaultProducer().siren(),
                    r.defaultProducer().type() == null ? ProducerType.UNKNOWN : r.defaultProducer().type());
        }
        URI url;
        try {
            url = URI.create(r.url().strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidFieldException("url", "adresse mal formée", r.url());
        }
        if (url.getHost() == null) {
            throw new InvalidFieldException("url", "adresse http ou https attendue", r.url());
        }
        try {
            return new HarvestSource(id, r.name(), r.kind(), url, r.schedule(),
                    r.enabled() == null || r.enabled(), r.defaultAccessLevel(), producer);
        } catch (IllegalArgumentException refused) {
            throw new InvalidFieldException("id", "source refusée : " + refused.getMessage(), id);
        }
    }
}
