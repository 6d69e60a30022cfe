package fr.dataterritoires.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.dataterritoires.platform.events.EventsTestApplication;
import fr.dataterritoires.testing.backends.AmqpBackend;
import fr.dataterritoires.testing.backends.BackendResolver;
import fr.dataterritoires.testing.backends.Backends;
import fr.dataterritoires.testing.backends.LoopbackProber;
import fr.dataterritoires.testing.backends.PostgresBackend;
import io.micrometer.core.instrument.MeterRegistry;

/** Fresh databases, an isolated exchange and queue, and running "services" for one scenario. */
final class EventsHarness implements AutoCloseable {

    static final String TYPE = "fr.dataterritoires.outboxtest.ThingHappened.v1";
    static final String BINDING = "fr.dataterritoires.outboxtest.#";

    /**
     * 100 transactions held open at once need more connections than a stock server's 100, which
     * the loopback server here has. Unless a server is given explicitly (DT_POSTGRES_URL), the
     * harness therefore runs its own real PostgreSQL (embedded, max_connections 200), started once
     * per JVM; RabbitMQ stays the resolved one (the loopback server on this machine).
     */
    private static final BackendResolver DEDICATED_POSTGRES =
            new BackendResolver(BackendResolver::systemEnv, LoopbackProber.nothingAnswers(), () -> false);

    final PostgresBackend postgres = DEDICATED_POSTGRES.postgres();
    final AmqpBackend amqp = Backends.amqp();
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String exchange = "dt-test-events-" + suffix;
    final String queue = "dt-test-consumer-" + suffix;
    final String producerDb;
    final String consumerDb;
    final CachingConnectionFactory directConnection;
    final RabbitTemplate direct;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    EventsHarness() throws Exception {
        producerDb = postgres.createDatabase("outbox_producer");
        consumerDb = postgres.createDatabase("outbox_consumer");
        directConnection = new CachingConnectionFactory(amqp.host(), amqp.port());
        directConnection.setUsername(amqp.username());
        directConnection.setPassword(amqp.password());
        directConnection.setVirtualHost(amqp.virtualHost());
        direct = new RabbitTemplate(directConnection);
    }

    /** Runs SQL (test fixtures) in a database, outside any service. */
    void sql(String jdbcUrl, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    ConfigurableApplicationContext producer(String name, int pool, int amqpPort) {
        return producer(name, pool, amqpPort, Map.of());
    }

    /** A producer with other settings, e.g. the relay's. */
    ConfigurableApplicationContext producer(String name, int pool, int amqpPort, Map<String, Object> extra) {
        return start(name, producerDb, pool, amqpPort, extra);
    }

    ConfigurableApplicationContext consumer(int amqpPort) {
        return start("consumer", consumerDb, 4, amqpPort,
                Map.of("test.consumer.queue", queue, "test.consumer.binding", BINDING));
    }

    private ConfigurableApplicationContext start(String name, String db, int pool, int amqpPort, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", "outboxtest-" + name);
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(postgres.springProperties(db));
        properties.put("spring.datasource.hikari.maximum-pool-size", pool);
        properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/outboxtest");
        properties.putAll(amqp.springProperties(amqpPort));
        properties.put("spring.rabbitmq.connection-timeout", "3s");
        properties.put("dataterritoires.events.exchange", exchange);
        properties.put("dataterritoires.events.confirm-timeout", "5s");
        properties.put("dataterritoires.events.inbound.prefetch", 250);
        properties.put("dataterritoires.events.inbound.recovery-interval", "300ms");
        properties.put("dataterritoires.outbox.relay.poll-interval", "300ms");
        properties.put("dataterritoires.outbox.relay.initial-backoff", "100ms");
        properties.put("dataterritoires.outbox.relay.max-backoff", "1s");
        properties.put("camel.main.name", "outboxtest-" + name + "-" + suffix);
        properties.put("logging.level.org.springframework.amqp.rabbit", "ERROR");
        properties.put("management.otlp.metrics.export.enabled", false);
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EventsTestApplication.class)
                .properties(properties).run();
        contexts.add(context);
        return context;
    }

    /** Publishes a message directly to the test exchange, as a misbehaving producer would. */
    void publishRaw(String routingKey, byte[] body, String messageId) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/cloudevents+json");
        properties.setMessageId(messageId);
        direct.send(exchange, routingKey, new Message(body, properties));
    }

    static double counter(ConfigurableApplicationContext context, String name) {
        return context.getBean(MeterRegistry.class).find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        try {
            RabbitAdmin admin = new RabbitAdmin(directConnection);
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".dlq");
            admin.deleteExchange(exchange);
        } finally {
            directConnection.destroy();
            dropDatabase(postgres, producerDb);
            dropDatabase(postgres, consumerDb);
        }
    }

    /** Test databases are throw-away: leave the shared server clean. */
    static void dropDatabase(PostgresBackend postgres, String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (Exception e) {
            // best effort
        }
    }
}
