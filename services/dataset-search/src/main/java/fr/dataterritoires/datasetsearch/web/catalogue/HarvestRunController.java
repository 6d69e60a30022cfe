package fr.dataterritoires.datasetsearch.web.catalogue;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestRuns;

/** Harvest runs (public) and the raw records they could not read (national coordinator). */
@RestController
public class HarvestRunController {

    private final HarvestRuns runs;

    public HarvestRunController(HarvestRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/api/harvest-runs/{id}")
    public Views.RunView get(@PathVariable UUID id) {
        return Views.RunView.of(runs.get(id), runs.now());
    }

    @GetMapping("/api/harvest-runs/{id}/failures")
    public Views.FailurePage failures(@PathVariable UUID id,
                                      @RequestParam(defaultValue = "0")
                                      @Min(value = 0, message = "doit être positif ou nul") int offset,
                                      @RequestParam(defaultValue = "50")
                                      @Min(value = 1, message = "au moins 1")
                                      @Max(value = 500, message = "500 au plus") int limit) {
        var failures = runs.failures(id, offset, limit).stream().map(Views.FailureView::of).toList();
        return new Views.FailurePage(id.toString(), runs.failureCount(id), offset, limit, failures);
    }
}
