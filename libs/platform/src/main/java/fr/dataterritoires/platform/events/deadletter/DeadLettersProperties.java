package fr.dataterritoires.platform.events.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.events.dead-letters.*}: limits of the operators' dead-letter tools. */
@ConfigurationProperties("dataterritoires.events.dead-letters")
public class DeadLettersProperties {

    /** Switches the {@link DeadLetters} service, its metrics and the {@code deadletters} endpoint off. */
    private boolean enabled = true;

    /** How often the {@code dt.events.dead_letters.pending} gauges ask the broker for the DLQ depths. */
    private Duration pendingRefreshInterval = Duration.ofSeconds(30);

    /** Most messages one peek returns. */
    private int maxPeek = 100;

    /** Most messages one replay moves. */
    private int maxReplay = 1000;

    /**
     * Most messages read while looking for one event id; they are all held (unacknowledged) until
     * the search ends, then put back in their order.
     */
    private int maxScan = 10_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getPendingRefreshInterval() {
        return pendingRefreshInterval;
    }

    public void setPendingRefreshInterval(Duration pendingRefreshInterval) {
        this.pendingRefreshInterval = pendingRefreshInterval;
    }

    public int getMaxPeek() {
        return maxPeek;
    }

    public void setMaxPeek(int maxPeek) {
        this.maxPeek = maxPeek;
    }

    public int getMaxReplay() {
        return maxReplay;
    }

    public void setMaxReplay(int maxReplay) {
        this.maxReplay = maxReplay;
    }

    public int getMaxScan() {
        return maxScan;
    }

    public void setMaxScan(int maxScan) {
        this.maxScan = maxScan;
    }
}
