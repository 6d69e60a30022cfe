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
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * Appends to the audit trail in the caller's transaction (MANDATORY), so a change and its audit
 * record commit or roll back together. Appends are serialised by locking the head row
 * ({@code audit_head ... FOR UPDATE}) until the caller commits, which keeps the hash chain linear;
 * keep audited transactions short.
 */
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One appended record. */
    public record Appended(long seq, String hash) {
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
    public Appended record(String actor, String action, String targetType, String targetId, Object before, Object after) {
        return recordAll(List.of(new Entry(actor, action, targetType, targetId, before, after))).getFirst();
    }

    /**
     * Appends several changes of one transaction, in order, as consecutive links of the chain: one lock of the head,
     * one normalisation query, one batch of inserts and one head move, whatever their number (a harvest batch
     * writes hundreds).
     */
    public List<Appended> recordAll(List<Entry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "AuditTrail.record needs the caller's transaction (propagation MANDATORY)");
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prevHash = (String) head.get("last_hash");
        // let PostgreSQL normalise the documents first: the hash covers the stored form
        String[] documents = new String[entries.size() * 2];
        for (int i = 0; i < entries.size(); i++) {
            documents[2 * i] = toJson(entries.get(i).before());
            documents[2 * i + 1] = toJson(entries.get(i).after());
        }
        List<String> normalised = jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT d::jsonb::text FROM unnest(?::text[]) WITH ORDINALITY AS u(d, n) ORDER BY n");
            Array array = connection.createArrayOf("text", documents);
            statement.setArray(1, array);
            return statement;
        }, (row, n) -> row.getString(1));
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(entries.size());
        List<Appended> appended = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            seq++;
            String beforeJson = normalised.get(2 * i);
            String afterJson = normalised.get(2 * i + 1);
            String hash = AuditHasher.hash(seq, occurredAt, e.actor(), e.action(), e.targetType(), e.targetId(),
                    beforeJson, afterJson, prevHash);
            rows.add(new Object[] {seq, Timestamp.from(occurredAt), e.actor(), e.action(), e.targetType(), e.targetId(),
                    beforeJson, afterJson, prevHash, hash});
            appended.add(new Appended(seq, hash));
            prevHash = hash;
        }
        jdbc.batchUpdate("INSERT INTO audit_record (seq, occurred_at, actor, action, target_type, target_id, before, after, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)", rows);
        // one move of the head over the whole batch: the database checks that the records in between chain from it
        jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ?", seq, prevHash);
        return List.copyOf(appended);
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
