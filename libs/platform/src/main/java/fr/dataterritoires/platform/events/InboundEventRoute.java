package fr.dataterritoires.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.contracts.events.InvalidCloudEventException;

/**
 * Camel route consuming one queue of the events exchange, exactly-once in effect.
 *
 * <p>Transport: a Spring AMQP {@link SimpleMessageListenerContainer} hands each message to the
 * route's {@code direct:} endpoint (camel-spring-rabbitmq is not published for Camel 4.22, and
 * rabbitmq-jms would add a JMS layer whose acknowledgement and topology model fit RabbitMQ less
 * well). The container runs in AUTO acknowledge mode: the message is acked only when the route
 * returns, i.e. after the database transaction committed or after the message was safely put
 * in the dead-letter queue; if anything else fails the message is rejected and requeued.
 *
 * <p>Each attempt runs the handler in one transaction together with the insert of the event id
 * into {@code inbound_event}; a redelivered event (lost ack, replayed publication) finds its id
 * there and is skipped. Handler failures are retried with exponential backoff in place (keeping
 * the queue's order), then the original message goes to {@code <queue>.dlq} with the failure in
 * its headers. Messages that are not valid CloudEvents go there at once.
 *
 * <p>The container starts and stops with the route, so the route controller pauses consumption.
 */
public class InboundEventRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(InboundEventRoute.class);

    public static final String HEADER_REASON = "x-dt-failure-reason";
    public static final String HEADER_EXCEPTION = "x-dt-failure-exception";
    public static final String HEADER_ATTEMPTS = "x-dt-attempts";
    public static final String HEADER_QUEUE = "x-dt-original-queue";
    public static final String HEADER_ROUTING_KEY = "x-dt-original-routing-key";
    public static final String HEADER_FAILED_AT = "x-dt-failed-at";

    static final String RAW = "dt.amqpMessage";
    static final String TYPE = "dt.eventType";
    static final String ATTEMPTS = "dt.attempts";

    private final String queue;
    private final List<String> bindingKeys;
    private final InboundEventHandler handler;
    private final ConnectionFactory connectionFactory;
    private final ConfirmedPublisher deadLetterPublisher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventMetrics metrics;
    private final String exchangeName;

    private int maxAttempts;
    private Duration initialBackoff;
    private double backoffMultiplier;
    private Duration maxBackoff;
    private int prefetch;
    private int concurrency;
    private Duration recoveryInterval;

    private final AtomicBoolean listenerRegistered = new AtomicBoolean();
    private volatile SimpleMessageListenerContainer container;
    private volatile ProducerTemplate producer;

    InboundEventRoute(String queue, List<String> bindingKeys, InboundEventHandler handler, ConnectionFactory connectionFactory,
            ConfirmedPublisher deadLetterPublisher, DataSource dataSource, PlatformTransactionManager transactionManager,
            EventMetrics metrics, EventsProperties properties) {
        if (queue == null || !queue.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("queue name must be 1-200 characters of [A-Za-z0-9._-]: " + queue);
        }
        if (bindingKeys == null || bindingKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one binding key is needed for queue " + queue);
        }
        this.queue = queue;
        this.bindingKeys = List.copyOf(bindingKeys);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.connectionFactory = connectionFactory;
        this.deadLetterPublisher = deadLetterPublisher;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.exchangeName = properties.getExchange();
        EventsProperties.Inbound defaults = properties.getInbound();
        this.maxAttempts = defaults.getMaxAttempts();
        this.initialBackoff = defaults.getInitialBackoff();
        this.backoffMultiplier = defaults.getBackoffMultiplier();
        this.maxBackoff = defaults.getMaxBackoff();
        this.prefetch = defaults.getPrefetch();
        this.concurrency = defaults.getConcurrency();
        this.recoveryInterval = defaults.getRecoveryInterval();
    }

    /** Total attempts of the handler before dead-lettering (at least 1). */
    public InboundEventRoute maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        this.maxAttempts = attempts;
        return this;
    }

    public InboundEventRoute backoff(Duration initial, double multiplier, Duration max) {
        this.initialBackoff = initial;
        this.backoffMultiplier = multiplier;
        this.maxBackoff = max;
        return this;
    }

    public InboundEventRoute prefetch(int prefetch) {
        this.prefetch = prefetch;
        return this;
    }

    /** More than one consumer gives up the per-aggregate order. */
    public InboundEventRoute concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    public String queue() {
        return queue;
    }

    public String deadLetterQueue() {
        return queue + ".dlq";
    }

    public String routeId() {
        return "dt-inbound-" + queue;
    }

    @Override
    public void configure() {
        String in = "direct:dt-inbound-" + queue;
        String dead = "direct:dt-dead-letter-" + queue;

        // Not a CloudEvent: retrying cannot help.
        onException(InvalidCloudEventException.class).handled(true).maximumRedeliveries(0).to(dead);

        // if the DLQ itself cannot be reached, the failure goes back to the listener, which
        // rejects the message so that it is redelivered rather than lost
        errorHandler(deadLetterChannel(dead)
                .deadLetterHandleNewException(false)
                .maximumRedeliveries(maxAttempts - 1)
                .redeliveryDelay(initialBackoff.toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(backoffMultiplier)
                .maximumRedeliveryDelay(maxBackoff.toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        from(in).routeId(routeId())
                .routePolicy(new ListenerContainerPolicy())
                .process(this::parse)
                .process(this::handleOnce);

        from(dead).routeId(routeId() + "-dead-letter")
                .errorHandler(noErrorHandler())
                .process(this::deadLetter);
    }

    private void parse(Exchange exchange) {
        Message message = exchange.getProperty(RAW, Message.class);
        CloudEvent event;
        try {
            event = CloudEvents.parse(message.getBody());
            event.uuid();
        } catch (InvalidCloudEventException e) {
            metrics.received(null);
            throw e;
        }
        exchange.setProperty(TYPE, event.type());
        metrics.received(event.type());
        exchange.getIn().setBody(event);
    }

    private void handleOnce(Exchange exchange) {
        CloudEvent event = exchange.getIn().getBody(CloudEvent.class);
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1);
        Boolean duplicate = transaction.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO inbound_event (event_id, type, queue) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    event.uuid(), event.type(), queue);
            if (inserted == 0) {
                return true;
            }
            try {
                handler.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new InboundEventHandlingException(e);
            }
            return false;
        });
        if (Boolean.TRUE.equals(duplicate)) {
            metrics.duplicate(event.type());
        } else {
            metrics.processed(event.type());
        }
    }

    private void deadLetter(Exchange exchange) {
        Message original = exchange.getProperty(RAW, Message.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof InboundEventHandlingException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        MessageProperties source = original.getMessageProperties();
        MessageProperties properties = new MessageProperties();
        properties.setContentType(source.getContentType());
        properties.setContentEncoding(source.getContentEncoding());
        properties.setMessageId(source.getMessageId());
        properties.setType(source.getType());
        properties.setTimestamp(source.getTimestamp());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        source.getHeaders().forEach(properties::setHeader);
        properties.setHeader(HEADER_REASON, truncate(failure == null ? "unknown" : String.valueOf(failure.getMessage())));
        properties.setHeader(HEADER_EXCEPTION, failure == null ? "unknown" : failure.getClass().getName());
        properties.setHeader(HEADER_ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class));
        properties.setHeader(HEADER_QUEUE, queue);
        properties.setHeader(HEADER_ROUTING_KEY, source.getReceivedRoutingKey());
        properties.setHeader(HEADER_FAILED_AT, Instant.now().toString());
        deadLetterPublisher.publish(List.of(new ConfirmedPublisher.Outgoing("", deadLetterQueue(),
                new Message(original.getBody(), properties))));
        String type = exchange.getProperty(TYPE, String.class);
        metrics.deadLettered(type);
        log.warn("event {} ({}) from queue {} dead-lettered to {} after {} attempt(s): {}", source.getMessageId(),
                type == null ? EventMetrics.UNKNOWN_TYPE : type, queue, deadLetterQueue(),
                exchange.getProperty(ATTEMPTS, 0, Integer.class), failure == null ? "unknown" : failure.toString());
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** Declares the queue, its DLQ and the bindings; durable, so they survive broker restarts. */
    void declare() {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        admin.declareExchange(new TopicExchange(exchangeName, true, false));
        admin.declareQueue(QueueBuilder.durable(deadLetterQueue()).build());
        Queue main = QueueBuilder.durable(queue).build();
        admin.declareQueue(main);
        for (String key : bindingKeys) {
            admin.declareBinding(BindingBuilder.bind(main).to(new TopicExchange(exchangeName)).with(key));
        }
    }

    private void onMessage(Message message) {
        // bounded wait: while the route stops, the message is rejected and redelivered later
        Exchange result = producer.send("direct:dt-inbound-" + queue + "?timeout=2000", exchange -> exchange.setProperty(RAW, message));
        if (result.getException() != null) {
            // not processed and not dead-lettered: reject, the broker redelivers it
            throw new InboundEventHandlingException(result.getException());
        }
    }

    private final class ListenerContainerPolicy extends RoutePolicySupport {

        @Override
        public void onStart(Route route) {
            if (producer == null) {
                producer = getContext().createProducerTemplate();
            }
            if (listenerRegistered.compareAndSet(false, true)) {
                // queues are redeclared whenever a new connection is made (broker restarted empty)
                connectionFactory.addConnectionListener(new ConnectionListener() {
                    @Override
                    public void onCreate(Connection connection) {
                        if (container != null) {
                            try {
                                declare();
                            } catch (RuntimeException e) {
                                log.warn("could not declare queue {} yet: {}", queue, e.toString());
                            }
                        }
                    }
                });
            }
            try {
                declare();
            } catch (RuntimeException e) {
                log.warn("broker not reachable to declare {}; the listener will retry: {}", queue, e.toString());
            }
            SimpleMessageListenerContainer listener = new SimpleMessageListenerContainer(connectionFactory);
            listener.setQueueNames(queue);
            listener.setPrefetchCount(prefetch);
            listener.setConcurrentConsumers(concurrency);
            listener.setAcknowledgeMode(AcknowledgeMode.AUTO);
            listener.setDefaultRequeueRejected(true);
            listener.setMissingQueuesFatal(false);
            listener.setRecoveryInterval(recoveryInterval.toMillis());
            listener.setMessageListener(InboundEventRoute.this::onMessage);
            listener.setBeanName(routeId());
            listener.afterPropertiesSet();
            container = listener;
            listener.start();
        }

        @Override
        public void onStop(Route route) {
            stopContainer();
        }

        @Override
        public void onSuspend(Route route) {
            stopContainer();
        }

        @Override
        public void onResume(Route route) {
            onStart(route);
        }

        @Override
        public void onRemove(Route route) {
            stopContainer();
        }

        private void stopContainer() {
            SimpleMessageListenerContainer current = container;
            container = null;
            if (current != null) {
                current.stop();
                current.destroy();
            }
        }
    }

    /** Wraps a checked exception of a handler. */
    static final class InboundEventHandlingException extends RuntimeException {
        InboundEventHandlingException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
