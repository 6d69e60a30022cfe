package fr.dataterritoires.datasetsearch.persistence.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * The index side of Elasticsearch: documents written through the alias, rebuilt into a new versioned index that
 * the alias then moves to in one atomic alias update (searches never see a half-built index), the old index
 * deleted afterwards. Writes made while a rebuild runs go to both the old index (searched meanwhile) and the one
 * being built, so that none is lost by the swap.
 */
public class ElasticsearchDatasetIndex implements DatasetIndex {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDatasetIndex.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final IndexDefinition definition;
    private final IndexProperties properties;
    private volatile boolean aliasKnown;
    /** The index a rebuild is filling, written to as well until the alias moves. */
    private volatile String building;

    public ElasticsearchDatasetIndex(ElasticsearchClient client, IndexNames names, IndexDefinition definition,
                                     IndexProperties properties) {
        this.client = client;
        this.names = names;
        this.definition = definition;
        this.properties = properties;
    }

    public IndexNames names() {
        return names;
    }

    /** Creates a first index behind the alias when there is none; returns whether it did. */
    public synchronized boolean ensureIndex() {
        if (aliasKnown) {
            return false;
        }
        try {
            if (client.indices().existsAlias(e -> e.name(names.alias())).value()) {
                aliasKnown = true;
                return false;
            }
            String index = createIndex(Instant.now());
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(names.alias()))));
            aliasKnown = true;
            log.info("Created search index {} behind alias {}", index, names.alias());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void index(Collection<Dataset> datasets, Instant now) {
        ensureIndex();
        List<BulkOperation> operations = new ArrayList<>();
        for (Dataset dataset : datasets) {
            Optional<Map<String, Object>> document = DatasetDocuments.document(dataset, now);
            if (document.isPresent()) {
                operations.add(BulkOperation.of(b -> b.index(i -> i.id(dataset.id().toString())
                        .document(document.get()))));
            } else {
                operations.add(BulkOperation.of(b -> b.delete(d -> d.id(dataset.id().toString()))));
            }
        }
        write(operations);
    }

    @Override
    public void remove(Collection<DatasetId> ids) {
        ensureIndex();
        List<BulkOperation> operations = ids.stream()
                .map(id -> BulkOperation.of(b -> b.delete(d -> d.id(id.toString())))).toList();
        write(operations);
    }

    private void write(List<BulkOperation> operations) {
        bulk(names.alias(), operations, properties.refresh());
        String rebuilding = building;
        if (rebuilding != null) {
            bulk(rebuilding, operations, false);
        }
    }

    /**
     * Reads the feed in the calling thread, building documents while up to {@code bulk-concurrency} bulk requests are
     * in flight; the new index does not refresh while it is filled (one refresh at the end, before the alias moves).
     */
    @Override
    public long rebuild(Consumer<Consumer<Dataset>> feed, Instant now) {
        String index;
        try {
            index = createIndex(now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int concurrency = properties.bulkConcurrency();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency,
                Thread.ofPlatform().name("index-rebuild-", 1).daemon().factory());
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] count = {0};
        building = index;
        try {
            refreshInterval(index, "-1");
            List<BulkOperation> batch = new ArrayList<>(properties.bulkSize());
            Consumer<List<BulkOperation>> send = operations -> {
                acquire(inFlight);
                senders.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            bulk(index, operations, false);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            };
            feed.accept(dataset -> {
                RuntimeException failed = failure.get();
                if (failed != null) {
                    throw failed;
                }
                DatasetDocuments.document(dataset, now).ifPresent(document -> {
                    batch.add(BulkOperation.of(b -> b.index(i -> i.id(dataset.id().toString()).document(document))));
                    count[0]++;
                });
                if (batch.size() >= properties.bulkSize()) {
                    send.accept(List.copyOf(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                send.accept(List.copyOf(batch));
            }
            // every request answered
            acquire(inFlight, concurrency);
            inFlight.release(concurrency);
            if (failure.get() != null) {
                throw failure.get();
            }
            refreshInterval(index, DEFAULT_REFRESH_INTERVAL);
            client.indices().refresh(r -> r.index(index));
            swapAlias(index);
            building = null;
        } catch (IOException | RuntimeException e) {
            building = null;
            // requests still in flight end first: a bulk arriving after the delete would create the index again
            senders.shutdown();
            try {
                senders.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(index);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        } finally {
            senders.shutdownNow();
        }
        log.info("Rebuilt search index {} with {} datasets; alias {} moved to it", index, count[0], names.alias());
        return count[0];
    }

    /** Elasticsearch's own default, set back once a rebuild filled the index. */
    private static final String DEFAULT_REFRESH_INTERVAL = "1s";

    private void refreshInterval(String index, String interval) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval))));
    }

    private static void acquire(Semaphore semaphore) {
        acquire(semaphore, 1);
    }

    private static void acquire(Semaphore semaphore, int permits) {
        try {
            semaphore.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Index rebuild interrupted", e);
        }
    }

    /** Points the alias at {@code index} alone in one alias update, then deletes the indices it left. */
    private synchronized void swapAlias(String index) throws IOException {
        Set<String> previous = Set.of();
        if (client.indices().existsAlias(e -> e.name(names.alias())).value()) {
            previous = client.indices().getAlias(g -> g.name(names.alias())).aliases().keySet();
        }
        List<Action> actions = new ArrayList<>();
        for (String old : previous) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(names.alias()))));
        }
        actions.add(Action.of(a -> a.add(add -> add.index(index).alias(names.alias()))));
        client.indices().updateAliases(u -> u.actions(actions));
        aliasKnown = true;
        for (String old : previous) {
            deleteQuietly(old);
        }
    }

    private String createIndex(Instant now) throws IOException {
        String index = names.newIndex(definition.mappingVersion(), now);
        String body = definition.createIndexBody(replicas());
        client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
        return index;
    }

    /** 0 on a single-node cluster (a replica could never be allocated), else as configured or 1. */
    private int replicas() throws IOException {
        if (properties.replicas() != null) {
            return properties.replicas();
        }
        return client.cluster().health().numberOfDataNodes() <= 1 ? 0 : 1;
    }

    private void bulk(String index, List<BulkOperation> operations, boolean refresh) {
        if (operations.isEmpty()) {
            return;
        }
        BulkRequest request = BulkRequest.of(b -> b.index(index).operations(operations)
                .refresh(refresh ? Refresh.WaitFor : Refresh.False));
        try {
            BulkResponse response = client.bulk(request);
            if (response.errors()) {
                List<String> failures = response.items().stream().filter(i -> i.error() != null)
                        // deleting a document that is not there is no failure
                        .filter(i -> !(i.status() == 404 && "delete".equals(i.operationType().jsonValue())))
                        .map(ElasticsearchDatasetIndex::describe).limit(5).toList();
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("Indexing failed for some datasets: " + failures);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.id() + " " + item.error().type() + ": " + item.error().reason();
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete index {}: {}", index, e.toString());
        }
    }
}
