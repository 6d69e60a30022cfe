package fr.dataterritoires.datasetsearch.application.harvest;

import java.io.IOException;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** Asks the real Elasticsearch node whether a dataset's document is there, whatever the index naming. */
final class SearchIndexProbe {

    private final ElasticsearchClient client;

    SearchIndexProbe(ElasticsearchClient client) {
        this.client = client;
    }

    boolean holds(DatasetId id) {
        try {
            client.indices().refresh(r -> r.index("*"));
            return client.count(c -> c.index("*").query(q -> q.ids(i -> i.values(id.toString())))).count() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
