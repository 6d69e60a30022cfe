package fr.dataterritoires.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.events.EventTracing;

/**
 * Records a domain event in the outbox, in the caller's transaction (propagation MANDATORY: it
 * refuses to run without one, since an event written outside the change's transaction could
 * announce a change that never commits). The transaction must be bound to the outbox's
 * DataSource; one of another DataSource is refused too.
 *
 * <p>Call it after writing the aggregate (which takes the aggregate's row lock or checks its
 * version): the events of one aggregate then get increasing positions in commit order, which is
 * the order the relay publishes them in.
 *
 * <p>Each event keeps the trace context current when it is written (the request's, or the inbound event's being
 * handled): the relay puts it on the message and the consumer continues that trace (ADR 0016). Once the transaction
 * commits, one INFO line lists the events it recorded (type and id), in the trace of the change: the link between a
 * request's log lines and the consumers' lines of its events.
 */
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    /** Events listed one by one in the after-commit line; more are counted per type. */
    static final int LISTED_EVENTS = 10;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    public OutboxPublisher(DataSource dataSource, OutboxRelay relay) {
        this(dataSource, relay, EventTracing.NONE);
    }

    public OutboxPublisher(DataSource dataSource, OutboxRelay relay, EventTracing tracing) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.relay = relay;
        this.tracing = tracing;
    }

    /** One event to record with {@link #recordAll}: the arguments of {@link #record}. */
    public record Event(String aggregateType, String aggregateId, String type, Object payload) {

        public Event {
            if (type == null || !CloudEvent.TYPE_PATTERN.matcher(type).matches()) {
                throw new IllegalArgumentException(
                        "event type must match fr.dataterritoires.<service>.<event>.v<n>: " + type);
            }
            if (aggregateType == null || aggregateType.isBlank() || aggregateId == null || aggregateId.isBlank()) {
                throw new IllegalArgumentException("aggregate type and id are required");
            }
        }
    }

    /**
     * @param aggregateType e.g. {@code Roadmap}
     * @param aggregateId becomes the CloudEvent subject
     * @param type {@code fr.dataterritoires.<service>.<event>.v<n>}, also the routing key
     * @param payload any Jackson-serialisable value (record, map, JsonNode); becomes {@code data}
     * @return the event id
     */
    public UUID record(String aggregateType, String aggregateId, String type, Object payload) {
        return recordAll(List.of(new Event(aggregateType, aggregateId, type, payload))).getFirst();
    }

    /**
     * Records several events of one transaction, in order (their positions follow the list), as one batch of inserts
     * whatever their number (a harvest batch records hundreds). Same guarantees as {@link #record}: the caller's
     * transaction, on the outbox's DataSource, is required.
     *
     * @return the event ids, in the order of {@code events}
     */
    public List<UUID> recordAll(List<Event> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "OutboxPublisher.record needs the caller's transaction (propagation MANDATORY)");
        }
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            // a transaction of another DataSource (or another transaction manager): the row would
            // be written on a connection of its own and commit at once, whatever the change does
            throw new IllegalTransactionStateException(
                    "OutboxPublisher.record needs a transaction bound to the outbox's DataSource, not another one");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Timestamp occurredAt = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        EventTracing.Context trace = tracing.current();
        String traceParent = trace == null ? null : trace.traceparent();
        String traceState = trace == null ? null : trace.tracestate();
        List<UUID> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event event : events) {
            UUID id = UUID.randomUUID();
            String json = CloudEvents.mapper().writeValueAsString(CloudEvents.toTree(event.payload()));
            ids.add(id);
            rows.add(new Object[] {id, event.aggregateType(), event.aggregateId(), event.type(), json, occurredAt,
                    traceParent, traceState});
        }
        // one batch, executed in list order: positions (bigserial) follow the order of the events
        jdbc.batchUpdate("INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, type, payload, occurred_at, "
                + "trace_parent, trace_state) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)", rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the synchronizations of this transaction only (a suspended outer transaction's are not listed)
            Recorded recorded = TransactionSynchronizationManager.getSynchronizations().stream()
                    .filter(s -> s instanceof Recorded r && r.publisher == this).map(Recorded.class::cast)
                    .findFirst().orElse(null);
            if (recorded == null) {
                recorded = new Recorded(this, relay);
                TransactionSynchronizationManager.registerSynchronization(recorded);
            }
            for (int i = 0; i < events.size(); i++) {
                recorded.add(events.get(i).type(), ids.get(i));
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The events of one transaction: after commit, one log line and a wake-up of the relay, which publishes them at
     * once instead of at its next poll.
     */
    private static final class Recorded implements TransactionSynchronization {

        private final OutboxPublisher publisher;
        private final OutboxRelay relay;
        private final List<String> types = new ArrayList<>();
        private final List<UUID> ids = new ArrayList<>();

        Recorded(OutboxPublisher publisher, OutboxRelay relay) {
            this.publisher = publisher;
            this.relay = relay;
        }

        void add(String type, UUID id) {
            types.add(type);
            ids.add(id);
        }

        @Override
        public void afterCommit() {
            if (relay != null) {
                relay.wakeUp();
            }
            log.info("{} event(s) recorded for publication: {}", ids.size(), describe(types, ids));
        }
    }

    /** "type id, type id" for a few events; counts per type for many (a harvest batch records hundreds). */
    static String describe(List<String> types, List<UUID> ids) {
        if (ids.size() <= LISTED_EVENTS) {
            List<String> listed = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                listed.add(types.get(i) + " " + ids.get(i));
            }
            return String.join(", ", listed);
        }
        Map<String, Long> perType = types.stream()
                .collect(Collectors.groupingBy(type -> type, LinkedHashMap::new, Collectors.counting()));
        return perType.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + " (ids " + ids.getFirst() + " to " + ids.getLast() + ")";
    }
}
