package fr.dataterritoires.datasetsearch.integration.routes;

import static fr.dataterritoires.datasetsearch.application.harvest.Descriptions.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.harvest.CatalogueTest;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestRunRepository;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;
import fr.dataterritoires.datasetsearch.application.harvest.ScriptedSourceReader;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/** The Camel side: a Quartz schedule and the direct entry both end in a harvest run. */
@CatalogueTest
class HarvestRoutesTest {

    @Autowired
    HarvestScheduler scheduler;
    @Autowired
    HarvestSources sources;
    @Autowired
    HarvestRunRepository runs;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    ScriptedSourceReader reader;
    @Autowired
    ProducerTemplate producer;

    private HarvestSource source(String schedule) {
        String id = "camel-" + UUID.randomUUID().toString().substring(0, 8);
        HarvestSource source = new HarvestSource(id, "Source " + id, SourceKind.DCAT,
                URI.create("https://catalogue.example.fr/" + id), schedule, true, AccessLevel.OPEN, null);
        sources.create(source, "test");
        reader.serve(id, List.of(parsed("k", "https://catalogue.example.fr/" + id + "/k", "Jeu planifié")));
        return source;
    }

    @Test
    void aScheduledSourceIsHarvestedOnItsCron() throws InterruptedException {
        HarvestSource source = source("0/1 * * * * ?");
        assertThat(scheduler.isScheduled(source.id())).as("scheduling is off in tests").isFalse();

        scheduler.install(source);
        try {
            assertThat(scheduler.isScheduled(source.id())).isTrue();
            HarvestRun run = awaitCompletedRun(source.id());
            assertThat(run.trigger()).isEqualTo(HarvestRun.Trigger.SCHEDULE);
            assertThat(run.created()).isEqualTo(1);
            assertThat(datasets.findByProvenance(source.id(), "k")).isPresent();
        } finally {
            scheduler.uninstall(source.id());
        }
        assertThat(scheduler.isScheduled(source.id())).isFalse();
    }

    @Test
    void aDisabledOrUnscheduledSourceHasNoRoute() {
        HarvestSource onDemandOnly = source(null);
        scheduler.install(onDemandOnly);
        assertThat(scheduler.isScheduled(onDemandOnly.id())).isFalse();
        HarvestSource disabled = new HarvestSource(onDemandOnly.id(), "x", SourceKind.DCAT, onDemandOnly.url(),
                "0 0 3 * * ?", false, AccessLevel.OPEN, null);
        scheduler.install(disabled);
        assertThat(scheduler.isScheduled(onDemandOnly.id())).isFalse();
    }

    @Test
    void theDirectEntryStartsARunForTheSourceInItsHeader() {
        HarvestSource source = source(null);

        Object body = producer.requestBodyAndHeader(HarvestRoutes.ENTRY, null, HarvestRoutes.SOURCE_ID, source.id());

        assertThat(body).isInstanceOf(HarvestRun.class);
        HarvestRun run = (HarvestRun) body;
        assertThat(run.status()).isEqualTo(HarvestRun.Status.COMPLETED);
        assertThat(run.trigger()).isEqualTo(HarvestRun.Trigger.SCHEDULE);
        assertThat(runs.findBySource(source.id(), 5)).extracting(HarvestRun::id).containsExactly(run.id());
    }

    /** The source's first completed run (the cron fires every second: later runs find the record unchanged). */
    private HarvestRun awaitCompletedRun(String sourceId) throws InterruptedException {
        // up to a minute: the scheduler's every-second trigger waits for a worker on a loaded 2-core machine
        for (int i = 0; i < 600; i++) {
            // newest first: the last completed one in the list is the first that ran (runs of a source never overlap)
            var completed = runs.findBySource(sourceId, 50).stream()
                    .filter(r -> r.status() == HarvestRun.Status.COMPLETED).reduce((newer, older) -> older);
            if (completed.isPresent()) {
                return completed.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scheduled run of " + sourceId);
    }
}
