package fr.dataterritoires.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.audit.*}: the audit trail and the scheduled verification of its hash chain. */
@ConfigurationProperties("dataterritoires.audit")
public class AuditProperties {

    /** Switches the audit trail, its verifier and the scheduled verification off. */
    private boolean enabled = true;

    private final Verification verification = new Verification();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Verification getVerification() {
        return verification;
    }

    /** {@code dataterritoires.audit.verification.*}: the job that walks the chain and publishes dt.audit.chain.*. */
    public static class Verification {

        /** Whether the chain is verified periodically (the alert rules expect it: DtAuditChainNotVerified). */
        private boolean enabled = true;

        /** Delay between the end of one verification and the start of the next. */
        private Duration interval = Duration.ofHours(1);

        /** Delay before the first verification: lets the service start (migrations, warm-up) first. */
        private Duration initialDelay = Duration.ofMinutes(1);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }
    }
}
