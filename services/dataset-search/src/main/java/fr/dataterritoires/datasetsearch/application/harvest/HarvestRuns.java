package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.platform.errors.NotFoundException;

/** Reading harvest runs and starting one on demand. */
@Service
public class HarvestRuns {

    private final HarvestRunRepository runs;
    private final HarvestFailureStore failures;
    private final HarvestSources sources;
    private final HarvestService harvest;
    private final HarvestLauncher launcher;
    private final Clock clock;

    public HarvestRuns(HarvestRunRepository runs, HarvestFailureStore failures, HarvestSources sources,
                       HarvestService harvest, HarvestLauncher launcher, Optional<Clock> clock) {
        this.runs = runs;
        this.failures = failures;
        this.sources = sources;
        this.harvest = harvest;
        this.launcher = launcher;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records a run of the source by {@code actor} and hands it to the harvest route; returns at once with the
     * running run. 409 while another run of the source is running.
     */
    public HarvestRun requestRun(String sourceId, String actor) {
        HarvestRun run = harvest.start(sourceId, HarvestRun.Trigger.ON_DEMAND, actor);
        launcher.launch(sourceId, run.id());
        return run;
    }

    public HarvestRun get(UUID id) {
        return runs.find(id).orElseThrow(() -> NotFoundException.of("moisson", id));
    }

    /** Latest runs of a source first; 404 for an unknown source. */
    public List<HarvestRun> ofSource(String sourceId, int limit) {
        sources.get(sourceId);
        return runs.findBySource(sourceId, limit);
    }

    public List<HarvestFailureStore.Failure> failures(UUID runId, int offset, int limit) {
        get(runId);
        return failures.list(runId, offset, limit);
    }

    public long failureCount(UUID runId) {
        return failures.count(runId);
    }

    public Instant now() {
        return clock.instant();
    }
}
