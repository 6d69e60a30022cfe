package fr.dataterritoires.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * Appends to the audit trail in the caller's transaction (MANDATORY), so a change and its audit
 * record commit or roll back together. Appends are serialised by locking the head row
 * ({@code audit_head ... FOR UPDATE}) until the caller commits, which keeps the hash chain linear.
 *
 * <p>That lock is every audited write's one point of contention, so it is held as briefly as possible: {@link #record}
 * takes the documents as they are when it is called (serialised and normalised by PostgreSQL then, without the lock)
 * and the records are appended just before the transaction commits (a {@code beforeCommit} synchronization: lock, one
 * batch of inserts, one head move, commit). The suite benchmark found writers of every service waiting on the head
 * for most of their time while it was locked from the call to the commit, through the rest of the transaction
 * (issue 10 §5, docs/benchmarks.md). An append that fails still fails the commit: the change rolls back with it.
 * Where transaction synchronization is off (the suite's transaction managers all have it on), records are appended
 * at once.
 */
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One change to append with {@link #recordAll}: the arguments of {@link #record}. */
    public record Entry(String actor, String action, String targetType, String targetId, Object before, Object after) {

        public Entry {
            require(actor, "actor");
            require(action, "action");
            require(targetType, "targetType");
            require(targetId, "targetId");
        }
    }

    /**
     * The number of the last committed record: it moves with every audited change, so a reader may use it as the
     * version of everything the service audits (e.g. an export's ETag). Reads the head without locking it.
     */
    public long lastSeq() {
        Long seq = jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class);
        return seq == null ? 0 : seq;
    }

    /**
     * @param actor who did it (subject of the token, or a service name); no other personal data
     * @param action e.g. {@code roadmap.submitted}
     * @param before state before the change (any Jackson-serialisable value), null on creation
     * @param after state after the change, null on deletion
     */
    public void record(String actor, String action, String targetType, String targetId, Object before, Object after) {
        recordAll(List.of(new Entry(actor, action, targetType, targetId, before, after)));
    }

    /**
     * Records several changes of one transaction, in order: they become consecutive links of the chain when the
     * transaction commits, with those of the transaction's other calls, in call order (one lock of the head, one
     * batch of inserts and one head move per transaction, whatever their number: a harvest batch writes hundreds).
     */
    public void recordAll(List<Entry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "AuditTrail.record needs the caller's transaction (propagation MANDATORY)");
        }
        if (entries.isEmpty()) {
            return;
        }
        List<Normalised> normalised = normalise(entries);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(normalised);
            return;
        }
        // the synchronizations of this transaction only (a suspended outer transaction's are not listed)
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Pending p && p.trail == this).map(Pending.class::cast).findFirst().orElse(null);
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.addAll(normalised);
    }

    /** The documents as they are now, in the form PostgreSQL stores (the hash covers the stored form). */
    private List<Normalised> normalise(List<Entry> entries) {
        String[] documents = new String[entries.size() * 2];
        for (int i = 0; i < entries.size(); i++) {
            documents[2 * i] = toJson(entries.get(i).before());
            documents[2 * i + 1] = toJson(entries.get(i).after());
        }
        List<String> stored = jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT d::jsonb::text FROM unnest(?::text[]) WITH ORDINALITY AS u(d, n) ORDER BY n");
            Array array = connection.createArrayOf("text", documents);
            statement.setArray(1, array);
            return statement;
        }, (row, n) -> row.getString(1));
        List<Normalised> normalised = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            normalised.add(new Normalised(entries.get(i), stored.get(2 * i), stored.get(2 * i + 1)));
        }
        return normalised;
    }

    /** Locks the head and appends the records as the next links of the chain (in the caller's transaction). */
    private void append(List<Normalised> entries) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prevHash = (String) head.get("last_hash");
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Normalised n : entries) {
            Entry e = n.entry();
            seq++;
            String hash = AuditHasher.hash(seq, occurredAt, e.actor(), e.action(), e.targetType(), e.targetId(),
                    n.before(), n.after(), prevHash);
            rows.add(new Object[] {seq, Timestamp.from(occurredAt), e.actor(), e.action(), e.targetType(), e.targetId(),
                    n.before(), n.after(), prevHash, hash});
            prevHash = hash;
        }
        jdbc.batchUpdate("INSERT INTO audit_record (seq, occurred_at, actor, action, target_type, target_id, before, after, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)", rows);
        // one move of the head over the whole batch: the database checks that the records in between chain from it
        jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ?", seq, prevHash);
    }

    /** An entry with its documents in stored form. */
    private record Normalised(Entry entry, String before, String after) {
    }

    /** The records of one transaction, appended just before it commits. */
    private static final class Pending implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<Normalised> entries = new ArrayList<>();

        Pending(AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                trail.append(entries);
            }
        }
    }

    private static String toJson(Object value) {
        return value == null ? null : CloudEvents.mapper().writeValueAsString(CloudEvents.toTree(value));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
