package fr.dataterritoires.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.events.*}: where events go and how consumers retry. */
@ConfigurationProperties("dataterritoires.events")
public class EventsProperties {

    /** Topic exchange every event is published to, routing key = CloudEvent type. */
    private String exchange = "dataterritoires.events";

    /** CloudEvent source of this service; defaults to /dataterritoires/${spring.application.name}. */
    private String source;

    /** How long to wait for the broker's publisher confirms. */
    private Duration confirmTimeout = Duration.ofSeconds(15);

    private final Inbound inbound = new Inbound();

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Duration getConfirmTimeout() {
        return confirmTimeout;
    }

    public void setConfirmTimeout(Duration confirmTimeout) {
        this.confirmTimeout = confirmTimeout;
    }

    public Inbound getInbound() {
        return inbound;
    }

    /** Defaults of every {@link InboundEventRoute}; each route can override them. */
    public static class Inbound {
        /** Total handler attempts before the message goes to the dead-letter queue. */
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(10);
        /** Unacknowledged messages per consumer; with one consumer, order per aggregate is kept. */
        private int prefetch = 100;
        /** Consumers per replica; more than 1 gives up the order per aggregate. */
        private int concurrency = 1;
        /** How often a listener retries connecting while the broker is away. */
        private Duration recoveryInterval = Duration.ofSeconds(2);
        /**
         * How long an infrastructure failure (database unreachable, timeout) is retried in place,
         * with the backoff above, before the message is requeued; it is never dead-lettered for that.
         */
        private Duration infrastructureRetryMax = Duration.ofMinutes(5);

        public Duration getInfrastructureRetryMax() {
            return infrastructureRetryMax;
        }

        public void setInfrastructureRetryMax(Duration infrastructureRetryMax) {
            this.infrastructureRetryMax = infrastructureRetryMax;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public double getBackoffMultiplier() {
            return backoffMultiplier;
        }

        public void setBackoffMultiplier(double backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getPrefetch() {
            return prefetch;
        }

        public void setPrefetch(int prefetch) {
            this.prefetch = prefetch;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getRecoveryInterval() {
            return recoveryInterval;
        }

        public void setRecoveryInterval(Duration recoveryInterval) {
            this.recoveryInterval = recoveryInterval;
        }
    }
}
