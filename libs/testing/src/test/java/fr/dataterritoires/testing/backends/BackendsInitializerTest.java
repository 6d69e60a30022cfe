package fr.dataterritoires.testing.backends;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 4 context wired by {@link BackendsInitializer}: Boot's own JDBC, AMQP and
 * Elasticsearch auto-configurations pick the properties up, which proves their names.
 */
@SpringBootTest(classes = BackendsInitializerTest.App.class,
        properties = "spring.application.name=initializer-check")
@ContextConfiguration(initializers = BackendsInitializer.class)
class BackendsInitializerTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin amqpAdmin;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    Environment environment;

    @Test
    void dataSourceGetsAFreshDatabaseOfItsOwn() {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        assertThat(database).startsWith("initializer_check_");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo(Backends.postgres().jdbcUrl().replaceAll("/postgres$", "/" + database));
        jdbc.execute("CREATE TABLE roadmap (id bigint PRIMARY KEY)");
        jdbc.update("INSERT INTO roadmap VALUES (1)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM roadmap", Integer.class)).isEqualTo(1);
    }

    @Test
    void rabbitTemplateReachesTheResolvedBroker() {
        assertThat(environment.getProperty("spring.rabbitmq.port", Integer.class)).isEqualTo(Backends.amqp().port());
        String queue = "dt.initializer." + UUID.randomUUID();
        amqpAdmin.declareQueue(new Queue(queue, false, false, true));
        rabbit.convertAndSend("", queue, "bonjour");
        Message received = rabbit.receive(queue, 5_000);
        assertThat(received).isNotNull();
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("bonjour");
        amqpAdmin.deleteQueue(queue);
    }

    @Test
    void theContextPublishesToAnEventsExchangeOfItsOwn() {
        assertThat(environment.getProperty("dataterritoires.events.exchange"))
                .startsWith("dataterritoires.events.test-").isNotEqualTo("dataterritoires.events");
        assertThat(environment.getProperty("dataterritoires.test.namespace")).startsWith("dt-test-");
    }

    @Test
    void elasticsearchClientReachesTheResolvedNode() throws Exception {
        assertThat(environment.getProperty("spring.elasticsearch.uris")).isEqualTo(Backends.elasticsearch().url());
        assertThat(elasticsearch.info().version().number()).isNotBlank();
    }
}
