package fr.dataterritoires.datasetsearch.persistence.index;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import fr.dataterritoires.datasetsearch.application.search.SearchParameters;
import fr.dataterritoires.datasetsearch.application.search.SearchProperties;
import fr.dataterritoires.datasetsearch.application.search.SearchQueryParser;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.application.search.TerritoryExpansion;
import fr.dataterritoires.datasetsearch.application.search.UseProfiles;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.testing.backends.Backends;

/**
 * The index adapters on the test Elasticsearch node (libs/testing: explicit, loopback or embedded), under a prefix
 * of their own so that test classes sharing the node never see each other's documents.
 */
final class SearchIndexHarness implements AutoCloseable {

    final ElasticsearchClient client;
    final IndexNames names;
    final ElasticsearchDatasetIndex index;
    final ElasticsearchDatasetSearch search;
    final SearchQueryParser parser;

    SearchIndexHarness() {
        client = ElasticsearchClient.of(b -> b.host(Backends.elasticsearch().url()));
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        names = IndexNames.of("datasets", "dt-test-index-" + HexFormat.of().formatHex(random));
        index = new ElasticsearchDatasetIndex(client, names, IndexDefinition.load(), IndexProperties.defaults());
        search = new ElasticsearchDatasetSearch(client, names);
        parser = new SearchQueryParser(SearchProperties.defaults(), new TerritoryExpansion(), new UseProfiles());
    }

    void index(Dataset... datasets) {
        index.index(List.of(datasets), Instant.now());
    }

    SearchResults search(SearchParameters parameters) {
        return search.search(parser.parse(parameters), Instant.now().plus(Duration.ofSeconds(30)));
    }

    List<String> titles(SearchParameters parameters) {
        return search(parameters).datasets().stream().map(c -> c.title()).toList();
    }

    /** The concrete indices of this harness, whatever the alias points to. */
    java.util.Set<String> indices() throws IOException {
        return client.indices().get(g -> g.index(names.indexPattern()).allowNoIndices(true)).indices().keySet();
    }

    @Override
    public void close() throws IOException {
        try {
            // Wildcard deletes are refused by default (action.destructive_requires_name): resolve names first.
            for (String name : indices()) {
                client.indices().delete(d -> d.index(name));
            }
        } finally {
            client.close();
        }
    }
}
