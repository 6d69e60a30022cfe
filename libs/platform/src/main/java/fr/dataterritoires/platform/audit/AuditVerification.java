package fr.dataterritoires.platform.audit;

/**
 * Result of {@link AuditVerifier#verify()}.
 *
 * @param ok true when the chain is intact from the first record to the head
 * @param firstBrokenSeq first sequence number where the chain breaks, null when ok
 * @param reason what was found there, null when ok
 * @param recordsChecked records read
 */
public record AuditVerification(boolean ok, Long firstBrokenSeq, String reason, long recordsChecked) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, null, null, checked);
    }

    static AuditVerification broken(long seq, String reason, long checked) {
        return new AuditVerification(false, seq, reason, checked);
    }
}
