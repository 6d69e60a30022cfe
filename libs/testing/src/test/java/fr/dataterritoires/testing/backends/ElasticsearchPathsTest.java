package fr.dataterritoires.testing.backends;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch through every path that can run here. This machine has no Elasticsearch on
 * 9200, so the embedded node started by the EMBEDDED path also plays the server that the
 * EXPLICIT and LOOPBACK paths are pointed at (real probe, real GET /).
 */
class ElasticsearchPathsTest {

    static BackendResolver embeddedResolver;
    static ElasticsearchBackend embedded;

    @BeforeAll
    static void startEmbedded() {
        embeddedResolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.nothingAnswers(), () -> false);
        embedded = embeddedResolver.elasticsearch();
    }

    @AfterAll
    static void stop() {
        embeddedResolver.close();
    }

    @Test
    void embeddedNodeIndexesAndSearches() throws Exception {
        assertThat(embedded.source()).isEqualTo(BackendSource.EMBEDDED);
        assertThat(embedded.singleNode()).isTrue();
        assertThat(embedded.url()).startsWith("http://127.0.0.1:");
        BackendChecks.elasticsearchWorks(embedded);
    }

    @Test
    void explicitUrlWins() throws Exception {
        try (BackendResolver resolver = new BackendResolver(Map.of("DT_ELASTICSEARCH_URL", embedded.url() + "/")::get,
                LoopbackProber.nothingAnswers(), () -> true)) {
            ElasticsearchBackend es = resolver.elasticsearch();
            assertThat(es.source()).isEqualTo(BackendSource.EXPLICIT);
            assertThat(es.url()).isEqualTo(embedded.url());
            BackendChecks.elasticsearchWorks(es);
        }
    }

    @Test
    void realProbeRecognisesElasticsearchOnTheLoopbackPort() throws Exception {
        int port = Integer.parseInt(embedded.url().substring(embedded.url().lastIndexOf(':') + 1));
        try (BackendResolver resolver = new BackendResolver(Map.<String, String>of()::get, LoopbackProber.real(),
                () -> true, new BackendResolver.LoopbackPorts(5432, 5672, port))) {
            BackendPlan plan = resolver.planElasticsearch();
            assertThat(plan.source()).isEqualTo(BackendSource.LOOPBACK);
            assertThat(plan.detail()).matches("GET / answered version \\d+\\..*");
            ElasticsearchBackend es = resolver.elasticsearch();
            assertThat(es.url()).isEqualTo(embedded.url());
            BackendChecks.elasticsearchWorks(es);
        }
    }
}
