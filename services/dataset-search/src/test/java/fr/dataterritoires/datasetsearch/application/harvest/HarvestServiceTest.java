package fr.dataterritoires.datasetsearch.application.harvest;

import static fr.dataterritoires.datasetsearch.application.harvest.Descriptions.parsed;
import static fr.dataterritoires.datasetsearch.application.harvest.Descriptions.simple;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.JsonNode;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.outbox.OutboxPublisher;

/**
 * The harvest orchestration against real PostgreSQL: what successive runs do to the catalogue, its outbox and audit
 * trail and the index. The records are the items the format readers would hand over (the test's input).
 */
@CatalogueTest
class HarvestServiceTest {

    @Autowired
    HarvestService harvest;
    @Autowired
    HarvestSources sources;
    @Autowired
    ScriptedSourceReader reader;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    HarvestFailureStore failures;
    @Autowired
    HarvestRunRepository runs;
    @Autowired
    RecordingDatasetIndex index;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HarvestSourceRepository sourceRepository;
    @Autowired
    OutboxPublisher outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    HarvestProperties properties;
    @Autowired
    HarvestMetrics metrics;
    @Autowired
    ElasticsearchClient elasticsearch;

    private String newSource() {
        return newSource(SourceKind.DCAT);
    }

    private String newSource(SourceKind kind) {
        String id = "src-" + UUID.randomUUID().toString().substring(0, 8);
        sources.create(new HarvestSource(id, "Source " + id, kind, URI.create("https://catalogue.example.fr/" + id),
                null, true, AccessLevel.OPEN, null), "coordinator-test");
        return id;
    }

    private HarvestRun run(String sourceId) {
        return harvest.run(sourceId, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());
    }

    private Dataset byRecord(String sourceId, String key) {
        return datasets.findByProvenance(sourceId, key).orElseThrow();
    }

    private List<String> eventTypes(DatasetId id) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregate_id = :id ORDER BY position")
                .param("id", id.toString()).query(String.class).list();
    }

    private List<String> auditActions(String targetId) {
        return jdbc.sql("SELECT action FROM audit_record WHERE target_id = :id ORDER BY seq")
                .param("id", targetId).query(String.class).list();
    }

    private static void assertCounts(HarvestRun run, int created, int updated, int unchanged, int withdrawn, int failed) {
        assertThat(run.status()).as("status, error: %s", run.error()).isEqualTo(HarvestRun.Status.COMPLETED);
        assertThat(List.of(run.created(), run.updated(), run.unchanged(), run.withdrawn(), run.failed()))
                .as("new, updated, unchanged, withdrawn, failed")
                .containsExactly(created, updated, unchanged, withdrawn, failed);
    }

    @Test
    void successiveRunsCountNewUpdatedUnchangedWithdrawnAndRepublished() {
        String source = newSource();
        String base = "https://catalogue.example.fr/" + source + "/datasets/";
        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A"), parsed("b", base + "b", "Jeu B"),
                parsed("c", base + "c", "Jeu C")));
        assertCounts(run(source), 3, 0, 0, 0, 0);
        Dataset a = byRecord(source, "a");
        Dataset c = byRecord(source, "c");
        assertThat(index.isIndexed(c.id())).isTrue();
        SearchIndexProbe searchIndex = new SearchIndexProbe(elasticsearch);
        assertThat(searchIndex.holds(c.id())).as("in the real search index").isTrue();

        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A"), parsed("b", base + "b", "Jeu B, corrigé"),
                parsed("d", base + "d", "Jeu D")));
        assertCounts(run(source), 1, 1, 1, 1, 0);
        Dataset withdrawn = datasets.find(c.id()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(Dataset.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isPresent();
        assertThat(index.wasRemoved(c.id())).isTrue();
        assertThat(searchIndex.holds(c.id())).as("removed from the real search index").isFalse();
        assertThat(byRecord(source, "b").description(withdrawn.created()).orElseThrow().title())
                .isEqualTo("Jeu B, corrigé");
        // unchanged: same dataset, no new version, but seen again
        Dataset aAgain = byRecord(source, "a");
        assertThat(aAgain.version()).isEqualTo(a.version());
        assertThat(aAgain.provenance().getFirst().lastSeen()).isAfter(a.provenance().getFirst().lastSeen());

        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A"), parsed("b", base + "b", "Jeu B, corrigé"),
                parsed("c", base + "c", "Jeu C")));
        HarvestRun third = run(source);
        assertCounts(third, 1, 0, 2, 1, 0);
        Dataset republished = byRecord(source, "c");
        assertThat(republished.id()).as("the same catalogue entry comes back").isEqualTo(c.id());
        assertThat(republished.isPublished()).isTrue();
        assertThat(index.isIndexed(c.id())).isTrue();
        assertThat(searchIndex.holds(c.id())).isTrue();

        assertThat(eventTypes(c.id())).containsExactly(CatalogueEvents.DATASET_PUBLISHED,
                CatalogueEvents.DATASET_WITHDRAWN, CatalogueEvents.DATASET_PUBLISHED);
        assertThat(eventTypes(byRecord(source, "b").id())).containsExactly(CatalogueEvents.DATASET_PUBLISHED,
                CatalogueEvents.DATASET_UPDATED);
        assertThat(eventTypes(a.id())).as("unchanged records announce nothing")
                .containsExactly(CatalogueEvents.DATASET_PUBLISHED);
        assertThat(auditActions(c.id().toString()))
                .containsExactly("dataset.created", "dataset.withdrawn", "dataset.republished");
        assertThat(auditActions(third.id().toString())).containsExactly("harvest-run.started", "harvest-run.ended");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_record WHERE target_id = :id")
                .param("id", c.id().toString()).query(String.class).list())
                .containsExactly(harvest.systemActor());

        JsonNode completed = CloudEvents.mapper().readTree(jdbc.sql(
                        "SELECT payload::text FROM outbox_event WHERE aggregate_id = :id AND type = :type")
                .param("id", third.id().toString()).param("type", CatalogueEvents.HARVEST_COMPLETED)
                .query(String.class).single());
        assertThat(completed.get("sourceId").asString()).isEqualTo(source);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("counts").get("unchanged").asInt()).isEqualTo(2);
        assertThat(completed.get("counts").get("new").asInt()).isEqualTo(1);
    }

    @Test
    void theSameDatasetInTwoSourcesIsOneEntryWithdrawnOnlyWhenBothDropIt() {
        String national = newSource();
        String regional = newSource();
        String uri = "https://data.example.fr/datasets/" + UUID.randomUUID();
        reader.serve(national, List.of(parsed("n-1", simple(uri + "/", null, "Plan climat (PCAET)"))));
        reader.serve(regional, List.of(parsed("r-9",
                simple(uri.replace("https://data.example.fr", "HTTPS://DATA.Example.FR"), null, "PCAET de la région"))));

        assertCounts(run(national), 1, 0, 0, 0, 0);
        assertCounts(run(regional), 0, 1, 0, 0, 0);
        Dataset merged = byRecord(national, "n-1");
        assertThat(byRecord(regional, "r-9").id()).isEqualTo(merged.id());
        assertThat(merged.provenance()).extracting(p -> p.sourceId() + "/" + p.recordKey())
                .containsExactlyInAnyOrder(national + "/n-1", regional + "/r-9");
        assertThat(datasets.findByReference(uri)).map(Dataset::id).contains(merged.id());

        reader.serve(national, List.of());
        assertCounts(run(national), 0, 1, 0, 0, 0);
        Dataset stillThere = datasets.find(merged.id()).orElseThrow();
        assertThat(stillThere.isPublished()).isTrue();
        assertThat(stillThere.provenance()).extracting(p -> p.sourceId()).containsExactly(regional);

        reader.serve(regional, List.of());
        assertCounts(run(regional), 0, 0, 0, 1, 0);
        assertThat(datasets.find(merged.id()).orElseThrow().status()).isEqualTo(Dataset.Status.WITHDRAWN);
    }

    @Test
    void twoRecordsOfOneSourceWithTheSameLandingPageStayTwoDatasets() {
        String source = newSource();
        String portal = "https://geo.example.fr/" + UUID.randomUUID();
        reader.serve(source, List.of(
                parsed("x", simple("urn:x:" + UUID.randomUUID(), portal, "Couche X")),
                parsed("y", simple("urn:y:" + UUID.randomUUID(), portal, "Couche Y"))));
        assertCounts(run(source), 2, 0, 0, 0, 0);
        assertThat(byRecord(source, "x").id()).isNotEqualTo(byRecord(source, "y").id());
    }

    @Test
    void aSourceThatCannotBeReadWithdrawsNothing() {
        String source = newSource();
        String base = "https://catalogue.example.fr/" + source + "/";
        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A"), parsed("b", base + "b", "Jeu B")));
        assertCounts(run(source), 2, 0, 0, 0, 0);

        reader.serveThenFail(source, List.of(parsed("a", base + "a", "Jeu A v2")), "HTTP 503 sur la page 2");
        HarvestRun failed = run(source);

        assertThat(failed.status()).isEqualTo(HarvestRun.Status.FAILED);
        assertThat(failed.error()).contains("HTTP 503 sur la page 2");
        assertThat(failed.withdrawn()).isZero();
        assertThat(failed.updated()).as("what was read is kept").isEqualTo(1);
        Dataset b = byRecord(source, "b");
        assertThat(b.isPublished()).isTrue();
        assertThat(eventTypes(b.id())).containsExactly(CatalogueEvents.DATASET_PUBLISHED);
        JsonNode completed = CloudEvents.mapper().readTree(jdbc.sql(
                        "SELECT payload::text FROM outbox_event WHERE aggregate_id = :id AND type = :type")
                .param("id", failed.id().toString()).param("type", CatalogueEvents.HARVEST_COMPLETED)
                .query(String.class).single());
        assertThat(completed.get("status").asString()).isEqualTo("FAILED");
        assertThat(completed.get("error").asString()).contains("503");
    }

    @Test
    void badRecordsAreStoredRawAndCountedWhileTheRunGoesOn() {
        String source = newSource();
        String base = "https://catalogue.example.fr/" + source + "/";
        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A"),
                new HarvestItem.Failed("broken-1", "<dcat:Dataset><dct:title/></dcat:Dataset>", "titre manquant"),
                parsed("b", base + "b", "Jeu B")));

        HarvestRun run = run(source);

        assertCounts(run, 2, 0, 0, 0, 1);
        var stored = failures.list(run.id(), 0, 10);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().recordKey()).isEqualTo("broken-1");
        assertThat(stored.getFirst().raw()).isEqualTo("<dcat:Dataset><dct:title/></dcat:Dataset>");
        assertThat(stored.getFirst().reason()).isEqualTo("titre manquant");
    }

    @Test
    void aRecordTheSourceStillListsButCannotBeReadIsNotWithdrawn() {
        String source = newSource();
        String base = "https://catalogue.example.fr/" + source + "/";
        reader.serve(source, List.of(parsed("a", base + "a", "Jeu A")));
        assertCounts(run(source), 1, 0, 0, 0, 0);

        reader.serve(source, List.of(new HarvestItem.Failed("a", "{}", "licence illisible")));
        assertCounts(run(source), 0, 0, 0, 0, 1);
        assertThat(byRecord(source, "a").isPublished()).isTrue();
    }

    @Test
    void manyRecordsAreWrittenInSeveralBatches() {
        String source = newSource();
        List<HarvestItem> items = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            items.add(parsed("r" + i, "https://catalogue.example.fr/" + source + "/" + i, "Jeu n° " + i));
        }
        // overlapping pages: records read again in later batches (written concurrently) count once, the first time
        items.add(parsed("r5", "https://catalogue.example.fr/" + source + "/5", "Jeu n° 5 (page suivante)"));
        items.add(parsed("r250", "https://catalogue.example.fr/" + source + "/250", "Jeu n° 250 (page suivante)"));
        // bad records in several batches
        items.add(100, new HarvestItem.Failed("broken-a", "{}", "titre manquant"));
        items.add(new HarvestItem.Failed("broken-b", "{}", "licence illisible"));
        reader.serve(source, items);
        HarvestRun run = run(source);
        assertCounts(run, 450, 0, 0, 0, 2);
        // the stored run record holds every batch's counts (each batch adds its own)
        assertCounts(runs.find(run.id()).orElseThrow(), 450, 0, 0, 0, 2);
        assertThat(byRecord(source, "r5").description(java.time.Instant.now()).orElseThrow().title()).isEqualTo("Jeu n° 5");
        assertThat(jdbc.sql("SELECT count(*) FROM dataset_provenance WHERE source_id = :s").param("s", source)
                .query(Long.class).single()).isEqualTo(450L);
        // the same records again: nothing rewritten, nothing announced
        String datasetEvents = "SELECT count(*) FROM outbox_event WHERE aggregate_id IN "
                + "(SELECT dataset_id::text FROM dataset_provenance WHERE source_id = :s)";
        assertThat(jdbc.sql(datasetEvents).param("s", source).query(Long.class).single()).isEqualTo(450L);
        assertCounts(run(source), 0, 0, 450, 0, 2);
        assertThat(jdbc.sql(datasetEvents).param("s", source).query(Long.class).single()).isEqualTo(450L);
    }

    @Test
    void aRunAbandonedByAStoppedServiceIsClosedWhenTheNextOneStarts() {
        String source = newSource();
        reader.serve(source, List.of(parsed("a", "https://catalogue.example.fr/" + source + "/a", "Jeu A")));
        HarvestRun abandoned = HarvestRun.start(source, HarvestRun.Trigger.SCHEDULE,
                java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
        runs.insert(abandoned, harvest.systemActor());

        HarvestRun next = run(source);

        assertCounts(next, 1, 0, 0, 0, 0);
        HarvestRun closed = runs.find(abandoned.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(HarvestRun.Status.FAILED);
        assertThat(closed.error()).contains("interrompue");
    }

    @Test
    void aKindWithoutReaderFailsTheRunClearly() {
        // the same service, wired to the context's real collaborators, in a deployment that has no reader at all
        HarvestService withoutReaders = new HarvestService(sourceRepository, runs, failures, datasets, index,
                new DefaultListableBeanFactory().getBeanProvider(SourceReader.class), outbox, audit,
                transactionManager, properties, metrics, Optional.empty());
        String source = newSource(SourceKind.CSW);

        HarvestRun run = withoutReaders.run(source, HarvestRun.Trigger.SCHEDULE, harvest.systemActor());

        assertThat(run.status()).isEqualTo(HarvestRun.Status.FAILED);
        assertThat(run.error()).contains("Aucun lecteur").contains("CSW");
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(HarvestRun.Status.FAILED);
    }

    @Test
    void eventPayloadsFollowTheirSchemas() {
        String source = newSource();
        String base = "https://catalogue.example.fr/" + source + "/";
        reader.serve(source, List.of(parsed("rich", Descriptions.rich(base + "rich")), parsed("gone", base + "g", "G")));
        run(source);
        reader.serve(source, List.of(parsed("rich", Descriptions.rich(base + "rich"))));
        HarvestRun second = run(source);
        Dataset rich = byRecord(source, "rich");
        Map<String, String> schemas = Map.of(
                CatalogueEvents.DATASET_PUBLISHED, "DatasetPublished.v1",
                CatalogueEvents.DATASET_WITHDRAWN, "DatasetWithdrawn.v1",
                CatalogueEvents.HARVEST_COMPLETED, "HarvestCompleted.v1");
        List<Map<String, Object>> rows = jdbc.sql("SELECT type, payload::text AS payload FROM outbox_event "
                        + "WHERE aggregate_id IN (:ids) ORDER BY position")
                .param("ids", List.of(rich.id().toString(), second.id().toString(),
                        datasets.findByReference(base + "g").orElseThrow().id().toString()))
                .query().listOfRows();
        assertThat(rows).extracting(r -> r.get("type")).containsExactlyInAnyOrder(CatalogueEvents.DATASET_PUBLISHED,
                CatalogueEvents.DATASET_PUBLISHED, CatalogueEvents.DATASET_WITHDRAWN,
                CatalogueEvents.HARVEST_COMPLETED);
        for (Map<String, Object> row : rows) {
            EventSchemas.assertConformsTo("datasetsearch/" + schemas.get((String) row.get("type")),
                    CloudEvents.mapper().readTree((String) row.get("payload")));
        }
        JsonNode published = CloudEvents.mapper().readTree((String) rows.stream()
                .filter(r -> r.get("type").equals(CatalogueEvents.DATASET_PUBLISHED)).findFirst().orElseThrow()
                .get("payload"));
        assertThat(published.get("datasetId").asString()).isIn(rich.id().toString(),
                datasets.findByReference(base + "g").orElseThrow().id().toString());
    }
}
