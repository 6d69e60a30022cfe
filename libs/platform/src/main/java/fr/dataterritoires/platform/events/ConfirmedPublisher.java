package fr.dataterritoires.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes with publisher confirms on a connection of its own (confirm type SIMPLE, returns on),
 * so the service's other templates and listeners keep their settings. A batch goes out on ONE
 * channel, which keeps the broker's order, and {@link #publish} returns only once the broker has
 * confirmed every message of it; otherwise it throws and the caller must treat the whole batch as
 * not published.
 */
public class ConfirmedPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);

    /** One message to publish. */
    public record Outgoing(String exchange, String routingKey, Message message) {
    }

    private final CachingConnectionFactory connectionFactory;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final Duration confirmTimeout;
    private final Counter unroutable;
    private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();

    public ConfirmedPublisher(CachingConnectionFactory connectionFactory, Duration confirmTimeout, MeterRegistry meters) {
        this.connectionFactory = connectionFactory;
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        connectionFactory.setPublisherReturns(true);
        // a dropped connection must be noticed: the broker being away is the normal failure here
        connectionFactory.addConnectionListener(new org.springframework.amqp.rabbit.connection.ConnectionListener() {
            @Override
            public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
            }

            @Override
            public void onClose(org.springframework.amqp.rabbit.connection.Connection connection) {
                declaredExchanges.clear();
            }
        });
        this.confirmTimeout = confirmTimeout;
        this.template = new RabbitTemplate(connectionFactory);
        // Unroutable events (nobody has bound a queue for that type yet) come back as returns.
        // They are not a failure of the relay: blocking the outbox on them would stall every
        // later event of the service. They are logged and counted, and count as published.
        this.template.setMandatory(true);
        this.unroutable = Counter.builder("dt.events.unroutable")
                .description("Events the broker could not route to any queue").register(meters);
        this.template.setReturnsCallback(returned -> {
            unroutable.increment();
            log.warn("event {} of type {} is unroutable on exchange {}: {}",
                    returned.getMessage().getMessageProperties().getMessageId(), returned.getRoutingKey(),
                    returned.getExchange(), returned.getReplyText());
        });
        this.admin = new RabbitAdmin(connectionFactory);
    }

    /** Declares the durable topic exchange once per connection. */
    public void declareTopicExchange(String exchange) {
        if (declaredExchanges.add(exchange)) {
            try {
                admin.declareExchange(new TopicExchange(exchange, true, false));
            } catch (RuntimeException e) {
                declaredExchanges.remove(exchange);
                throw e;
            }
        }
    }

    /**
     * Sends all messages in order on one channel and waits for the broker's confirms.
     *
     * @throws org.springframework.amqp.AmqpException if the broker is unreachable, nacks or does
     *     not confirm in time; some messages may then have been delivered (consumers deduplicate)
     */
    public void publish(List<Outgoing> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.invoke(operations -> {
            for (Outgoing outgoing : batch) {
                operations.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message());
            }
            operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }

    public CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void destroy() {
        connectionFactory.destroy();
    }
}
