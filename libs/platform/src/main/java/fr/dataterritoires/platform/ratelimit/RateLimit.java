package fr.dataterritoires.platform.ratelimit;

/**
 * A token bucket's settings: a client may send {@code burstCapacity} requests at once, then regains
 * {@code replenishRate} requests per second.
 */
public record RateLimit(double replenishRate, int burstCapacity) {

    public RateLimit {
        if (!(replenishRate > 0) || Double.isInfinite(replenishRate)) {
            throw new IllegalArgumentException("replenishRate must be a positive number, got " + replenishRate);
        }
        if (burstCapacity < 1) {
            throw new IllegalArgumentException("burstCapacity must be at least 1, got " + burstCapacity);
        }
    }

    /** Seconds an empty bucket waits for its next token, rounded up, at least 1 (for Retry-After). */
    public long secondsUntilNextToken(double tokens) {
        double missing = Math.max(0, 1 - tokens);
        return Math.max(1, (long) Math.ceil(missing / replenishRate));
    }

    /** Seconds a bucket takes to fill up from empty: past it, a client's state can be forgotten. */
    public long secondsToFill() {
        return (long) Math.ceil(burstCapacity / replenishRate);
    }
}
