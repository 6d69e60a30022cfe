package fr.dataterritoires.platform.ratelimit;

/**
 * Whether a request may pass: {@code remaining} whole requests left in the bucket after it; when refused, the seconds
 * to wait before the next one passes.
 */
public record RateDecision(boolean allowed, long remaining, long retryAfterSeconds) {

    public static RateDecision allow(long remaining) {
        return new RateDecision(true, remaining, 0);
    }

    public static RateDecision refuse(long retryAfterSeconds) {
        return new RateDecision(false, 0, Math.max(1, retryAfterSeconds));
    }
}
