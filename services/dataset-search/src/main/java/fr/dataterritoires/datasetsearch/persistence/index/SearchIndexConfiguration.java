package fr.dataterritoires.datasetsearch.persistence.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The Elasticsearch adapters, on the client Spring Boot configures from {@code spring.elasticsearch.uris}.
 */
@Configuration(proxyBeanMethods = false)
public class SearchIndexConfiguration {

    /** Test contexts sharing one node get their own names (libs/testing's per-context namespace). */
    static final String TEST_NAMESPACE = "dataterritoires.test.namespace";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexConfiguration.class);

    @Bean
    IndexNames datasetIndexNames(IndexProperties properties, Environment environment) {
        String prefix = properties.prefix() != null ? properties.prefix() : environment.getProperty(TEST_NAMESPACE);
        return IndexNames.of(properties.alias(), prefix);
    }

    @Bean
    IndexDefinition datasetIndexDefinition() {
        return IndexDefinition.load();
    }

    @Bean
    ElasticsearchDatasetIndex elasticsearchDatasetIndex(ElasticsearchClient client, IndexNames names,
                                                        IndexDefinition definition, IndexProperties properties) {
        return new ElasticsearchDatasetIndex(client, names, definition, properties);
    }

    @Bean
    ElasticsearchDatasetSearch elasticsearchDatasetSearch(ElasticsearchClient client, IndexNames names) {
        return new ElasticsearchDatasetSearch(client, names);
    }

    /**
     * Creates the index behind the alias when it is missing. A node not answering yet does not stop the service:
     * the first write creates it, and searches answer 5xx/504 until the node is there.
     */
    @Bean
    ApplicationRunner datasetIndexInitializer(ElasticsearchDatasetIndex index, IndexProperties properties) {
        return args -> {
            if (!properties.createOnStartup()) {
                return;
            }
            try {
                index.ensureIndex();
            } catch (RuntimeException e) {
                log.warn("Search index {} not checked at start-up: {}", index.names().alias(), e.toString());
            }
        };
    }
}
