package fr.dataterritoires.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * Records a domain event in the outbox, in the caller's transaction (propagation MANDATORY: it
 * refuses to run without one, since an event written outside the change's transaction could
 * announce a change that never commits). The transaction must be bound to the outbox's
 * DataSource; one of another DataSource is refused too.
 *
 * <p>Call it after writing the aggregate (which takes the aggregate's row lock or checks its
 * version): the events of one aggregate then get increasing positions in commit order, which is
 * the order the relay publishes them in.
 */
public class OutboxPublisher {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;

    public OutboxPublisher(DataSource dataSource, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.relay = relay;
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
        List<UUID> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event event : events) {
            UUID id = UUID.randomUUID();
            String json = CloudEvents.mapper().writeValueAsString(CloudEvents.toTree(event.payload()));
            ids.add(id);
            rows.add(new Object[] {id, event.aggregateType(), event.aggregateId(), event.type(), json, occurredAt});
        }
        // one batch, executed in list order: positions (bigserial) follow the order of the events
        jdbc.batchUpdate("INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, type, payload, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?::jsonb, ?)", rows);
        if (relay != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new WakeUpAfterCommit(relay));
        }
        return List.copyOf(ids);
    }

    /** Publishes right after commit instead of waiting for the next poll. */
    private record WakeUpAfterCommit(OutboxRelay relay) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            relay.wakeUp();
        }

        @Override
        public boolean equals(Object other) {
            // one wake-up per transaction is enough, however many events it records
            return other instanceof WakeUpAfterCommit;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
