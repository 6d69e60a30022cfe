package fr.dataterritoires.platform.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.audit.AuditVerifier;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.events.EventMetrics;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.testing.backends.AmqpBackend;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.PostgresBackend;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The operators' dead-letter tools against the real broker and database, driven over HTTP like an
 * operator would: a service whose handler refuses an event until a flag is flipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersEndpointTest {

    private static final String TYPE = "fr.dataterritoires.dltest.ThingHappened.v1";
    private static final String ISSUER = "https://auth.test.data-territoires.gouv.fr/realms/data-territoires";
    /** Personal data in the payload: it must never come out of the endpoint or the audit trail. */
    private static final String PERSON = "Jeanne Martin";

    private final PostgresBackend postgres = Backends.postgres();
    private final AmqpBackend amqp = Backends.amqp();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String exchange = "dt-test-dl-events-" + suffix;
    private final String queue = "dt-test-dl-consumer-" + suffix;
    private final String dlq = queue + ".dlq";
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private String database;
    private RSAKey key;
    private Path publicKey;
    private CachingConnectionFactory brokerConnection;
    private RabbitTemplate broker;
    private ConfigurableApplicationContext service;
    private JdbcTemplate jdbc;
    private int port;

    @BeforeAll
    void startService() throws Exception {
        database = postgres.createDatabase("deadletters");
        key = new RSAKeyGenerator(2048).keyID("dl-test").generate();
        publicKey = Files.createTempFile("dt-dl-issuer", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        brokerConnection = new CachingConnectionFactory(amqp.host(), amqp.port());
        brokerConnection.setUsername(amqp.username());
        brokerConnection.setPassword(amqp.password());
        brokerConnection.setVirtualHost(amqp.virtualHost());
        broker = new RabbitTemplate(brokerConnection);
        service = start("consumer", true, Map.of("test.consumer.queue", queue, "test.consumer.binding", "fr.dataterritoires.dltest.#"));
        jdbc = service.getBean(JdbcTemplate.class);
        port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
        try {
            RabbitAdmin admin = new RabbitAdmin(brokerConnection);
            admin.deleteQueue(queue);
            admin.deleteQueue(dlq);
            admin.deleteExchange(exchange);
        } finally {
            brokerConnection.destroy();
            dropDatabase();
            Files.deleteIfExists(publicKey);
        }
    }

    @BeforeEach
    void emptyDeadLetters() {
        DeadLettersTestApplication.FAILING.clear();
        new RabbitAdmin(brokerConnection).purgeQueue(dlq, false);
    }

    @Test
    void failedEventIsShownWithoutItsPayloadThenReplayedOnceAndAudited() {
        UUID id = UUID.randomUUID();
        DeadLettersTestApplication.FAILING.add(id);
        byte[] body = publish(id, "thing-1", 1);
        awaitDeadLetters(1);

        // summary: one message waiting in this service's DLQ
        JsonNode summary = ok(get("/actuator/deadletters", token(Role.NATIONAL_COORDINATOR)));
        assertThat(summary.path("total").asLong()).isEqualTo(1);
        assertThat(summary.path("queues").get(0).path("queue").asString()).isEqualTo(queue);
        assertThat(summary.path("queues").get(0).path("deadLetterQueue").asString()).isEqualTo(dlq);
        assertThat(summary.path("queues").get(0).path("pending").asLong()).isEqualTo(1);

        // peek: identity and failure, never the payload; the message stays where it is
        HttpResponse<String> peekResponse = get("/actuator/deadletters/" + queue + "?limit=5", token(Role.NATIONAL_COORDINATOR));
        JsonNode peek = ok(peekResponse);
        assertThat(peek.path("pending").asLong()).isEqualTo(1);
        JsonNode letter = peek.path("messages").get(0);
        assertThat(letter.path("eventId").asString()).isEqualTo(id.toString());
        assertThat(letter.path("type").asString()).isEqualTo(TYPE);
        assertThat(letter.path("subject").asString()).isEqualTo("thing-1");
        assertThat(letter.path("failureReason").asString()).contains("référentiel indisponible");
        assertThat(letter.path("failureException").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("failedAt").asString()).isNotBlank();
        assertThat(letter.path("payloadBytes").asInt()).isEqualTo(body.length);
        assertThat(letter.has("data")).isFalse();
        assertThat(peekResponse.body()).doesNotContain(PERSON).doesNotContain("courriel");
        assertThat(deadLetters().count(queue)).isEqualTo(1);

        // a non-coordinator cannot replay: refused, nothing moved
        assertThat(post("/actuator/deadletters/" + queue, token(Role.MINISTRY_OFFICER), "{\"limit\": 10}").statusCode())
                .isEqualTo(403);
        assertThat(deadLetters().count(queue)).isEqualTo(1);
        assertThat(processed(id)).isZero();

        // the cause is fixed: replay that event
        DeadLettersTestApplication.FAILING.remove(id);
        JsonNode replay = ok(post("/actuator/deadletters/" + queue, token(Role.NATIONAL_COORDINATOR),
                "{\"eventId\": \"" + id + "\"}"));
        assertThat(replay.path("action").asString()).isEqualTo("replayed");
        assertThat(replay.path("count").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(id) == 1);
        assertThat(deadLetters().count(queue)).isZero();

        // audited, without the payload, and the chain still verifies
        Map<String, Object> record = jdbc.queryForMap(
                "SELECT actor, action, target_type, before::text AS before, after::text AS after FROM audit_record WHERE target_id = ?",
                id.toString());
        assertThat(record.get("actor")).isEqualTo("demo-coordination-nationale");
        assertThat(record.get("action")).isEqualTo(DeadLetters.ACTION_REPLAYED);
        assertThat(record.get("target_type")).isEqualTo(DeadLetters.AUDIT_TARGET_TYPE);
        assertThat((String) record.get("before")).contains(dlq).contains("référentiel indisponible").doesNotContain(PERSON);
        assertThat((String) record.get("after")).contains(queue);
        assertThat(service.getBean(AuditVerifier.class).verify().ok()).isTrue();
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        assertThat(meters.counter(DeadLetters.REPLAYED, "queue", queue).count()).isEqualTo(1);

        // a second copy of the processed event (as a crash between confirm and ack would leave)
        // replayed again: the idempotent consumer absorbs it, no second effect
        double duplicates = meters.counter(EventMetrics.DUPLICATE, "type", TYPE).count();
        putInDeadLetterQueue(id, body);
        assertThat(ok(post("/actuator/deadletters/" + dlq, token(Role.NATIONAL_COORDINATOR), "{\"limit\": 10}"))
                .path("count").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter(EventMetrics.DUPLICATE, "type", TYPE).count() == duplicates + 1);
        assertThat(processed(id)).isEqualTo(1);
        assertThat(deadLetters().count(queue)).isZero();
        assertThat(meters.counter(DeadLetters.REPLAYED, "queue", queue).count()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = ? AND action = ?", Integer.class,
                id.toString(), DeadLetters.ACTION_REPLAYED)).isEqualTo(2);
        assertThat(meters.get(DeadLetters.PENDING).tag("queue", queue).gauge().value()).isZero();
        assertThat(service.getBean(AuditVerifier.class).verify().ok()).isTrue();
    }

    @Test
    void discardRemovesOnlyThatEventAfterAuditingIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DeadLettersTestApplication.FAILING.add(first);
        DeadLettersTestApplication.FAILING.add(second);
        publish(first, "thing-2", 1);
        publish(second, "thing-3", 1);
        awaitDeadLetters(2);
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        double discardedBefore = meters.counter(DeadLetters.DISCARDED, "queue", queue).count();

        assertThat(delete("/actuator/deadletters/" + queue + "/" + second, token(Role.FUNDER)).statusCode()).isEqualTo(403);
        JsonNode discarded = ok(delete("/actuator/deadletters/" + queue + "/" + second, token(Role.NATIONAL_COORDINATOR)));
        assertThat(discarded.path("action").asString()).isEqualTo("discarded");
        assertThat(discarded.path("messages").get(0).path("eventId").asString()).isEqualTo(second.toString());

        // the other one is still there, in front
        assertThat(deadLetters().count(queue)).isEqualTo(1);
        assertThat(deadLetters().peek(queue, 10)).extracting(DeadLetter::eventId).containsExactly(first.toString());
        assertThat(jdbc.queryForObject("SELECT action FROM audit_record WHERE target_id = ?", String.class, second.toString()))
                .isEqualTo(DeadLetters.ACTION_DISCARDED);
        assertThat(service.getBean(AuditVerifier.class).verify().ok()).isTrue();
        assertThat(meters.counter(DeadLetters.DISCARDED, "queue", queue).count()).isEqualTo(discardedBefore + 1);
        // discarding it again: it is gone
        assertThat(delete("/actuator/deadletters/" + queue + "/" + second, token(Role.NATIONAL_COORDINATOR)).statusCode())
                .isEqualTo(404);
        assertThat(processed(second)).isZero();
    }

    @Test
    void replayToADeletedQueueIsAConflictAndLeavesTheMessageInTheDeadLetterQueue() {
        UUID id = UUID.randomUUID();
        RabbitAdmin admin = new RabbitAdmin(brokerConnection);
        try {
            admin.deleteQueue(queue);
            putInDeadLetterQueue(id, CloudEvents.toJsonBytes(new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(),
                    "/dataterritoires/dltest", TYPE, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), "thing-4",
                    CloudEvent.JSON, CloudEvents.toTree(Map.of("seq", 1)))));
            HttpResponse<String> refused = post("/actuator/deadletters/" + queue, token(Role.NATIONAL_COORDINATOR),
                    "{\"limit\": 10}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(deadLetters().count(queue)).isEqualTo(1);
            assertThat(deadLetters().peek(queue, 10)).extracting(DeadLetter::eventId).containsExactly(id.toString());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE target_id = ?", Integer.class,
                    id.toString())).isZero();
        } finally {
            // as the route declares it; its listener reconnects by itself
            admin.declareQueue(QueueBuilder.durable(queue).singleActiveConsumer().build());
            admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new TopicExchange(exchange)).with("fr.dataterritoires.dltest.#"));
        }
    }

    @Test
    void endpointIsRefusedToAnonymousAndToOtherRolesAndValidatesItsInput() {
        assertThat(get("/actuator/deadletters", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/deadletters/" + queue, null).statusCode()).isEqualTo(401);
        assertThat(post("/actuator/deadletters/" + queue, null, "{\"limit\": 1}").statusCode()).isEqualTo(401);
        assertThat(delete("/actuator/deadletters/" + queue + "/x", null).statusCode()).isEqualTo(401);
        for (Role role : Role.values()) {
            if (role != Role.NATIONAL_COORDINATOR) {
                HttpResponse<String> refused = get("/actuator/deadletters", token(role));
                assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
                assertThat(refused.body()).contains(ProblemTypes.ACCES_REFUSE);
            }
        }
        String coordinator = token(Role.NATIONAL_COORDINATOR);
        assertThat(get("/actuator/deadletters/not-a-queue-of-this-service", coordinator).statusCode()).isEqualTo(404);
        assertThat(post("/actuator/deadletters/" + queue, coordinator, "{}").statusCode()).isEqualTo(400);
        assertThat(post("/actuator/deadletters/" + queue, coordinator, "{\"limit\": 1, \"eventId\": \"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/actuator/deadletters/" + queue, coordinator, "{\"limit\": 0}").statusCode()).isEqualTo(400);
        assertThat(post("/actuator/deadletters/" + queue, coordinator, "{\"eventId\": \"" + UUID.randomUUID() + "\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void endpointIsNotExposedByDefault() {
        try (ConfigurableApplicationContext plain = start("plain", false, Map.of())) {
            assertThat(plain.getEnvironment().getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("health,info,prometheus");
            assertThat(plain.getBean(DeadLetters.class)).isNotNull();
            int plainPort = plain.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + plainPort + "/actuator/deadletters"))
                    .header("Authorization", "Bearer " + token(Role.NATIONAL_COORDINATOR)).GET().build());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private ConfigurableApplicationContext start(String name, boolean exposed, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", "dltest-" + name);
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", 0);
        properties.putAll(postgres.springProperties(database));
        properties.put("spring.datasource.hikari.maximum-pool-size", 4);
        properties.put("spring.flyway.locations", "classpath:db/outboxtest");
        properties.putAll(amqp.springProperties(amqp.port()));
        properties.put("dataterritoires.events.exchange", exchange);
        properties.put("dataterritoires.events.confirm-timeout", "5s");
        properties.put("dataterritoires.outbox.enabled", false);
        properties.put("dataterritoires.security.issuer", ISSUER);
        properties.put("dataterritoires.security.dev-issuer.enabled", false);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", publicKey.toUri().toString());
        properties.put("camel.main.name", "dltest-" + name + "-" + suffix);
        properties.put("logging.level.org.springframework.amqp.rabbit", "ERROR");
        properties.put("management.otlp.metrics.export.enabled", false);
        if (exposed) {
            properties.put("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters");
        }
        properties.putAll(extra);
        // as command-line arguments: builder "properties" are defaults, below the platform's own
        return new SpringApplicationBuilder(DeadLettersTestApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private DeadLetters deadLetters() {
        return service.getBean(DeadLetters.class);
    }

    private void awaitDeadLetters(long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().count(queue) == expected);
    }

    private byte[] publish(UUID id, String subject, int seq) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", seq);
        data.put("nom", PERSON);
        data.put("courriel", "jeanne.martin@example.fr");
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), "/dataterritoires/dltest", TYPE,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), subject, CloudEvent.JSON, CloudEvents.toTree(data));
        byte[] body = CloudEvents.toJsonBytes(event);
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(id.toString());
        broker.send(exchange, TYPE, new Message(body, properties));
        return body;
    }

    /** A dead letter as the route writes it, put straight into the DLQ. */
    private void putInDeadLetterQueue(UUID id, byte[] body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(id.toString());
        properties.setHeader(InboundEventRoute.HEADER_REASON, "copie restée dans la file de rebut");
        properties.setHeader(InboundEventRoute.HEADER_ATTEMPTS, 3);
        properties.setHeader(InboundEventRoute.HEADER_QUEUE, queue);
        broker.send("", dlq, new Message(body, properties));
        awaitDeadLetters(1);
    }

    private int processed(UUID id) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed WHERE event_id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    private String token(Role role) {
        return new DevTokenMinter(key, ISSUER, Clock.systemUTC()).mint(DevUsers.demo(role));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CloudEvents.mapper().readTree(response.body());
    }

    private void dropDatabase() {
        if (database == null) {
            return;
        }
        String name = database.substring(database.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (Exception e) {
            // best effort: test databases are throw-away
        }
    }
}
