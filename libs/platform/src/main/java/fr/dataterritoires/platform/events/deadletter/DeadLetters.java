package fr.dataterritoires.platform.events.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.UncategorizedAmqpException;
import org.springframework.amqp.rabbit.core.ChannelCallback;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.events.ConfirmedPublisher;
import fr.dataterritoires.platform.events.EventMetrics;
import fr.dataterritoires.platform.events.Failures;
import fr.dataterritoires.platform.events.InboundEventRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Operators' view of the dead-letter queues ({@code <queue>.dlq}) of this service's inbound event
 * routes: how many messages wait, what they are (never their payload), replay them to the route's
 * queue, discard one.
 *
 * <p>A replay takes a message from the DLQ without acknowledging it, publishes a copy to the
 * route's queue (default exchange, routing key = queue name) and waits for the broker's confirm,
 * records the replay in the audit trail, and only then acknowledges the DLQ message. A crash in
 * between therefore leaves a duplicate (the DLQ copy comes back), never a loss; the route's
 * idempotent consumer absorbs the duplicate. A discard is acknowledged only after its audit
 * record committed.
 *
 * <p>Messages read but not taken (peek, search by event id) are put back with a negative
 * acknowledgement and requeue, which keeps their order; while an operation runs they are
 * invisible to other readers of the DLQ.
 */
public class DeadLetters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public static final String REPLAYED = "dt.events.dead_letters.replayed";
    public static final String DISCARDED = "dt.events.dead_letters.discarded";
    public static final String PENDING = "dt.events.dead_letters.pending";

    public static final String ACTION_REPLAYED = "events.dead_letter.replayed";
    public static final String ACTION_DISCARDED = "events.dead_letter.discarded";
    public static final String AUDIT_TARGET_TYPE = "dead_letter";
    /** Audit target id of a message that carries no event id at all. */
    public static final String NO_EVENT_ID = "sans-identifiant";

    /** Header counting operator replays of a message, so a replay loop shows. */
    public static final String HEADER_REPLAYS = "x-dt-replays";
    public static final String HEADER_REPLAYED_AT = "x-dt-replayed-at";

    /** One inbound queue and the depth of its DLQ; {@code pending} is null when the broker did not answer. */
    public record QueueSummary(String queue, String deadLetterQueue, Long pending) {
    }

    /** The messages replayed or discarded by one operation, in DLQ order. */
    public record Outcome(String queue, List<DeadLetter> messages) {
        public int count() {
            return messages.size();
        }
    }

    private final Supplier<List<InboundEventRoute>> routes;
    private final RabbitTemplate reader;
    private final RabbitAdmin admin;
    private final ConfirmedPublisher publisher;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final DeadLettersProperties properties;
    private final MessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();
    private final Map<String, AtomicLong> pendingBits = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService refresher;

    public DeadLetters(Supplier<List<InboundEventRoute>> routes, ConnectionFactory connectionFactory,
            ConfirmedPublisher publisher, AuditTrail audit, TransactionTemplate transaction, MeterRegistry meters,
            DeadLettersProperties properties) {
        this.routes = routes;
        this.reader = new RabbitTemplate(connectionFactory);
        this.admin = new RabbitAdmin(connectionFactory);
        this.publisher = publisher;
        this.audit = audit;
        this.transaction = transaction;
        this.meters = meters;
        this.properties = properties;
    }

    /** The inbound queues of this service, in route order. */
    public List<String> queues() {
        return routes.get().stream().map(InboundEventRoute::queue).distinct().toList();
    }

    /** Depth of every DLQ of the service. */
    public List<QueueSummary> summary() {
        List<QueueSummary> summaries = new ArrayList<>();
        for (String queue : queues()) {
            Long pending;
            try {
                pending = count(queue);
            } catch (RuntimeException e) {
                log.warn("could not count the dead letters of {}: {}", queue, e.toString());
                pending = null;
            }
            summaries.add(new QueueSummary(queue, deadLetterQueue(queue), pending));
        }
        return summaries;
    }

    /** Messages waiting in the DLQ of {@code queue} (0 if the DLQ does not exist yet). */
    public long count(String queue) {
        String route = route(queue);
        QueueInformation info = admin.getQueueInfo(deadLetterQueue(route));
        long count = info == null ? 0 : info.getMessageCount();
        pendingCell(route).set(Double.doubleToLongBits(count));
        return count;
    }

    /** The first {@code limit} dead letters of {@code queue}, left in place. */
    public List<DeadLetter> peek(String queue, int limit) {
        String route = route(queue);
        int max = bounded(limit, properties.getMaxPeek(), "limit");
        if (!dlqExists(route)) {
            return List.of();
        }
        return onChannel(channel -> {
            List<DeadLetter> seen = new ArrayList<>();
            long lastTag = -1;
            try {
                for (int i = 0; i < max; i++) {
                    GetResponse response = channel.basicGet(deadLetterQueue(route), false);
                    if (response == null) {
                        break;
                    }
                    lastTag = response.getEnvelope().getDeliveryTag();
                    seen.add(describe(toMessage(response)));
                }
            } finally {
                putBack(channel, deadLetterQueue(route), lastTag);
            }
            return seen;
        });
    }

    /**
     * Moves up to {@code limit} messages, oldest first, from the DLQ back to {@code queue}. Only
     * the messages present when the replay starts are taken, so one that fails again and comes
     * back to the DLQ is not replayed twice by the same call.
     */
    public Outcome replay(String queue, int limit, String actor) {
        String route = route(queue);
        requireActor(actor);
        int max = bounded(limit, properties.getMaxReplay(), "limit");
        requireQueueExists(route);
        long present = count(route);
        int toTake = (int) Math.min(max, present);
        List<DeadLetter> replayed = new ArrayList<>();
        try {
            onChannel(channel -> {
                for (int i = 0; i < toTake; i++) {
                    GetResponse response = channel.basicGet(deadLetterQueue(route), false);
                    if (response == null) {
                        break;
                    }
                    replayed.add(replayOne(channel, route, response, actor));
                }
                return null;
            });
        } finally {
            refreshQuietly(route);
        }
        return new Outcome(route, replayed);
    }

    /** Moves the dead letter whose event id is {@code eventId} back to {@code queue}. */
    public Outcome replay(String queue, String eventId, String actor) {
        String route = route(queue);
        requireActor(actor);
        requireQueueExists(route);
        try {
            DeadLetter replayed = withEvent(route, eventId, (channel, response) -> replayOne(channel, route, response, actor));
            return new Outcome(route, List.of(replayed));
        } finally {
            refreshQuietly(route);
        }
    }

    /** Removes the dead letter whose event id is {@code eventId}, once its audit record is committed. */
    public Outcome discard(String queue, String eventId, String actor) {
        String route = route(queue);
        requireActor(actor);
        try {
            DeadLetter discarded = withEvent(route, eventId, (channel, response) -> {
                long tag = response.getEnvelope().getDeliveryTag();
                DeadLetter letter = describe(toMessage(response));
                try {
                    transaction.executeWithoutResult(status -> audit.record(actor, ACTION_DISCARDED, AUDIT_TARGET_TYPE,
                            auditTarget(letter), auditState(deadLetterQueue(route), letter), null));
                } catch (RuntimeException e) {
                    channel.basicNack(tag, false, true);
                    throw e;
                }
                channel.basicAck(tag, false);
                counter(DISCARDED, route).increment();
                log.info("dead letter {} ({}) of {} discarded by {}", letter.eventId(), letter.type(), route, actor);
                return letter;
            });
            return new Outcome(route, List.of(discarded));
        } finally {
            refreshQuietly(route);
        }
    }

    // ---- one message ----------------------------------------------------------------------------

    private DeadLetter replayOne(Channel channel, String route, GetResponse response, String actor) throws Exception {
        long tag = response.getEnvelope().getDeliveryTag();
        Message original = toMessage(response);
        DeadLetter letter = describe(original);
        try {
            // confirmed before anything else: until then the DLQ still holds the only copy. A copy
            // returned as unroutable (the queue was deleted since the check) is a failure too.
            try {
                publisher.publish(List.of(new ConfirmedPublisher.Outgoing("", route, forReplay(original, letter))));
            } catch (ConfirmedPublisher.UnroutableMessageException e) {
                throw queueMissing(route);
            }
            transaction.executeWithoutResult(status -> audit.record(actor, ACTION_REPLAYED, AUDIT_TARGET_TYPE,
                    auditTarget(letter), auditState(deadLetterQueue(route), letter), Map.of("queue", route)));
        } catch (RuntimeException e) {
            // back to the DLQ; if the copy was already confirmed it is a duplicate the consumer absorbs
            channel.basicNack(tag, false, true);
            throw e;
        }
        channel.basicAck(tag, false);
        counter(REPLAYED, route).increment();
        log.info("dead letter {} ({}) replayed from {} to {} by {}", letter.eventId(), letter.type(),
                deadLetterQueue(route), route, actor);
        return letter;
    }

    @FunctionalInterface
    private interface Taker {
        DeadLetter take(Channel channel, GetResponse response) throws Exception;
    }

    /**
     * Reads the DLQ until the message of {@code eventId}, hands it to {@code taker} (which acks or
     * nacks it), and puts every message read before it back, in order.
     */
    private DeadLetter withEvent(String route, String eventId, Taker taker) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is required");
        }
        if (!dlqExists(route)) {
            throw notFound(route, eventId);
        }
        DeadLetter taken = onChannel(channel -> {
            long lastSkipped = -1;
            try {
                for (int i = 0; i < properties.getMaxScan(); i++) {
                    GetResponse response = channel.basicGet(deadLetterQueue(route), false);
                    if (response == null) {
                        return null;
                    }
                    Message message = toMessage(response);
                    if (eventId.equals(message.getMessageProperties().getMessageId())
                            || eventId.equals(describe(message).eventId())) {
                        return taker.take(channel, response);
                    }
                    lastSkipped = response.getEnvelope().getDeliveryTag();
                }
                return null;
            } finally {
                // the taken message is already acked or nacked: "multiple" only covers the others
                putBack(channel, deadLetterQueue(route), lastSkipped);
            }
        });
        if (taken == null) {
            throw notFound(route, eventId);
        }
        return taken;
    }

    /**
     * Runs on one channel of the service's connection; exceptions of our own (not found, audit
     * failures) come out as themselves rather than wrapped by Spring AMQP.
     */
    private <T> T onChannel(ChannelCallback<T> callback) {
        try {
            return reader.execute(callback);
        } catch (UncategorizedAmqpException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void putBack(Channel channel, String deadLetterQueue, long lastTag) throws java.io.IOException {
        if (lastTag >= 0 && channel.isOpen()) {
            channel.basicNack(lastTag, true, true);
            // basic.nack has no reply: a synchronous call on the same channel returns only once the
            // broker has requeued, so a count taken right after sees the messages again
            channel.queueDeclarePassive(deadLetterQueue);
        }
    }

    private Message toMessage(GetResponse response) {
        MessageProperties properties = converter.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8");
        return new Message(response.getBody(), properties);
    }

    /** The copy sent back: same body and identity, failure headers dropped, attempts reset. */
    private static Message forReplay(Message original, DeadLetter letter) {
        MessageProperties source = original.getMessageProperties();
        MessageProperties properties = new MessageProperties();
        properties.setContentType(source.getContentType());
        properties.setContentEncoding(source.getContentEncoding());
        properties.setMessageId(source.getMessageId());
        properties.setType(source.getType());
        properties.setTimestamp(source.getTimestamp());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        source.getHeaders().forEach(properties::setHeader);
        properties.getHeaders().remove(InboundEventRoute.HEADER_REASON);
        properties.getHeaders().remove(InboundEventRoute.HEADER_EXCEPTION);
        properties.getHeaders().remove(InboundEventRoute.HEADER_FAILED_AT);
        properties.setHeader(InboundEventRoute.HEADER_ATTEMPTS, 0);
        properties.setHeader(HEADER_REPLAYS, letter.replays() + 1);
        properties.setHeader(HEADER_REPLAYED_AT, Instant.now().toString());
        return new Message(original.getBody(), properties);
    }

    /** Identity and failure only: the body is parsed for id, type and subject, and then forgotten. */
    static DeadLetter describe(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = properties.getHeaders();
        String id = properties.getMessageId();
        String type = null;
        String subject = null;
        try {
            JsonNode body = CloudEvents.mapper().readTree(message.getBody());
            if (body != null && body.isObject()) {
                id = text(body, "id", id);
                type = text(body, "type", null);
                subject = text(body, "subject", null);
            }
        } catch (RuntimeException e) {
            // not JSON: identity from the AMQP properties only
        }
        if (type == null) {
            type = properties.getType() != null ? properties.getType() : EventMetrics.UNKNOWN_TYPE;
        }
        return new DeadLetter(id, type, subject, string(headers.get(InboundEventRoute.HEADER_REASON)),
                string(headers.get(InboundEventRoute.HEADER_EXCEPTION)), integer(headers.get(InboundEventRoute.HEADER_ATTEMPTS)),
                string(headers.get(InboundEventRoute.HEADER_FAILED_AT)),
                string(headers.get(InboundEventRoute.HEADER_ROUTING_KEY)), message.getBody().length,
                Optional.ofNullable(integer(headers.get(HEADER_REPLAYS))).orElse(0));
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : fallback;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String auditTarget(DeadLetter letter) {
        return letter.eventId() == null || letter.eventId().isBlank() ? NO_EVENT_ID : letter.eventId();
    }

    /**
     * What the audit keeps of a dead letter: where it was and why, never the payload nor the
     * subject (an aggregate id may be personal data), and no database error text (it may quote
     * values; the route no longer writes it, older or foreign dead letters may still carry it).
     */
    private static Map<String, Object> auditState(String deadLetterQueue, DeadLetter letter) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("queue", deadLetterQueue);
        state.put("type", letter.type());
        state.put("failureReason", Failures.mayCarryData(letter.failureException())
                ? letter.failureException() + " (message withheld: it may contain personal data)"
                : letter.failureReason());
        state.put("failureException", letter.failureException());
        state.put("attempts", letter.attempts());
        state.put("failedAt", letter.failedAt());
        state.put("payloadBytes", letter.payloadBytes());
        state.put("replays", letter.replays());
        return state;
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * The inbound queue named {@code queue}, or whose DLQ is named {@code queue}.
     *
     * @throws NotFoundException if no inbound route of this service consumes it
     */
    public String route(String queue) {
        List<String> queues = queues();
        if (queue != null) {
            for (String candidate : queues) {
                if (candidate.equals(queue) || deadLetterQueue(candidate).equals(queue)) {
                    return candidate;
                }
            }
        }
        throw new NotFoundException("La file « " + queue + " » n'est consommée par aucune route d'événements entrants de ce service.");
    }

    private static NotFoundException notFound(String route, String eventId) {
        return new NotFoundException("L'événement " + eventId + " n'est pas dans la file de rebut « " + deadLetterQueue(route) + " ».");
    }

    private void requireQueueExists(String route) {
        // the default exchange drops a message for a missing queue: never take it from the DLQ then
        if (admin.getQueueInfo(route) == null) {
            throw queueMissing(route);
        }
    }

    private static ConflictException queueMissing(String route) {
        return new ConflictException("La file « " + route + " » n'existe pas sur le broker : rien n'a été rejoué.");
    }

    private boolean dlqExists(String route) {
        return admin.getQueueInfo(deadLetterQueue(route)) != null;
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an actor is required to change dead letters");
        }
    }

    private static int bounded(int limit, int max, String name) {
        if (limit < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return Math.min(limit, max);
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    // ---- metrics --------------------------------------------------------------------------------

    private Counter counter(String name, String queue) {
        return meters.counter(name, "queue", queue);
    }

    private AtomicLong pendingCell(String queue) {
        return pendingBits.computeIfAbsent(queue, q -> {
            AtomicLong cell = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.builder(PENDING, cell, c -> Double.longBitsToDouble(c.get())).tag("queue", q)
                    .description("Messages waiting in the dead-letter queue of an inbound event route").register(meters);
            return cell;
        });
    }

    private void refreshQuietly(String queue) {
        try {
            count(queue);
        } catch (RuntimeException e) {
            pendingCell(queue).set(Double.doubleToLongBits(Double.NaN));
        }
    }

    /** Refreshes every gauge; unknown (NaN) while the broker does not answer. */
    void refreshPending() {
        for (String queue : queues()) {
            refreshQuietly(queue);
        }
    }

    // ---- lifecycle: the gauges are refreshed in the background, never during a scrape -----------

    @Override
    public void start() {
        if (refresher != null) {
            return;
        }
        queues().forEach(this::pendingCell);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dt-dead-letters-gauges");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, properties.getPendingRefreshInterval().toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                refreshPending();
            } catch (RuntimeException e) {
                log.debug("dead-letter gauges not refreshed: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        refresher = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = refresher;
        refresher = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
