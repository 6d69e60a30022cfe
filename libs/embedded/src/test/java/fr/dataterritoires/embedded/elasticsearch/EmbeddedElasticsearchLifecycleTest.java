package fr.dataterritoires.embedded.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing the node frees its HTTP port, and a node can be started again in the same JVM. */
class EmbeddedElasticsearchLifecycleTest {

    @TempDir
    Path workDir;

    @Test
    void closeStopsServingAndFreesThePort() throws Exception {
        int port;
        try (EmbeddedElasticsearch node = EmbeddedElasticsearch.start(workDir)) {
            port = node.httpPort();
            HttpResponse<String> root = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(node.httpUrl() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(200);
        }

        assertThatThrownBy(() -> HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build(), HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(IOException.class);
        try (ServerSocket rebound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
    }
}
