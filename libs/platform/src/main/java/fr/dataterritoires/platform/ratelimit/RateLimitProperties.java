package fr.dataterritoires.platform.ratelimit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dataterritoires.http.rate-limit.*}: the service's own limit per caller (token subject, else address), REST and
 * gRPC together, per replica (ADR 0018). Environment variables {@code DT_SERVICE_RATE_LIMIT_ENABLED},
 * {@code DT_SERVICE_RATE_LIMIT_REPLENISH_RATE}, {@code DT_SERVICE_RATE_LIMIT_BURST_CAPACITY}. The defaults are ten times
 * the gateway's per-route ones (20/s, bursts of 40), so that traffic passed by the gateway does not reach them.
 */
@ConfigurationProperties("dataterritoires.http.rate-limit")
public class RateLimitProperties {

    /** Whether the service limits its callers' rate at all. */
    private boolean enabled = true;

    /** Requests per second a caller regains (may be below 1). */
    private double replenishRate = 200;

    /** Requests a caller may send at once (the bucket's size). */
    private int burstCapacity = 400;

    /** Most callers kept in memory (the least recently seen are dropped first and start again with a full bucket). */
    private int maxCallers = 100_000;

    /**
     * Paths never limited besides the actuator's ({@code management.endpoints.web.base-path}, always exempt: probes and
     * scraping must not be refused), as Ant-style patterns.
     */
    private List<String> exemptPaths = new ArrayList<>();

    public RateLimit limit() {
        return new RateLimit(replenishRate, burstCapacity);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public double getReplenishRate() {
        return replenishRate;
    }

    public void setReplenishRate(double replenishRate) {
        this.replenishRate = replenishRate;
    }

    public int getBurstCapacity() {
        return burstCapacity;
    }

    public void setBurstCapacity(int burstCapacity) {
        this.burstCapacity = burstCapacity;
    }

    public int getMaxCallers() {
        return maxCallers;
    }

    public void setMaxCallers(int maxCallers) {
        this.maxCallers = maxCallers;
    }

    public List<String> getExemptPaths() {
        return exemptPaths;
    }

    public void setExemptPaths(List<String> exemptPaths) {
        this.exemptPaths = exemptPaths;
    }
}
