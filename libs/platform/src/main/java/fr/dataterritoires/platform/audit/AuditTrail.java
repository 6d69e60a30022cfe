package fr.dataterritoires.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * @param actor who did it (subject of the token, or a service name); no other personal data
     * @param action e.g. {@code roadmap.submitted}
     * @param before state before the change (any Jackson-serialisable value), null on creation
     * @param after state after the change, null on deletion
     */
    public Appended record(String actor, String action, String targetType, String targetId, Object before, Object after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "AuditTrail.record needs the caller's transaction (propagation MANDATORY)");
        }
        require(actor, "actor");
        require(action, "action");
        require(targetType, "targetType");
        require(targetId, "targetId");
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = (String) head.get("last_hash");
        // let PostgreSQL normalise the documents first: the hash covers the stored form
        Map<String, Object> normalised = jdbc.queryForMap("SELECT ?::jsonb::text AS b, ?::jsonb::text AS a",
                toJson(before), toJson(after));
        String beforeJson = (String) normalised.get("b");
        String afterJson = (String) normalised.get("a");
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHasher.hash(seq, occurredAt, actor, action, targetType, targetId, beforeJson, afterJson, prevHash);
        jdbc.update("INSERT INTO audit_record (seq, occurred_at, actor, action, target_type, target_id, before, after, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)",
                seq, Timestamp.from(occurredAt), actor, action, targetType, targetId, beforeJson, afterJson, prevHash, hash);
        jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ?", seq, hash);
        return new Appended(seq, hash);
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
