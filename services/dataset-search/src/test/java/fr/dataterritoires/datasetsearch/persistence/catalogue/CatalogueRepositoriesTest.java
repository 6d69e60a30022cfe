package fr.dataterritoires.datasetsearch.persistence.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.harvest.CatalogueTest;
import fr.dataterritoires.datasetsearch.application.harvest.Descriptions;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestFailureStore;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestRunRepository;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSourceRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.DemandSignals;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.platform.errors.ConflictException;

/** The catalogue tables in real PostgreSQL: round trips, constraints, optimistic locking. */
@CatalogueTest
class CatalogueRepositoriesTest {

    @Autowired
    DatasetRepository datasets;
    @Autowired
    HarvestSourceRepository sources;
    @Autowired
    HarvestRunRepository runs;
    @Autowired
    HarvestFailureStore failures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private String source() {
        String id = "repo-" + UUID.randomUUID().toString().substring(0, 8);
        sources.insert(new HarvestSource(id, "Catalogue " + id, SourceKind.CKAN, URI.create("https://ckan.example.fr/"),
                "0 0 3 * * ?", true, AccessLevel.RESTRICTED,
                new Producer("Région Sud", "200053859", ProducerType.REGION)));
        return id;
    }

    @Test
    void refreshingTheStatisticsAnalyzesTheCatalogueTables() {
        // what the planner needs to keep the batch look-ups on the indexes once a harvest has grown the catalogue
        long before = analyzeCount();

        datasets.refreshStatistics();

        assertThat(analyzeCount()).isEqualTo(before + 2);
    }

    private long analyzeCount() {
        return jdbc.sql("SELECT sum(analyze_count) FROM pg_stat_user_tables WHERE relname IN ('dataset', "
                + "'dataset_provenance') AND schemaname = current_schema()").query(Long.class).single();
    }

    @Test
    void aDescriptionReadsBackEqualWithEveryField() {
        DatasetDescription rich = Descriptions.rich("https://example.fr/datasets/" + UUID.randomUUID());
        DatasetDescription back = DescriptionJson.read(DescriptionJson.write(rich));
        assertThat(back).isEqualTo(rich);

        String source = source();
        Dataset dataset = Dataset.discover(DatasetId.random(), source, "k-1", rich, NOW);
        datasets.insert(dataset);
        Dataset loaded = datasets.find(dataset.id()).orElseThrow();
        assertThat(loaded.provenance()).hasSize(1);
        assertThat(loaded.provenance().getFirst().description()).isEqualTo(rich);
        assertThat(loaded.provenance().getFirst()).isEqualTo(dataset.provenance().getFirst());
        assertThat(loaded.observe(source, "k-1", rich, NOW.plusSeconds(1))).isEqualTo(Dataset.Change.UNCHANGED);
        assertThat(loaded.created()).isEqualTo(NOW);
        assertThat(loaded.version()).isZero();

        DatasetDescription minimal = Descriptions.simple("urn:local:1", null, "Minimal");
        assertThat(DescriptionJson.read(DescriptionJson.write(minimal))).isEqualTo(minimal);
    }

    @Test
    void aSourceReadsBackEqual() {
        String id = source();
        HarvestSource loaded = sources.find(id).orElseThrow();
        assertThat(loaded.defaultProducer()).isEqualTo(new Producer("Région Sud", "200053859", ProducerType.REGION));
        assertThat(loaded.defaultAccessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(loaded.schedule()).isEqualTo("0 0 3 * * ?");
        HarvestSource changed = new HarvestSource(id, "Autre nom", SourceKind.DCAT, URI.create("http://x.example.fr/c.ttl"),
                null, false, AccessLevel.OPEN, null);
        sources.update(changed);
        assertThat(sources.find(id)).contains(changed);
        assertThatThrownBy(() -> sources.insert(changed)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aStaleVersionIsRefused() {
        String source = source();
        Dataset dataset = Dataset.discover(DatasetId.random(), source, "k",
                Descriptions.simple("https://example.fr/" + UUID.randomUUID(), null, "Jeu"), NOW);
        datasets.insert(dataset);
        Dataset first = datasets.find(dataset.id()).orElseThrow();
        Dataset second = datasets.find(dataset.id()).orElseThrow();
        first.recordDemand(new DemandSignals(2, true, 1));
        datasets.update(first);
        second.recordDemand(new DemandSignals(0, false, 7));

        assertThatThrownBy(() -> datasets.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        Dataset stored = datasets.find(dataset.id()).orElseThrow();
        assertThat(stored.demand()).isEqualTo(new DemandSignals(2, true, 1));
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void batchedWritesAndIdentityLookUpsAnswerAsTheOneByOneOnes() {
        String a = source();
        String b = source();
        String base = "https://example.fr/" + UUID.randomUUID();
        Dataset older = Dataset.discover(DatasetId.random(), a, "old", Descriptions.simple(base + "/1", null, "Ancien"),
                NOW.minusSeconds(60));
        Dataset first = Dataset.discover(DatasetId.random(), a, "k1",
                Descriptions.simple(base + "/1", base + "/page-1", "Premier"), NOW);
        Dataset second = Dataset.discover(DatasetId.random(), a, "k2", Descriptions.simple(base + "/2", null, "Second"),
                NOW);
        Dataset fromB = Dataset.discover(DatasetId.random(), b, "k3", Descriptions.simple(base + "/3", null, "Troisième"),
                NOW);
        transactions.executeWithoutResult(status -> datasets.insertAll(List.of(older, first, second, fromB)));
        // the older one is withdrawn: the published one with the same source URI comes first
        Dataset withdrawn = datasets.find(older.id()).orElseThrow();
        withdrawn.dropFrom(a, "old", NOW.plusSeconds(1));
        transactions.executeWithoutResult(status -> datasets.updateAll(List.of(withdrawn)));
        assertThat(datasets.find(older.id()).orElseThrow().status()).isEqualTo(Dataset.Status.WITHDRAWN);
        assertThat(datasets.find(first.id()).orElseThrow().provenance()).isEqualTo(first.provenance());

        List<DatasetRepository.IdentityKey> keys = List.of(
                new DatasetRepository.IdentityKey(base + "/1", null),
                new DatasetRepository.IdentityKey(null, base + "/page-1"),
                new DatasetRepository.IdentityKey(base + "/2", base + "/page-9"),
                new DatasetRepository.IdentityKey(base + "/3", null),
                new DatasetRepository.IdentityKey(base + "/none", null),
                new DatasetRepository.IdentityKey(null, null));
        for (String excluding : List.of(a, b, source())) {
            var batched = datasets.findByIdentities(keys, excluding);
            for (DatasetRepository.IdentityKey key : keys) {
                assertThat(Optional.ofNullable(batched.get(key)).map(Dataset::id)).as("%s excluding %s", key, excluding)
                        .isEqualTo(datasets.findByIdentity(key.sourceUriKey(), key.landingPageKey(), excluding)
                                .map(Dataset::id));
            }
        }
        var fromC = datasets.findByIdentities(keys, b);
        assertThat(fromC.get(keys.get(0)).id()).isEqualTo(first.id());
        assertThat(fromC.get(keys.get(0))).isSameAs(fromC.get(keys.get(1)));
        assertThat(fromC).doesNotContainKey(keys.get(3));
        // source a still carries the published one, not the withdrawn one (which keeps its identity)
        var fromA = datasets.findByIdentities(keys, a);
        assertThat(fromA).containsOnlyKeys(keys.get(0), keys.get(3));
        assertThat(fromA.get(keys.get(0)).id()).isEqualTo(older.id());

        // a stale version in a batch of updates rolls the whole transaction back
        Dataset firstLoaded = datasets.find(first.id()).orElseThrow();
        Dataset secondLoaded = datasets.find(second.id()).orElseThrow();
        Dataset secondStale = datasets.find(second.id()).orElseThrow();
        transactions.executeWithoutResult(status -> datasets.updateAll(List.of(secondLoaded)));
        firstLoaded.observe(a, "k1", Descriptions.simple(base + "/1", base + "/page-1", "Premier, modifié"), NOW.plusSeconds(2));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                datasets.updateAll(List.of(firstLoaded, secondStale))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(datasets.find(first.id()).orElseThrow().version()).isZero();
        assertThat(datasets.lastView(first.id()).orElseThrow().title()).isEqualTo("Premier");
        transactions.executeWithoutResult(status -> datasets.updateAll(List.of(firstLoaded)));
        assertThat(datasets.lastView(first.id()).orElseThrow().title()).isEqualTo("Premier, modifié");
        assertThat(datasets.find(first.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(datasets.find(second.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aWithdrawnDatasetKeepsItsLastViewAndIsFoundByReference() {
        String source = source();
        String uri = "https://Example.FR/datasets/" + UUID.randomUUID() + "/";
        String page = "https://www.example.fr/jeu/" + UUID.randomUUID();
        Dataset dataset = Dataset.discover(DatasetId.random(), source, "k", Descriptions.simple(uri, page, "Jeu retiré"),
                NOW);
        datasets.insert(dataset);
        Dataset loaded = datasets.find(dataset.id()).orElseThrow();
        loaded.dropFrom(source, "k", NOW.plusSeconds(5));
        datasets.update(loaded);

        Dataset withdrawn = datasets.find(dataset.id()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(Dataset.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).contains(NOW.plusSeconds(5));
        assertThat(withdrawn.provenance()).isEmpty();
        assertThat(datasets.lastView(dataset.id()).orElseThrow().title()).isEqualTo("Jeu retiré");
        assertThat(datasets.findByReference(uri.replace("/datasets/", "/DATASETS/"))).as("paths keep their case")
                .isEmpty();
        assertThat(datasets.findByReference(" " + uri.replace("https://Example.FR", "HTTPS://example.fr") + " ")
                .map(Dataset::id)).contains(dataset.id());
        assertThat(datasets.findByReference(page + "/").map(Dataset::id)).contains(dataset.id());
        assertThat(datasets.findByReference(dataset.id().toString()).map(Dataset::id)).contains(dataset.id());
        assertThat(datasets.findByIdentity(null, page, source).map(Dataset::id)).contains(dataset.id());
    }

    @Test
    void everyPublishedDatasetIsStreamedAcrossPages() {
        String source = source();
        List<DatasetId> ids = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            ids.add(DatasetId.random());
        }
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < ids.size(); i++) {
                datasets.insert(Dataset.discover(ids.get(i), source, "k" + i,
                        Descriptions.simple("https://example.fr/" + source + "/" + i, null, "Jeu " + i), NOW));
            }
        });
        List<DatasetId> streamed = new ArrayList<>();
        datasets.forEachPublished(d -> streamed.add(d.id()));
        assertThat(streamed).containsAll(ids).doesNotHaveDuplicates();
        assertThat(datasets.findAll(ids.subList(0, 3))).extracting(Dataset::id)
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        assertThat(datasets.recordKeys(source)).hasSize(520);
    }

    @Test
    void theDatabaseRefusesBadRows() {
        String source = source();
        UUID id = UUID.randomUUID();
        String insert = "INSERT INTO dataset (id, status, description, title, source_uri, access_requests, created, "
                + "withdrawn_at) VALUES (:id, :status, '{}'::jsonb, 't', 'u', :requests, now(), :withdrawn)";
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", id).param("status", "PUBLISHED").param("requests", -1)
                .param("withdrawn", null).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", id).param("status", "DRAFT").param("requests", 0)
                .param("withdrawn", null).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", id).param("status", "WITHDRAWN").param("requests", 0)
                .param("withdrawn", null).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO harvest_source (id, name, kind, url) VALUES "
                + "('Bad Slug', 'n', 'CKAN', 'https://x.fr')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO harvest_source (id, name, kind, url) VALUES "
                + "('ok-slug', 'n', 'SPARQL', 'https://x.fr')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO harvest_source (id, name, kind, url) VALUES "
                + "('ok-slug', 'n', 'CKAN', 'ftp://x.fr')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO harvest_run (id, source_id, trigger, actor, started, heartbeat, "
                        + "status, created) VALUES (:id, :s, 'SCHEDULE', 'a', now(), now(), 'RUNNING', -3)")
                .param("id", UUID.randomUUID()).param("s", source).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO dataset_provenance (dataset_id, source_id, record_key, "
                        + "description, source_uri, first_seen, last_seen) VALUES (:id, :s, 'k', '{}'::jsonb, 'u', "
                        + "now(), now())")
                .param("id", UUID.randomUUID()).param("s", source).update())
                .as("a provenance of no dataset").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO harvest_failure (run_id, record_key, reason, at) "
                        + "VALUES (:id, 'k', ' ', now())")
                .param("id", UUID.randomUUID()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void oneRunAtATimePerSource() {
        String source = source();
        HarvestRun running = HarvestRun.start(source, HarvestRun.Trigger.SCHEDULE, NOW);
        runs.insert(running, "dataset-search:harvest");
        assertThatThrownBy(() -> runs.insert(HarvestRun.start(source, HarvestRun.Trigger.ON_DEMAND, NOW), "u-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("déjà en cours");

        running.count(Dataset.Change.NEW);
        running.countFailure();
        running.complete(NOW.plusSeconds(3));
        runs.update(running, NOW.plusSeconds(3));
        HarvestRun loaded = runs.find(running.id()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(HarvestRun.Status.COMPLETED);
        assertThat(loaded.created()).isEqualTo(1);
        assertThat(loaded.failed()).isEqualTo(1);
        assertThat(loaded.finished()).isEqualTo(NOW.plusSeconds(3));
        assertThat(runs.actorOf(running.id())).contains("dataset-search:harvest");
        assertThat(runs.lastCompleted()).containsEntry(source, NOW.plusSeconds(3));

        HarvestRun next = HarvestRun.start(source, HarvestRun.Trigger.ON_DEMAND, NOW.plusSeconds(10));
        runs.insert(next, "u-1");
        assertThat(runs.findBySource(source, 10)).extracting(HarvestRun::id).containsExactly(next.id(), running.id());
        assertThat(runs.findAbandoned(source, NOW.plusSeconds(5))).isEmpty();
        assertThat(runs.findAbandoned(source, NOW.plusSeconds(60))).map(HarvestRun::id).contains(next.id());

        failures.record(next.id(), "r-1", "raw\u0000bytes", "illisible", NOW);
        assertThat(failures.list(next.id(), 0, 5)).singleElement()
                .satisfies(f -> assertThat(f.raw()).isEqualTo("raw\uFFFDbytes"));
        assertThat(failures.count(next.id())).isEqualTo(1);
    }
}
