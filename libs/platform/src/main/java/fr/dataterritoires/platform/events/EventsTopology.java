package fr.dataterritoires.platform.events;

import java.util.Map;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The one declaration of the events exchange, shared by the publisher and the inbound routes: a
 * durable topic exchange whose {@code alternate-exchange} is the fanout exchange
 * {@code <exchange>.unrouted}, bound to the durable queue {@code <exchange>.unrouted}. An event
 * that no queue is bound for yet (producer relaying before its consumer declared its queue) is
 * kept there instead of being dropped; operators shovel it back (runbook events.md).
 *
 * <p>Every declarer must use the same arguments (RabbitMQ refuses an inequivalent redeclaration),
 * hence this single place. The embedded Qpid broker used in local runs refuses the
 * {@code alternate-exchange} argument (connection error 542), so it is only declared when the
 * broker announces itself as RabbitMQ; on Qpid an unroutable event is only logged and counted.
 */
public final class EventsTopology {

    public static final String ALTERNATE_EXCHANGE = "alternate-exchange";

    private EventsTopology() {
    }

    /** Name of the fanout exchange and of the queue keeping unroutable events. */
    public static String unrouted(String exchange) {
        return exchange + ".unrouted";
    }

    /**
     * Declares the events exchange (and its unrouted exchange and queue on RabbitMQ).
     *
     * @return whether the exchange has an alternate exchange
     */
    public static boolean declareEventsExchange(RabbitAdmin admin, String exchange) {
        if (!isRabbitMq(admin)) {
            admin.declareExchange(new TopicExchange(exchange, true, false));
            return false;
        }
        FanoutExchange unroutedExchange = new FanoutExchange(unrouted(exchange), true, false);
        Queue unroutedQueue = QueueBuilder.durable(unrouted(exchange)).build();
        admin.declareExchange(unroutedExchange);
        admin.declareQueue(unroutedQueue);
        admin.declareBinding(BindingBuilder.bind(unroutedQueue).to(unroutedExchange));
        admin.declareExchange(ExchangeBuilder.topicExchange(exchange).durable(true)
                .withArguments(Map.of(ALTERNATE_EXCHANGE, unrouted(exchange))).build());
        return true;
    }

    /** Whether the broker behind {@code admin} is RabbitMQ (server property {@code product}). */
    public static boolean isRabbitMq(RabbitAdmin admin) {
        Object product = admin.getRabbitTemplate()
                .execute(channel -> channel.getConnection().getServerProperties().get("product"));
        return product != null && product.toString().contains("RabbitMQ");
    }
}
