package fr.dataterritoires.datasetsearch.persistence.index;

import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;

/**
 * The HTTP connections to Elasticsearch. The low-level client keeps at most 10 connections per node by default: with
 * more concurrent searches than that, the others wait for a connection inside the service, a queue Elasticsearch never
 * sees. {@code dataterritoires.search.elasticsearch-connections} (64) raises the pool (per node and in all) above the
 * concurrency the service serves (Tomcat's and gRPC's threads), so that Elasticsearch alone does the queueing.
 */
@Configuration(proxyBeanMethods = false)
public class SearchClientConfiguration {

    @Bean
    Rest5ClientBuilderCustomizer searchConnectionPool(
            @Value("${dataterritoires.search.elasticsearch-connections:64}") int connections) {
        return new Rest5ClientBuilderCustomizer() {
            @Override
            public void customize(Rest5ClientBuilder builder) {
                // the connection manager callback below does the work
            }

            @Override
            public void customize(PoolingAsyncClientConnectionManagerBuilder connectionManager) {
                connectionManager.setMaxConnPerRoute(connections).setMaxConnTotal(connections);
            }
        };
    }
}
