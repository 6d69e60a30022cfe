package fr.dataterritoires.embedded.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedAmqpBrokerTest {

    static EmbeddedAmqpBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedAmqpBroker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private ConnectionFactory rabbitFactory(String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(virtualHost);
        return factory;
    }

    @Test
    void rabbitMqClientPublishesWithConfirmsThroughATopicExchangeAndConsumes() throws Exception {
        try (Connection connection = rabbitFactory("/").newConnection();
             Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("dt.events", "topic", true);
            channel.queueDeclare("dt.roadmaps.inbound", true, false, false, null);
            channel.queueBind("dt.roadmaps.inbound", "dt.events", "fr.dataterritoires.dataset-search.#");
            channel.confirmSelect();

            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json").deliveryMode(2).messageId("evt-1").build();
            channel.basicPublish("dt.events", "fr.dataterritoires.dataset-search.DatasetPublished.v1", props,
                    "{\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8));
            // Not bound: must not reach the queue.
            channel.basicPublish("dt.events", "fr.dataterritoires.exchanges.PlacementCompleted.v1", props,
                    "{\"id\":\"evt-2\"}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);

            GetResponse first = channel.basicGet("dt.roadmaps.inbound", false);
            assertThat(first).isNotNull();
            assertThat(new String(first.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"evt-1\"}");
            assertThat(first.getProps().getMessageId()).isEqualTo("evt-1");
            assertThat(first.getEnvelope().getRoutingKey()).isEqualTo("fr.dataterritoires.dataset-search.DatasetPublished.v1");
            channel.basicAck(first.getEnvelope().getDeliveryTag(), false);
            assertThat(channel.basicGet("dt.roadmaps.inbound", true)).isNull();
        }
    }

    @Test
    void namedVirtualHostDefaultIsTheSameAsSlash() throws Exception {
        try (Connection viaName = rabbitFactory("default").newConnection();
             Channel named = viaName.createChannel();
             Connection viaSlash = rabbitFactory("/").newConnection();
             Channel slash = viaSlash.createChannel()) {
            named.queueDeclare("dt.vhost.check", false, false, false, null);
            named.basicPublish("", "dt.vhost.check", null, "x".getBytes(StandardCharsets.UTF_8));
            GetResponse got = null;
            for (int i = 0; i < 50 && got == null; i++) {
                got = slash.basicGet("dt.vhost.check", true);
                if (got == null) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            assertThat(got).isNotNull();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        ConnectionFactory factory = rabbitFactory("/");
        factory.setPassword("not-the-password");
        assertThatThrownBy(factory::newConnection).isInstanceOf(Exception.class);
    }

    @Test
    void springAmqpTemplateWithCorrelatedConfirms() throws Exception {
        CachingConnectionFactory cf = new CachingConnectionFactory(broker.host(), broker.port());
        cf.setUsername(broker.username());
        cf.setPassword(broker.password());
        cf.setVirtualHost(broker.virtualHost());
        cf.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        try {
            RabbitAdmin admin = new RabbitAdmin(cf);
            TopicExchange exchange = new TopicExchange("dt.spring.events");
            Queue queue = new Queue("dt.spring.replication.inbound");
            admin.declareExchange(exchange);
            admin.declareQueue(queue);
            Binding binding = BindingBuilder.bind(queue).to(exchange).with("fr.dataterritoires.commons-calls.*.v1");
            admin.declareBinding(binding);

            RabbitTemplate template = new RabbitTemplate(cf);
            template.setReceiveTimeout(5_000);
            CorrelationData correlation = new CorrelationData("award-1");
            template.convertAndSend("dt.spring.events", "fr.dataterritoires.commons-calls.AwardGranted.v1",
                    "{\"award\":\"A-1\"}", correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
            assertThat(confirm.ack()).isTrue();

            Message received = template.receive("dt.spring.replication.inbound", Duration.ofSeconds(5).toMillis());
            assertThat(received).isNotNull();
            assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"award\":\"A-1\"}");
            assertThat(received.getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo("fr.dataterritoires.commons-calls.AwardGranted.v1");
        } finally {
            cf.destroy();
        }
    }
}
