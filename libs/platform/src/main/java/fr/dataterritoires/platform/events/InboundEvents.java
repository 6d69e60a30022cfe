package fr.dataterritoires.platform.events;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Entry point for consumers. Declare the result as a bean and Camel starts it:
 *
 * <pre>{@code
 * @Bean
 * RouteBuilder datasetEvents(InboundEvents events, DatasetFlags flags) {
 *     return events.consume("roadmaps.dataset-events",
 *             List.of("fr.dataterritoires.dataset-search.DatasetPublished.v1"),
 *             event -> flags.onPublished(event));
 * }
 * }</pre>
 *
 * <p>Order per aggregate holds with the defaults: the queue has a single active consumer across
 * the service's replicas (RabbitMQ would otherwise round-robin it between pods) and one consumer
 * per replica. {@code concurrency > 1} ({@link InboundEventRoute#concurrency}) gives that order up.
 * Several routes of one service may bind the same event type: each applies it once.
 */
public class InboundEvents {

    private final ConnectionFactory connectionFactory;
    private final ConfirmedPublisher deadLetterPublisher;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final EventMetrics metrics;
    private final EventTracing tracing;
    private final EventsProperties properties;

    public InboundEvents(ConnectionFactory connectionFactory, ConfirmedPublisher deadLetterPublisher, DataSource dataSource,
            PlatformTransactionManager transactionManager, EventMetrics metrics, EventsProperties properties) {
        this(connectionFactory, deadLetterPublisher, dataSource, transactionManager, metrics, EventTracing.NONE,
                properties);
    }

    /** Handlers run in the trace their events carry ({@link EventTracing}). */
    public InboundEvents(ConnectionFactory connectionFactory, ConfirmedPublisher deadLetterPublisher, DataSource dataSource,
            PlatformTransactionManager transactionManager, EventMetrics metrics, EventTracing tracing,
            EventsProperties properties) {
        this.connectionFactory = connectionFactory;
        this.deadLetterPublisher = deadLetterPublisher;
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.metrics = metrics;
        this.tracing = tracing;
        this.properties = properties;
    }

    /**
     * A route consuming {@code queue} (durable, bound to the events exchange with the binding
     * keys, dead letters in {@code <queue>.dlq}); tune it further with its fluent setters.
     */
    public InboundEventRoute consume(String queue, List<String> bindingKeys, InboundEventHandler handler) {
        return new InboundEventRoute(queue, bindingKeys, handler, connectionFactory, deadLetterPublisher, dataSource,
                transactionManager, metrics, tracing, properties);
    }

    public EventMetrics metrics() {
        return metrics;
    }
}
