package fr.dataterritoires.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.testing.backends.AmqpBackend;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.PostgresBackend;

/**
 * Inbound routes and the events topology against the real broker and database: idempotency per
 * queue, unroutable events kept, one active consumer across replicas, database outages not
 * dead-lettered, no personal data in dead-letter headers and logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundEventRouteTest {

    private static final String TYPE = "fr.dataterritoires.routetest.ThingHappened.v1";
    private static final String EMAIL = "jean.dupont@example.fr";

    private final PostgresBackend postgres = Backends.postgres();
    private final AmqpBackend amqp = Backends.amqp();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private String database;
    private CachingConnectionFactory brokerConnection;
    private RabbitTemplate broker;
    private RabbitAdmin admin;
    private String suffix;
    private String exchange;

    @BeforeAll
    void createDatabase() {
        database = postgres.createDatabase("inbound_routes");
        brokerConnection = new CachingConnectionFactory(amqp.host(), amqp.port());
        brokerConnection.setUsername(amqp.username());
        brokerConnection.setPassword(amqp.password());
        brokerConnection.setVirtualHost(amqp.virtualHost());
        broker = new RabbitTemplate(brokerConnection);
        admin = new RabbitAdmin(brokerConnection);
    }

    @BeforeEach
    void freshNames() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        exchange = "dt-test-route-events-" + suffix;
        InboundRoutesTestApplication.ATTEMPTS.clear();
        InboundRoutesTestApplication.FAILURES.clear();
    }

    @AfterEach
    void closeServices() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
        for (String queue : queues) {
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".dlq");
        }
        queues.clear();
        admin.deleteExchange(exchange);
        admin.deleteExchange(EventsTopology.unrouted(exchange));
        admin.deleteQueue(EventsTopology.unrouted(exchange));
    }

    @AfterAll
    void dropDatabase() {
        brokerConnection.destroy();
        String name = database.substring(database.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (Exception e) {
            // best effort: test databases are throw-away
        }
    }

    @Test
    void twoRoutesBoundToTheSameTypeEachApplyTheEventOnceAndAbsorbDuplicates() {
        String indexing = queue("index");
        String notifying = queue("notify");
        ConfigurableApplicationContext service = start("a", Map.of("test.routes.first", indexing,
                "test.routes.second", notifying));
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);

        List<CloudEvent> events = new ArrayList<>();
        for (int seq = 1; seq <= 5; seq++) {
            events.add(publish(UUID.randomUUID(), Map.of("seq", seq)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(jdbc, "a:" + indexing) == 5 && processed(jdbc, "a:" + notifying) == 5);

        // the same events again (a relay crashed before marking them): each route absorbs them
        events.forEach(this::publish);
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(service, EventMetrics.DUPLICATE) == 10);
        assertThat(processed(jdbc, "a:" + indexing)).isEqualTo(5);
        assertThat(processed(jdbc, "a:" + notifying)).isEqualTo(5);
        for (CloudEvent event : events) {
            assertThat(InboundRoutesTestApplication.ATTEMPTS.get(indexing + "/" + event.id()).get()).isEqualTo(1);
            assertThat(InboundRoutesTestApplication.ATTEMPTS.get(notifying + "/" + event.id()).get()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_event WHERE queue IN (?, ?)", Integer.class,
                indexing, notifying)).isEqualTo(10);
    }

    @Test
    void eachDuplicateDeliveryIsCountedOnTheEventsRowOfItsQueueAndSurvivesARestart() {
        String queue = queue("counted");
        ConfigurableApplicationContext service = start("a", Map.of("test.routes.first", queue));
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        CloudEvent once = publish(UUID.randomUUID(), Map.of("seq", 1));
        CloudEvent thrice = publish(UUID.randomUUID(), Map.of("seq", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(jdbc, "a:" + queue) == 2);
        assertThat(duplicates(jdbc, queue, once)).isZero();

        publish(thrice);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(jdbc, queue, thrice) == 1);
        // the count is in the database, not in the process: a restarted consumer keeps counting on it
        service.close();
        contexts.remove(service);
        ConfigurableApplicationContext restarted = start("a", Map.of("test.routes.first", queue));
        JdbcTemplate again = restarted.getBean(JdbcTemplate.class);
        publish(thrice);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(again, queue, thrice) == 2);

        assertThat(duplicates(again, queue, once)).isZero();
        assertThat(processed(again, "a:" + queue)).isEqualTo(2);
        assertThat(InboundRoutesTestApplication.ATTEMPTS.get(queue + "/" + thrice.id()).get()).isEqualTo(1);
        assertThat(counter(restarted, EventMetrics.DUPLICATE)).isEqualTo(1.0);
    }

    private static int duplicates(JdbcTemplate jdbc, String queue, CloudEvent event) {
        Integer n = jdbc.queryForObject("SELECT duplicates FROM inbound_event WHERE queue = ? AND event_id = ?::uuid",
                Integer.class, queue, event.id());
        return n == null ? -1 : n;
    }

    @Test
    void anEventNoQueueIsBoundForEndsInTheUnroutedQueueAndAMissingQueueIsAFailure() {
        ConfigurableApplicationContext producer = start("producer", Map.of("dataterritoires.outbox.enabled", true));
        OutboxPublisher outbox = producer.getBean(OutboxPublisher.class);
        UUID id = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class))
                .execute(status -> outbox.record("Thing", "thing-1", "fr.dataterritoires.routetest.NobodyListens.v1", Map.of("seq", 1)));
        JdbcTemplate jdbc = producer.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?", Boolean.class, id));

        Message kept = broker.receive(EventsTopology.unrouted(exchange), 10_000);
        assertThat(kept).isNotNull();
        assertThat(kept.getMessageProperties().getMessageId()).isEqualTo(id.toString());
        assertThat(kept.getMessageProperties().getReceivedRoutingKey()).isEqualTo("fr.dataterritoires.routetest.NobodyListens.v1");

        // through the default exchange to a queue that does not exist: returned, hence a failure
        ConfirmedPublisher publisher = producer.getBean(ConfirmedPublisher.class);
        assertThatThrownBy(() -> publisher.publish(List.of(new ConfirmedPublisher.Outgoing("", "dt-test-no-such-queue-" + suffix,
                new Message("{}".getBytes(), new MessageProperties())))))
                .isInstanceOf(ConfirmedPublisher.UnroutableMessageException.class);
    }

    @Test
    void twoReplicasOnOneQueueOnlyOneConsumesUntilItStops() {
        String queue = queue("replicated");
        ConfigurableApplicationContext first = start("a", Map.of("test.routes.first", queue));
        ConfigurableApplicationContext second = start("b", Map.of("test.routes.first", queue, "test.replica", "b"));
        // the second replica's database access outlives the first one
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumers(queue) == 2);

        for (int seq = 1; seq <= 40; seq++) {
            publish(UUID.randomUUID(), Map.of("seq", seq));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processedOnQueue(jdbc, queue) == 40);
        assertThat(processed(jdbc, "a:" + queue)).isEqualTo(40);
        assertThat(processed(jdbc, "b:" + queue)).isZero();

        first.close();
        for (int seq = 41; seq <= 60; seq++) {
            publish(UUID.randomUUID(), Map.of("seq", seq));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processedOnQueue(jdbc, queue) == 60);
        assertThat(processed(jdbc, "b:" + queue)).isEqualTo(20);
        assertThat(jdbc.queryForList(
                "SELECT seq FROM processed WHERE aggregate_id = ? ORDER BY processing_order", Integer.class, "b:" + queue))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(41, 60).boxed().toList());
    }

    @Test
    void databaseUnavailableIsRetriedWithoutDeadLetteringWhileAHandlerBugStillIs() {
        String queue = queue("outage");
        ConfigurableApplicationContext service = start("a", Map.of("test.routes.first", queue));
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        UUID outage = UUID.randomUUID();
        UUID bug = UUID.randomUUID();
        // more failures than maxAttempts (3): a business failure would be dead-lettered by now
        InboundRoutesTestApplication.FAILURES.put(outage,
                attempt -> attempt <= 4 ? new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection") : null);
        InboundRoutesTestApplication.FAILURES.put(bug, attempt -> new IllegalStateException("handler bug"));

        publish(outage, Map.of("seq", 1));
        publish(bug, Map.of("seq", 2));

        await().atMost(Duration.ofSeconds(60)).until(() -> counter(service, EventMetrics.DEAD_LETTERED) == 1
                && processedEvent(jdbc, outage) == 1);
        assertThat(InboundRoutesTestApplication.ATTEMPTS.get(queue + "/" + outage).get()).isEqualTo(5);
        assertThat(InboundRoutesTestApplication.ATTEMPTS.get(queue + "/" + bug).get()).isEqualTo(3);
        Message dead = broker.receive(queue + ".dlq", 10_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(bug.toString());
        assertThat(dead.getMessageProperties().getHeaders().get(InboundEventRoute.HEADER_REASON)).isEqualTo("handler bug");
        assertThat(broker.receive(queue + ".dlq", 200)).isNull();
    }

    @Test
    void anOutageLongerThanTheInfrastructureBoundRequeuesTheMessageInsteadOfDeadLetteringIt() {
        String queue = queue("long-outage");
        ConfigurableApplicationContext service = start("a", Map.of("test.routes.first", queue,
                "dataterritoires.events.inbound.infrastructure-retry-max", "150ms"));
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        UUID outage = UUID.randomUUID();
        // a few tries fit in 150 ms: the message is requeued several times before the database is back
        InboundRoutesTestApplication.FAILURES.put(outage, attempt -> attempt <= 20
                ? new CannotCreateTransactionException("Could not open JDBC Connection for transaction") : null);

        publish(outage, Map.of("seq", 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> processedEvent(jdbc, outage) == 1);
        assertThat(InboundRoutesTestApplication.ATTEMPTS.get(queue + "/" + outage).get()).isEqualTo(21);
        assertThat(counter(service, EventMetrics.DEAD_LETTERED)).isZero();
        assertThat(broker.receive(queue + ".dlq", 200)).isNull();
    }

    @Test
    void aConstraintViolationQuotingAnEmailLeavesItOutOfHeadersAndLogs() {
        String queue = queue("pii");
        ConfigurableApplicationContext service = start("a", Map.of("test.routes.first", queue));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            UUID id = UUID.randomUUID();
            publish(id, Map.of("seq", 1, "email", EMAIL)); // already in person: duplicate key
            Message dead = broker.receive(queue + ".dlq", 30_000);
            assertThat(dead).isNotNull();
            Map<String, Object> headers = dead.getMessageProperties().getHeaders();
            assertThat(headers.get(InboundEventRoute.HEADER_EXCEPTION)).isEqualTo(DuplicateKeyException.class.getName());
            assertThat((String) headers.get(InboundEventRoute.HEADER_REASON)).contains("23505").contains("person_email_key")
                    .doesNotContain(EMAIL).doesNotContain("jean.dupont");
            assertThat(headers.toString()).doesNotContain(EMAIL);
            assertThat(InboundRoutesTestApplication.ATTEMPTS.get(queue + "/" + id).get()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("dead-lettered")));
        } finally {
            root.detachAppender(logs);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        assertThat(lines).anyMatch(line -> line.contains("failed attempt")).noneMatch(line -> line.contains("jean.dupont"));
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private String queue(String name) {
        String queue = "dt-test-route-" + name + "-" + suffix;
        queues.add(queue);
        return queue;
    }

    private ConfigurableApplicationContext start(String name, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", "routetest-" + name);
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(postgres.springProperties(database));
        properties.put("spring.datasource.hikari.maximum-pool-size", 4);
        properties.put("spring.flyway.locations", "classpath:db/outboxtest");
        properties.putAll(amqp.springProperties(amqp.port()));
        properties.put("dataterritoires.events.exchange", exchange);
        properties.put("dataterritoires.events.confirm-timeout", "5s");
        properties.put("dataterritoires.events.inbound.recovery-interval", "300ms");
        properties.put("dataterritoires.outbox.enabled", false);
        properties.put("dataterritoires.outbox.relay.poll-interval", "300ms");
        properties.put("test.routes.binding", "fr.dataterritoires.routetest.#");
        properties.put("camel.main.name", "routetest-" + name + "-" + suffix);
        properties.put("logging.level.org.springframework.amqp.rabbit", "ERROR");
        properties.put("management.otlp.metrics.export.enabled", false);
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(InboundRoutesTestApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private CloudEvent publish(UUID id, Map<String, Object> data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), "/dataterritoires/routetest", TYPE,
                OffsetDateTime.now(ZoneOffset.UTC), "thing-1", CloudEvent.JSON, CloudEvents.toTree(data));
        publish(event);
        return event;
    }

    private void publish(CloudEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(event.id());
        broker.send(exchange, event.type(), new Message(CloudEvents.toJsonBytes(event), properties));
    }

    private int consumers(String queue) {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null ? 0 : info.getConsumerCount();
    }

    private static int processed(JdbcTemplate jdbc, String aggregateId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed WHERE aggregate_id = ?", Integer.class, aggregateId);
        return n == null ? 0 : n;
    }

    private static int processedOnQueue(JdbcTemplate jdbc, String queue) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed WHERE aggregate_id LIKE ?", Integer.class, "%:" + queue);
        return n == null ? 0 : n;
    }

    private static int processedEvent(JdbcTemplate jdbc, UUID id) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed WHERE event_id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    private static double counter(ConfigurableApplicationContext context, String name) {
        return context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find(name).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
