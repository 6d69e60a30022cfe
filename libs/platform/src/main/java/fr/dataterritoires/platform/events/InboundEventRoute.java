package fr.dataterritoires.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
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
import tools.jackson.databind.JsonNode;

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
 * <p>Each attempt runs the handler in one transaction together with the insert of the pair
 * (queue, event id) into {@code inbound_event}; a redelivered event (lost ack, replayed
 * publication) finds its pair there and is skipped, and counted on that row ({@code duplicates}). The key includes the queue so that two routes
 * of one service bound to the same event type each apply their effect once. Handler failures are
 * retried with exponential backoff in place (keeping the queue's order), then the original message
 * goes to {@code <queue>.dlq} with the failure in its headers. Messages that are not valid
 * CloudEvents go there at once.
 *
 * <p>Infrastructure failures ({@link Failures#isInfrastructure}: database unreachable, pool
 * exhausted, timeouts) are not the event's fault: they are retried in place with the same
 * backoff for up to {@link #infrastructureRetryMax} and do not count as attempts; past that the
 * message is rejected and requeued, never dead-lettered, so a database outage does not empty the
 * queue into the DLQ. Failure descriptions never carry database values ({@link Failures#describe}).
 *
 * <p>Order per aggregate: the queue is declared with {@code x-single-active-consumer}, so when
 * the service runs several replicas only one of them consumes it at a time and another takes over
 * when it stops. Within a replica, {@link #concurrency} above 1 gives up the per-aggregate order.
 *
 * <p>Tracing (ADR 0016): each message is processed in a consumer span whose parent is the trace context the event
 * carries (the W3C {@code traceparent} AMQP application property, else the CloudEvents extension attribute of the
 * same name; an event without either starts a trace of its own). The handler's log lines therefore carry the trace id
 * of the request that caused the event, and the events it records carry that trace on. One INFO line per event says
 * what became of it (handled, or a duplicate skipped); retries and dead letters are logged as warnings, in the same
 * trace.
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
    private final EventTracing tracing;
    private final String exchangeName;

    private int maxAttempts;
    private Duration initialBackoff;
    private double backoffMultiplier;
    private Duration maxBackoff;
    private int prefetch;
    private int concurrency;
    private Duration recoveryInterval;
    private Duration infrastructureRetryMax;

    private final AtomicBoolean listenerRegistered = new AtomicBoolean();
    private volatile SimpleMessageListenerContainer container;
    private volatile ProducerTemplate producer;

    InboundEventRoute(String queue, List<String> bindingKeys, InboundEventHandler handler, ConnectionFactory connectionFactory,
            ConfirmedPublisher deadLetterPublisher, DataSource dataSource, PlatformTransactionManager transactionManager,
            EventMetrics metrics, EventTracing tracing, EventsProperties properties) {
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
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        this.exchangeName = properties.getExchange();
        EventsProperties.Inbound defaults = properties.getInbound();
        this.maxAttempts = defaults.getMaxAttempts();
        this.initialBackoff = defaults.getInitialBackoff();
        this.backoffMultiplier = defaults.getBackoffMultiplier();
        this.maxBackoff = defaults.getMaxBackoff();
        this.prefetch = defaults.getPrefetch();
        this.concurrency = defaults.getConcurrency();
        this.recoveryInterval = defaults.getRecoveryInterval();
        this.infrastructureRetryMax = defaults.getInfrastructureRetryMax();
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

    /**
     * Consumers of this route in one replica. More than one gives up the per-aggregate order:
     * they share the queue's messages. (Across replicas the queue's single active consumer keeps
     * the order.)
     */
    public InboundEventRoute concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    /**
     * How long an infrastructure failure (database away) is retried in place before the message
     * is requeued; it is never dead-lettered for that.
     */
    public InboundEventRoute infrastructureRetryMax(Duration max) {
        this.infrastructureRetryMax = Objects.requireNonNull(max, "max");
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
        // Infrastructure away for longer than infrastructureRetryMax (retried in handleOnce): no
        // more attempts here; the dead-letter step rethrows it so that the message is requeued.
        onException(InfrastructureUnavailableException.class).maximumRedeliveries(0);

        // if the DLQ itself cannot be reached, the failure goes back to the listener, which
        // rejects the message so that it is redelivered rather than lost
        errorHandler(deadLetterChannel(dead)
                .deadLetterHandleNewException(false)
                .maximumRedeliveries(maxAttempts - 1)
                .redeliveryDelay(initialBackoff.toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(backoffMultiplier)
                .maximumRedeliveryDelay(maxBackoff.toMillis())
                // Camel's own log lines quote exception messages, which may carry personal data
                // (database errors): the route logs its own, described by Failures
                .logRetryAttempted(false).logExhausted(false).logStackTrace(false).logNewException(false)
                .logHandled(false).logExhaustedMessageHistory(false)
                .onExceptionOccurred(this::logFailedAttempt));

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
        long start = System.nanoTime();
        long delay = Math.max(1, initialBackoff.toMillis());
        for (int retry = 1;; retry++) {
            try {
                handleInTransaction(event);
                return;
            } catch (RuntimeException e) {
                if (!Failures.isInfrastructure(e)) {
                    throw e;
                }
                long remaining = infrastructureRetryMax.toMillis() - (System.nanoTime() - start) / 1_000_000;
                if (remaining <= 0) {
                    throw new InfrastructureUnavailableException("infrastructure still unavailable after " + retry
                            + " tries over " + infrastructureRetryMax + ": " + Failures.describeWithClass(e));
                }
                log.warn("event {} ({}) on queue {}: infrastructure unavailable (try {}), retrying in {} ms: {}", event.id(),
                        event.type(), queue, retry, Math.min(delay, remaining), Failures.describeWithClass(e));
                try {
                    Thread.sleep(Math.min(delay, remaining));
                } catch (InterruptedException interrupted) {
                    // the container is stopping: give the message back rather than dead-letter it
                    Thread.currentThread().interrupt();
                    throw new InfrastructureUnavailableException("interrupted while waiting for the infrastructure");
                }
                delay = Math.min((long) (delay * backoffMultiplier), Math.max(1, maxBackoff.toMillis()));
            }
        }
    }

    private void handleInTransaction(CloudEvent event) {
        Boolean duplicate = transaction.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO inbound_event (queue, event_id, type) VALUES (?, ?, ?) ON CONFLICT (queue, event_id) DO NOTHING",
                    queue, event.uuid(), event.type());
            if (inserted == 0) {
                // kept with the event: the count of duplicates outlives this process (figures, incidents)
                jdbc.update("UPDATE inbound_event SET duplicates = duplicates + 1 WHERE queue = ? AND event_id = ?",
                        queue, event.uuid());
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
            log.info("event {} ({}) from queue {} already handled: duplicate skipped", event.id(), event.type(), queue);
        } else {
            metrics.processed(event.type());
            log.info("event {} ({}) from queue {} handled", event.id(), event.type(), queue);
        }
    }

    private void logFailedAttempt(Exchange exchange) {
        Throwable failure = unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (failure instanceof InfrastructureUnavailableException || failure instanceof InvalidCloudEventException) {
            return; // logged where it is handled
        }
        Message original = exchange.getProperty(RAW, Message.class);
        log.warn("event {} ({}) from queue {} failed attempt {}/{}: {}", original.getMessageProperties().getMessageId(),
                exchange.getProperty(TYPE, EventMetrics.UNKNOWN_TYPE, String.class), queue,
                exchange.getProperty(ATTEMPTS, 0, Integer.class), maxAttempts, Failures.describeWithClass(failure));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof InboundEventHandlingException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void deadLetter(Exchange exchange) {
        Message original = exchange.getProperty(RAW, Message.class);
        Throwable failure = unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (failure instanceof InfrastructureUnavailableException infrastructure) {
            // not the event's fault: back to the queue (the listener rejects it with requeue)
            log.warn("event {} ({}) from queue {} requeued, not dead-lettered: {}",
                    original.getMessageProperties().getMessageId(),
                    exchange.getProperty(TYPE, EventMetrics.UNKNOWN_TYPE, String.class), queue, infrastructure.getMessage());
            throw infrastructure;
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
        properties.setHeader(HEADER_REASON, Failures.describe(failure));
        properties.setHeader(HEADER_EXCEPTION, failure == null ? "unknown" : failure.getClass().getName());
        properties.setHeader(HEADER_ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class));
        properties.setHeader(HEADER_QUEUE, queue);
        properties.setHeader(HEADER_ROUTING_KEY, source.getReceivedRoutingKey());
        properties.setHeader(HEADER_FAILED_AT, Instant.now().toString());
        List<ConfirmedPublisher.Outgoing> letter = List.of(new ConfirmedPublisher.Outgoing("", deadLetterQueue(),
                new Message(original.getBody(), properties)));
        try {
            deadLetterPublisher.publish(letter);
        } catch (ConfirmedPublisher.UnroutableMessageException e) {
            // the DLQ was deleted under us: declare it again, once; if that fails the message is requeued
            declare();
            deadLetterPublisher.publish(letter);
        }
        String type = exchange.getProperty(TYPE, String.class);
        metrics.deadLettered(type);
        log.warn("event {} ({}) from queue {} dead-lettered to {} after {} attempt(s): {}", source.getMessageId(),
                type == null ? EventMetrics.UNKNOWN_TYPE : type, queue, deadLetterQueue(),
                exchange.getProperty(ATTEMPTS, 0, Integer.class), Failures.describeWithClass(failure));
    }

    /** Declares the queue, its DLQ and the bindings; durable, so they survive broker restarts. */
    void declare() {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        EventsTopology.declareEventsExchange(admin, exchangeName);
        admin.declareQueue(QueueBuilder.durable(deadLetterQueue()).build());
        // one consumer at a time across the service's replicas: the order per aggregate holds
        Queue main = QueueBuilder.durable(queue).singleActiveConsumer().build();
        admin.declareQueue(main);
        for (String key : bindingKeys) {
            admin.declareBinding(BindingBuilder.bind(main).to(new TopicExchange(exchangeName)).with(key));
        }
    }

    private void onMessage(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("messaging.system", "rabbitmq");
        tags.put("messaging.operation", "process");
        tags.put("messaging.destination.name", queue);
        tags.put("messaging.message.id", properties.getMessageId());
        tags.put("cloudevents.event_id", properties.getMessageId());
        tags.put("cloudevents.event_type", properties.getType());
        // the whole processing (handler, retries, dead-lettering) in the trace the event carries
        tracing.continueTrace(traceOf(message), "process " + queue, tags, () -> {
            // bounded wait: while the route stops, the message is rejected and redelivered later
            Exchange result = producer.send("direct:dt-inbound-" + queue + "?timeout=2000",
                    exchange -> exchange.setProperty(RAW, message));
            if (result.getException() != null) {
                // not processed and not dead-lettered: reject, the broker redelivers it. The cause is
                // not attached: the container logs it with its stack, messages included.
                throw new InboundEventHandlingException("event " + properties.getMessageId() + " from queue " + queue
                        + " rejected and requeued: " + Failures.describeWithClass(unwrap(result.getException())));
            }
            return null;
        });
    }

    /**
     * The trace context of the event: the AMQP application properties (W3C trace context over AMQP), else the
     * CloudEvents distributed-tracing extension attributes of the structured event (a message forwarded by a tool
     * that dropped the properties); null, and a new trace, without either or when malformed.
     */
    static EventTracing.Context traceOf(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Object traceparent = properties.getHeader(EventTracing.TRACEPARENT);
        if (traceparent != null) {
            Object tracestate = properties.getHeader(EventTracing.TRACESTATE);
            return EventTracing.Context.of(traceparent.toString(), tracestate == null ? null : tracestate.toString());
        }
        try {
            JsonNode event = CloudEvents.mapper().readTree(message.getBody());
            JsonNode parent = event.get(EventTracing.TRACEPARENT);
            JsonNode state = event.get(EventTracing.TRACESTATE);
            return parent == null || !parent.isString() ? null : EventTracing.Context.of(parent.asString(),
                    state != null && state.isString() ? state.asString() : null);
        } catch (RuntimeException notJson) {
            return null; // the route dead-letters it as not a CloudEvent, in a trace of its own
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
            // on stop, requeue the prefetched messages instead of processing them first, so that
            // the replica taking over (single active consumer) gets them, in order, at once
            listener.setForceStop(true);
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

        InboundEventHandlingException(String message) {
            super(message);
        }
    }

    /** Infrastructure failures outlasted infrastructureRetryMax; the message must be requeued. */
    static final class InfrastructureUnavailableException extends RuntimeException {
        InfrastructureUnavailableException(String message) {
            super(message);
        }
    }
}
