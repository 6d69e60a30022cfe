package fr.dataterritoires.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.outbox.*}: the transactional outbox and its relay. */
@ConfigurationProperties("dataterritoires.outbox")
public class OutboxProperties {

    /** Whether the outbox beans are created at all. */
    private boolean enabled = true;

    private final Relay relay = new Relay();

    private final Cleanup cleanup = new Cleanup();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Relay getRelay() {
        return relay;
    }

    public Cleanup getCleanup() {
        return cleanup;
    }

    public static class Relay {
        /** Whether the relay route starts with the application (it can be started later through the route controller). */
        private boolean autoStartup = true;
        /** Poll for rows written by other replicas or missed wake-ups. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /**
         * The longest an idle relay tick waits for a local commit's wake-up before it ends (and the next begins); a
         * wake-up is relayed as soon as it comes. Bounds how long stopping the relay route waits for a tick.
         */
        private Duration wakeUpCheck = Duration.ofMillis(25);
        /** Events per publisher-confirmed batch. */
        private int batchSize = 250;
        /** Batches per poll before yielding to the next tick. */
        private int maxBatchesPerPoll = 40;
        /** First wait after a failure (broker away); doubled on each failure. */
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getWakeUpCheck() {
            return wakeUpCheck;
        }

        public void setWakeUpCheck(Duration wakeUpCheck) {
            this.wakeUpCheck = wakeUpCheck;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxBatchesPerPoll() {
            return maxBatchesPerPoll;
        }

        public void setMaxBatchesPerPoll(int maxBatchesPerPoll) {
            this.maxBatchesPerPoll = maxBatchesPerPoll;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    public static class Cleanup {
        /** How long published rows are kept (for investigation and replays). */
        private Duration retention = Duration.ofDays(7);
        private Duration interval = Duration.ofHours(1);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }
}
