package fr.dataterritoires.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;

import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnListener;

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
    /** Events exchanges declared on a broker without alternate exchanges (embedded Qpid). */
    private final Set<String> withoutAlternate = ConcurrentHashMap.newKeySet();

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
        // mandatory: a message no queue takes comes back as a return, which publish() turns into a
        // failure. The events exchange has an alternate exchange (EventsTopology), so an event
        // nobody is bound for yet is kept in <exchange>.unrouted and never returned; a return thus
        // means a missing queue (dead letter, replay target) or a missing unrouted queue.
        this.template.setMandatory(true);
        this.unroutable = Counter.builder("dt.events.unroutable")
                .description("Messages the broker could not route to any queue").register(meters);
        // returns are collected per publish() on the channel itself (see there); Spring's
        // asynchronous callback is not needed
        this.template.setReturnsCallback(returned -> {
        });
        this.admin = new RabbitAdmin(connectionFactory);
    }

    /**
     * Declares the durable topic exchange, with its alternate exchange on RabbitMQ
     * ({@link EventsTopology}), once per connection.
     */
    public void declareTopicExchange(String exchange) {
        if (declaredExchanges.add(exchange)) {
            try {
                if (!EventsTopology.declareEventsExchange(admin, exchange)) {
                    withoutAlternate.add(exchange);
                }
            } catch (RuntimeException e) {
                declaredExchanges.remove(exchange);
                throw e;
            }
        }
    }

    /**
     * Sends all messages in order on one channel and waits for the broker's confirms. A message
     * the broker returned as unroutable is a failure of the call ({@link UnroutableMessageException}),
     * except on an events exchange that has no alternate exchange (embedded Qpid), where it is only
     * logged and counted as before.
     *
     * @throws org.springframework.amqp.AmqpException if the broker is unreachable, nacks, does
     *     not confirm in time or returns a message; some messages may then have been delivered
     *     (consumers deduplicate)
     */
    public void publish(List<Outgoing> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Returns are read by a listener on the publishing channel: the client calls it on the
        // connection thread, and the broker sends basic.return before the basic.ack of the same
        // message, so every return of this batch is seen once the confirms are in.
        List<Return> returns = new CopyOnWriteArrayList<>();
        template.invoke(operations -> {
            ReturnListener listener = operations.execute(channel -> channel.addReturnListener(returns::add));
            try {
                for (Outgoing outgoing : batch) {
                    operations.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message());
                }
                operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
            } finally {
                operations.execute(channel -> channel.isOpen() && channel.removeReturnListener(listener));
            }
            return null;
        });
        List<Return> failures = new ArrayList<>();
        for (Return returned : returns) {
            unroutable.increment();
            log.warn("message {} returned by the broker as unroutable on exchange '{}' with routing key {}: {}",
                    returned.getProperties().getMessageId(), returned.getExchange(), returned.getRoutingKey(),
                    returned.getReplyText());
            if (!withoutAlternate.contains(returned.getExchange())) {
                failures.add(returned);
            }
        }
        if (!failures.isEmpty()) {
            // the topology may have been deleted under us: declare it again on the next call
            failures.forEach(returned -> declaredExchanges.remove(returned.getExchange()));
            Return first = failures.get(0);
            throw new UnroutableMessageException(failures.size() + " message(s) returned as unroutable, first: exchange '"
                    + first.getExchange() + "', routing key " + first.getRoutingKey() + " (" + first.getReplyText() + ")");
        }
    }

    /** The broker confirmed a message but could route it to no queue. */
    public static class UnroutableMessageException extends AmqpException {
        public UnroutableMessageException(String message) {
            super(message);
        }
    }

    public CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void destroy() {
        connectionFactory.destroy();
    }
}
