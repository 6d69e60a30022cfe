package fr.dataterritoires.datasetsearch.application.harvest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;

import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;

/**
 * Records what the harvest asks of the index, and passes it on to the real Elasticsearch adapter when the context has
 * one (so the orchestration is checked against the real index as soon as it is there).
 */
public class RecordingDatasetIndex implements DatasetIndex {

    private final ObjectProvider<DatasetIndex> indexes;
    private final Set<DatasetId> indexed = ConcurrentHashMap.newKeySet();
    private final Set<DatasetId> removed = ConcurrentHashMap.newKeySet();

    public RecordingDatasetIndex(ObjectProvider<DatasetIndex> indexes) {
        this.indexes = indexes;
    }

    private Optional<DatasetIndex> real() {
        return indexes.orderedStream().filter(index -> index != this).findFirst();
    }

    @Override
    public void index(Collection<Dataset> datasets, Instant now) {
        datasets.forEach(d -> {
            indexed.add(d.id());
            removed.remove(d.id());
        });
        real().ifPresent(index -> index.index(datasets, now));
    }

    @Override
    public void remove(Collection<DatasetId> ids) {
        removed.addAll(ids);
        indexed.removeAll(ids);
        real().ifPresent(index -> index.remove(ids));
    }

    @Override
    public long rebuild(Consumer<Consumer<Dataset>> feed, Instant now) {
        Optional<DatasetIndex> real = real();
        if (real.isPresent()) {
            return real.get().rebuild(consumer -> feed.accept(d -> {
                indexed.add(d.id());
                consumer.accept(d);
            }), now);
        }
        long[] count = {0};
        feed.accept(d -> {
            indexed.add(d.id());
            count[0]++;
        });
        return count[0];
    }

    /** Whether a dataset is in the index as far as the calls made say. */
    public boolean isIndexed(DatasetId id) {
        return indexed.contains(id);
    }

    public boolean wasRemoved(DatasetId id) {
        return removed.contains(id);
    }

    public List<DatasetId> indexedAmong(Collection<DatasetId> ids) {
        return ids.stream().filter(indexed::contains).toList();
    }
}
