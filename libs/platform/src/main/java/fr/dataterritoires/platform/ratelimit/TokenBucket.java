package fr.dataterritoires.platform.ratelimit;

/**
 * One client's bucket (at the gateway: on one route; in a service: for the whole service): full at first, one token per
 * request, refilled continuously at the limit's rate, never above its capacity. The same arithmetic as the gateway's
 * shared (Redis) buckets, so that its falling back to local buckets changes where counts are kept, not the rule. Time
 * is passed in (nanoseconds of a monotonic clock) so the rule is testable without waiting.
 */
public final class TokenBucket {

    private final RateLimit limit;
    private double tokens;
    private long lastNanos;

    public TokenBucket(RateLimit limit, long nowNanos) {
        this.limit = limit;
        this.tokens = limit.burstCapacity();
        this.lastNanos = nowNanos;
    }

    public synchronized RateDecision tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        tokens = Math.min(limit.burstCapacity(), tokens + elapsed / 1e9 * limit.replenishRate());
        lastNanos = Math.max(lastNanos, nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return RateDecision.allow((long) Math.floor(tokens));
        }
        return RateDecision.refuse(limit.secondsUntilNextToken(tokens));
    }

    public RateLimit limit() {
        return limit;
    }
}
