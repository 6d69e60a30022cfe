package fr.dataterritoires.platform.audit;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Verifies the service's audit chain on a schedule and publishes the outcome, so that tampering is noticed by an
 * alert rather than by whoever happens to run the verifier:
 * <ul>
 * <li>{@code dt.audit.chain.valid}: 1 intact, 0 broken, NaN before the first verification;</li>
 * <li>{@code dt.audit.chain.last.verification} (seconds since the epoch): when a verification last completed, so
 * that a job that stopped running (database away, thread dead) is noticed too;</li>
 * <li>{@code dt.audit.chain.records.checked}: records read by the last verification;</li>
 * <li>{@code dt.audit.chain.verifications} counter by {@code outcome}: intact, broken, failed (could not run).</li>
 * </ul>
 * A verification that cannot run leaves the last known state in place (its age then raises the staleness alert).
 */
public class AuditChainMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

    private final AuditVerifier verifier;
    private final AuditProperties.Verification properties;
    private final Clock clock;
    private final AtomicLong valid = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final AtomicLong lastVerification = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final AtomicLong recordsChecked = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final Counter intact;
    private final Counter broken;
    private final Counter failed;
    private volatile ScheduledExecutorService scheduler;

    public AuditChainMonitor(AuditVerifier verifier, MeterRegistry meters, AuditProperties.Verification properties,
            Clock clock) {
        this.verifier = verifier;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("dt.audit.chain.valid", valid, cell -> Double.longBitsToDouble(cell.get()))
                .description("1 when the last verification found the audit hash chain intact, 0 when broken")
                .register(meters);
        Gauge.builder("dt.audit.chain.last.verification", lastVerification, cell -> Double.longBitsToDouble(cell.get()))
                .baseUnit("seconds").description("When the audit chain was last verified (seconds since the epoch)")
                .register(meters);
        Gauge.builder("dt.audit.chain.records.checked", recordsChecked, cell -> Double.longBitsToDouble(cell.get()))
                .description("Audit records read by the last verification").register(meters);
        intact = counter(meters, "intact");
        broken = counter(meters, "broken");
        failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("dt.audit.chain.verifications").tag("outcome", outcome)
                .description("Audit chain verifications by outcome (failed: could not run)").register(meters);
    }

    /** One verification now; updates the meters. Returns null when it could not run (the cause is logged). */
    public AuditVerification verifyNow() {
        AuditVerification result;
        try {
            result = verifier.verify();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("audit chain verification could not run: {}", e.toString());
            return null;
        }
        valid.set(Double.doubleToLongBits(result.ok() ? 1 : 0));
        recordsChecked.set(Double.doubleToLongBits(result.recordsChecked()));
        lastVerification.set(Double.doubleToLongBits(clock.millis() / 1000.0));
        if (result.ok()) {
            intact.increment();
            log.info("audit chain intact: {} records checked", result.recordsChecked());
        } else {
            broken.increment();
            // no record content here: the reason names sequence numbers only (docs/runbooks/audit.md)
            log.error("audit chain BROKEN at record {}: {} (docs/runbooks/audit.md)", result.firstBrokenSeq(),
                    result.reason());
        }
        return result;
    }

    @Override
    public void start() {
        if (scheduler != null || !properties.isEnabled()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dt-audit-verification");
            thread.setDaemon(true);
            return thread;
        });
        // fixed delay: a long walk on a large chain never overlaps the next one
        executor.scheduleWithFixedDelay(this::verifyNow, Math.max(0, properties.getInitialDelay().toMillis()),
                Math.max(1, properties.getInterval().toMillis()), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
