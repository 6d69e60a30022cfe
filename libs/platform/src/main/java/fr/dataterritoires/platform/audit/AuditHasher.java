package fr.dataterritoires.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import fr.dataterritoires.contracts.events.CloudEvents;

/**
 * Hash of one audit record: SHA-256 (hex) over a canonical JSON document with the fields in a
 * fixed (alphabetical) order and no whitespace:
 * {@code {"action":..,"actor":..,"after":..,"before":..,"occurredAt":..,"prevHash":..,"seq":..,"targetId":..,"targetType":..}}.
 * {@code before}/{@code after} are embedded as PostgreSQL's text form of the stored jsonb, which
 * is canonical (keys sorted and deduplicated, numbers normalised), so the hash computed when
 * writing equals the one recomputed from the stored row. {@code occurredAt} is ISO-8601 UTC with
 * microseconds at most (the precision of timestamptz).
 */
final class AuditHasher {

    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    static String hash(long seq, Instant occurredAt, String actor, String action, String targetType, String targetId,
            String beforeJson, String afterJson, String prevHash) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"action\":").append(string(action))
                .append(",\"actor\":").append(string(actor))
                .append(",\"after\":").append(afterJson == null ? "null" : afterJson)
                .append(",\"before\":").append(beforeJson == null ? "null" : beforeJson)
                .append(",\"occurredAt\":").append(string(occurredAt.toString()))
                .append(",\"prevHash\":").append(string(prevHash))
                .append(",\"seq\":").append(seq)
                .append(",\"targetId\":").append(string(targetId))
                .append(",\"targetType\":").append(string(targetType))
                .append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String string(String value) {
        return CloudEvents.mapper().writeValueAsString(value);
    }
}
