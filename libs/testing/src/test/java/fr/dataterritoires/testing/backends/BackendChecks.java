package fr.dataterritoires.testing.backends;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real round trips against a resolved backend, shared by the path tests. */
final class BackendChecks {

    private BackendChecks() {
    }

    /** A fresh database accepts DDL and DML, and is not the maintenance database. */
    static void postgresWorks(PostgresBackend pg) throws Exception {
        try (var c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        String url = pg.createDatabase("path_check");
        assertThat(url).contains("/path_check_");
        try (var c = DriverManager.getConnection(url, pg.username(), pg.password());
             var s = c.createStatement()) {
            s.execute("CREATE TABLE preciput_ledger (id bigint PRIMARY KEY, amount_cents bigint NOT NULL CHECK (amount_cents >= 0))");
            s.execute("INSERT INTO preciput_ledger VALUES (1, 125000), (2, 5000)");
            var rs = s.executeQuery("SELECT current_database(), sum(amount_cents) FROM preciput_ledger");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("path_check_");
            assertThat(rs.getLong(2)).isEqualTo(130000L);
        }
    }

    /** Topic exchange, bound queue, publish with confirms, consume. */
    static void amqpWorks(AmqpBackend amqp) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        assertThat(factory.getHost()).isEqualTo(amqp.host());
        assertThat(factory.getPort()).isEqualTo(amqp.port());
        assertThat(factory.getVirtualHost()).isEqualTo(amqp.virtualHost());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String exchange = "dt.check." + suffix;
        String queue = "dt.check.q." + suffix;
        try (Connection connection = factory.newConnection("dt-backend-check");
             Channel channel = connection.createChannel()) {
            // Not auto-delete: Qpid answers 404 to deleting an exchange that auto-delete already removed.
            channel.exchangeDeclare(exchange, "topic", false, false, null);
            channel.queueDeclare(queue, false, false, true, null);
            channel.queueBind(queue, exchange, "fr.dataterritoires.roadmaps.*.v1");
            channel.confirmSelect();
            channel.basicPublish(exchange, "fr.dataterritoires.roadmaps.RoadmapPublished.v1", null,
                    "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(exchange, "fr.dataterritoires.other.Thing.v1", null,
                    "{\"id\":\"e-2\"}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
            GetResponse got = null;
            for (int i = 0; i < 50 && got == null; i++) {
                got = channel.basicGet(queue, true);
                if (got == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(got).isNotNull();
            assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e-1\"}");
            assertThat(channel.basicGet(queue, true)).isNull();
            channel.queueDelete(queue);
            channel.exchangeDelete(exchange);
        }
    }

    /** Index a document with the French analyzer chain of DESIGN.md §6, then find it. */
    static void elasticsearchWorks(ElasticsearchBackend es) throws Exception {
        String index = "dt-check-" + UUID.randomUUID().toString().substring(0, 8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            String mapping = """
                    {"settings":{"number_of_shards":1,"number_of_replicas":0},
                     "mappings":{"properties":{"title":{"type":"text"}}}}
                    """;
            assertThat(send(http, "PUT", es.url() + "/" + index, mapping).statusCode()).isEqualTo(200);
            HttpResponse<String> indexed = send(http, "PUT", es.url() + "/" + index + "/_doc/1?refresh=true",
                    "{\"title\":\"Base adresse nationale des communes\"}");
            assertThat(indexed.statusCode()).isIn(200, 201);
            HttpResponse<String> found = send(http, "POST", es.url() + "/" + index + "/_search",
                    "{\"query\":{\"match\":{\"title\":\"adresse\"}}}");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"_id\":\"1\"").contains("Base adresse nationale");
            HttpResponse<String> missed = send(http, "POST", es.url() + "/" + index + "/_search",
                    "{\"query\":{\"match\":{\"title\":\"cadastre\"}}}");
            assertThat(missed.body()).doesNotContain("\"_id\":\"1\"");
            send(http, "DELETE", es.url() + "/" + index, null);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
