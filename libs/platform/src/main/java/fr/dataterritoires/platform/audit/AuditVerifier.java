package fr.dataterritoires.platform.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain in seq order and reports the first defect: a gap in seq (deleted
 * record), a prev_hash that is not the previous record's hash (chain broken), a hash that does
 * not match the record's content (altered record), or a chain whose end differs from the head
 * (deleted or forged tail).
 */
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public AuditVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000); // streams, in the read-only transaction below
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // Always its own transaction: joining a caller's (already snapshotted, or READ COMMITTED)
        // transaction would ignore the isolation below and report appends made meanwhile as defects.
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        template.setReadOnly(true);
        this.snapshot = template;
    }

    public AuditVerification verify() {
        // one snapshot, so the head and the records are read consistently while appends go on
        return snapshot.execute(status -> {
            // one streamed statement over the whole table: the services' statement time budget is not meant for it
            jdbc.execute("SET LOCAL statement_timeout = 0");
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head");
            long headSeq = ((Number) head.get("last_seq")).longValue();
            String headHash = (String) head.get("last_hash");
            Walk walk = new Walk();
            jdbc.query("SELECT seq, occurred_at, actor, action, target_type, target_id, before::text AS b, after::text AS a, "
                    + "prev_hash, hash FROM audit_record ORDER BY seq", rs -> {
                if (walk.broken != null) {
                    return;
                }
                long seq = rs.getLong("seq");
                walk.checked++;
                if (seq != walk.expectedSeq) {
                    walk.broken = AuditVerification.broken(walk.expectedSeq,
                            "record " + walk.expectedSeq + " is missing (next record is " + seq + ")", walk.checked);
                    return;
                }
                String prevHash = rs.getString("prev_hash");
                if (!walk.previousHash.equals(prevHash)) {
                    walk.broken = AuditVerification.broken(seq,
                            "record " + seq + " does not follow the previous record's hash", walk.checked);
                    return;
                }
                String computed = AuditHasher.hash(seq, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                        rs.getString("b"), rs.getString("a"), prevHash);
                String stored = rs.getString("hash");
                if (!computed.equals(stored)) {
                    walk.broken = AuditVerification.broken(seq, "record " + seq + " was altered (hash mismatch)", walk.checked);
                    return;
                }
                walk.previousHash = stored;
                walk.expectedSeq = seq + 1;
            });
            if (walk.broken != null) {
                return walk.broken;
            }
            long lastSeq = walk.expectedSeq - 1;
            if (lastSeq < headSeq) {
                return AuditVerification.broken(lastSeq + 1,
                        "records " + (lastSeq + 1) + ".." + headSeq + " are missing at the end of the chain", walk.checked);
            }
            if (lastSeq > headSeq) {
                return AuditVerification.broken(headSeq + 1,
                        "records after " + headSeq + " are not covered by the head", walk.checked);
            }
            if (!walk.previousHash.equals(headHash)) {
                return AuditVerification.broken(lastSeq, "record " + lastSeq + " does not match the head's hash", walk.checked);
            }
            return AuditVerification.intact(walk.checked);
        });
    }

    private static final class Walk {
        long expectedSeq = 1;
        String previousHash = AuditHasher.GENESIS;
        long checked;
        AuditVerification broken;
    }
}
