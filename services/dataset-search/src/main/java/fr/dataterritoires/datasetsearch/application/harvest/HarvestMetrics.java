package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;

/**
 * Harvest figures for Prometheus: runs and records per source and outcome, run durations, the catalogue's size and,
 * per source, the time since its last completed run (a source that stopped being harvested shows up as a growing lag).
 */
@Component
public class HarvestMetrics {

    /** Database figures behind gauges are read at most this often, whatever the scrape rate. */
    private static final Duration CACHE = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final DatasetRepository datasets;
    private final HarvestRunRepository runs;
    private final HarvestSourceRepository sources;
    private final Clock clock;
    private final Set<String> lagGauges = ConcurrentHashMap.newKeySet();

    private volatile Cached<Long> catalogueSize;
    private volatile Cached<Map<String, Instant>> lastCompleted;

    public HarvestMetrics(MeterRegistry registry, DatasetRepository datasets, HarvestRunRepository runs,
                          HarvestSourceRepository sources, Optional<Clock> clock) {
        this.registry = registry;
        this.datasets = datasets;
        this.runs = runs;
        this.sources = sources;
        this.clock = clock.orElse(Clock.systemUTC());
        Gauge.builder("dt.catalogue.datasets", this, HarvestMetrics::catalogueSize)
                .description("Published datasets in the catalogue")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerKnownSources() {
        sources.findAll().forEach(source -> watchLag(source.id()));
    }

    @EventListener
    public void sourceChanged(HarvestSourceChanged event) {
        watchLag(event.source().id());
    }

    /** Registers the lag gauge of a source once. */
    public void watchLag(String sourceId) {
        if (lagGauges.add(sourceId)) {
            Gauge.builder("dt.harvest.lag", this, m -> m.lagSeconds(sourceId))
                    .description("Seconds since the last completed harvest of the source (NaN before the first)")
                    .baseUnit("seconds")
                    .tag("source", sourceId)
                    .register(registry);
        }
    }

    void records(String sourceId, String outcome, int count) {
        if (count > 0) {
            Counter.builder("dt.harvest.records").description("Harvested records by outcome")
                    .tag("source", sourceId).tag("outcome", outcome)
                    .register(registry).increment(count);
        }
    }

    void runEnded(HarvestRun run) {
        Counter.builder("dt.harvest.runs").description("Harvest runs by final status")
                .tag("source", run.sourceId()).tag("status", run.status().name())
                .register(registry).increment();
        Timer.builder("dt.harvest.run.duration").description("Duration of harvest runs")
                .tag("source", run.sourceId()).tag("status", run.status().name())
                .register(registry).record(run.duration(run.finished()));
        lastCompleted = null;
        catalogueSize = null;
    }

    void indexFailure(String sourceId) {
        Counter.builder("dt.harvest.index.failures")
                .description("Batches committed to the catalogue but not indexed (repaired by an index rebuild)")
                .tag("source", sourceId).register(registry).increment();
    }

    private double catalogueSize() {
        Cached<Long> cached = catalogueSize;
        Instant now = clock.instant();
        if (cached == null || cached.isStale(now)) {
            cached = new Cached<>(datasets.countPublished(), now);
            catalogueSize = cached;
        }
        return cached.value();
    }

    private double lagSeconds(String sourceId) {
        Cached<Map<String, Instant>> cached = lastCompleted;
        Instant now = clock.instant();
        if (cached == null || cached.isStale(now)) {
            cached = new Cached<>(runs.lastCompleted(), now);
            lastCompleted = cached;
        }
        Instant last = cached.value().get(sourceId);
        return last == null ? Double.NaN : Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
    }

    private record Cached<T>(T value, Instant at) {
        boolean isStale(Instant now) {
            return at.plus(CACHE).isBefore(now);
        }
    }
}
