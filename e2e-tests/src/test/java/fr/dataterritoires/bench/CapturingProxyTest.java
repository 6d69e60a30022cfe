package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.testing.backends.Backends;

/**
 * The recording forwarder must be transparent to an Elasticsearch client (status, body, product header) and record
 * exactly the search requests sent while recording, so that replaying them is the same query.
 */
class CapturingProxyTest {

    private static final String JSON = "application/json";

    @Test
    void forwardsTransparentlyAndRecordsSearchesOnlyWhileRecording() throws Exception {
        String es = Backends.elasticsearch().url();
        String index = "bench-proxy-" + Long.toHexString(System.nanoTime());
        HttpClient client = HttpClient.newHttpClient();
        try (CapturingProxy proxy = new CapturingProxy(es)) {
            HttpResponse<String> created = send(client, "PUT", proxy.url() + "/" + index,
                    "{\"settings\":{\"number_of_replicas\":0}}");
            assertThat(created.statusCode()).isEqualTo(200);
            send(client, "PUT", proxy.url() + "/" + index + "/_doc/1?refresh=true", "{\"title\":\"Budget primitif\"}");

            String query = "{\"query\":{\"match\":{\"title\":\"budget\"}}}";
            send(client, "POST", proxy.url() + "/" + index + "/_search", query); // not recording yet
            proxy.start();
            HttpResponse<String> viaProxy = send(client, "POST", proxy.url() + "/" + index + "/_search?typed_keys=true", query);
            send(client, "GET", proxy.url() + "/_cluster/health", null); // housekeeping: not recorded
            List<CapturingProxy.Captured> recorded = proxy.stop();

            assertThat(viaProxy.statusCode()).isEqualTo(200);
            assertThat(viaProxy.headers().firstValue("X-elastic-product")).contains("Elasticsearch");
            assertThat(viaProxy.body()).contains("\"total\":{\"value\":1");
            assertThat(recorded).hasSize(1);
            CapturingProxy.Captured search = recorded.getFirst();
            assertThat(search.method()).isEqualTo("POST");
            assertThat(search.pathAndQuery()).isEqualTo("/" + index + "/_search?typed_keys=true");
            assertThat(new String(search.body(), StandardCharsets.UTF_8)).isEqualTo(query);

            // Replayed straight to the node, the recorded request gives the same answer.
            assertThat(new EsHttp(es).replay(search)).isEqualTo(200);
            send(client, "DELETE", es + "/" + index, null);
        }
    }

    @Test
    void searchLikePaths() {
        assertThat(CapturingProxy.isSearchLike("/datasets/_search?typed_keys=true")).isTrue();
        assertThat(CapturingProxy.isSearchLike("/_msearch")).isTrue();
        assertThat(CapturingProxy.isSearchLike("/datasets/_count")).isTrue();
        assertThat(CapturingProxy.isSearchLike("/_cluster/health")).isFalse();
        assertThat(CapturingProxy.isSearchLike("/datasets/_bulk")).isFalse();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
