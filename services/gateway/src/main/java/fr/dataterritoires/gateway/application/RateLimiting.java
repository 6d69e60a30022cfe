package fr.dataterritoires.gateway.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dataterritoires.platform.ratelimit.LocalBuckets;
import fr.dataterritoires.platform.ratelimit.RateDecision;
import fr.dataterritoires.platform.ratelimit.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rate limits per client and per route. The buckets live in the shared store (Redis) so that the limit holds for the
 * suite whatever the number of gateway replicas. When the store fails, the gateway neither lets everything through
 * (an outage of Redis would remove the protection) nor refuses everything (an outage of Redis would take the suite
 * down): it counts in local buckets, with the same limits, per replica — so a client may get up to N times its limit
 * with N replicas for as long as Redis is away — and tries the store again after {@code retryInterval}, not on every
 * request (a dead store would otherwise add its timeout to each one).
 */
public class RateLimiting {

    private static final Logger log = LoggerFactory.getLogger(RateLimiting.class);

    /** Where a decision was taken: the metric's {@code store} tag. */
    public enum Store { SHARED, LOCAL }

    private final SharedBuckets shared;
    private final LocalBuckets local;
    private final long retryIntervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong sharedDownUntil = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean sharedDown;
    private final MeterRegistry meters;

    public RateLimiting(SharedBuckets shared, LocalBuckets local, Duration retryInterval, MeterRegistry meters,
                        LongSupplier nanoClock) {
        this.shared = shared;
        this.local = local;
        this.retryIntervalNanos = retryInterval.toNanos();
        this.nanoClock = nanoClock;
        this.meters = meters;
        Gauge.builder("dt.gateway.rate_limit.shared_store.available", () -> sharedDown ? 0 : 1)
                .description("1 while rate limits are counted in Redis, 0 while the gateway counts locally")
                .register(meters);
    }

    /** A decision and the store that took it. */
    public record Outcome(RateDecision decision, Store store) {
    }

    /**
     * @param route  the route (service) asked for
     * @param client who asks: the token's subject, else the caller's address (hashed: no personal data as keys)
     */
    public Outcome decide(String route, String client, RateLimit limit) {
        String key = route + ":" + hash(client);
        long now = nanoClock.getAsLong();
        Outcome outcome;
        if (sharedDown && now - sharedDownUntil.get() < 0) {
            outcome = new Outcome(local.tryTake(key, limit, now), Store.LOCAL);
        } else {
            outcome = tryShared(key, limit, now);
        }
        Counter.builder("dt.gateway.rate_limit.decisions")
                .description("Rate-limit decisions, by route, outcome and store")
                .tag("route", route).tag("allowed", Boolean.toString(outcome.decision().allowed()))
                .tag("store", outcome.store().name().toLowerCase())
                .register(meters).increment();
        return outcome;
    }

    private Outcome tryShared(String key, RateLimit limit, long now) {
        try {
            RateDecision decision = shared.tryTake(key, limit);
            if (sharedDown) {
                sharedDown = false;
                log.warn("Rate limits are counted in Redis again (shared by every gateway replica)");
            }
            return new Outcome(decision, Store.SHARED);
        } catch (SharedBuckets.SharedBucketsUnavailableException e) {
            sharedDownUntil.set(now + retryIntervalNanos);
            if (!sharedDown) {
                sharedDown = true;
                log.warn("Redis cannot be reached for rate limits ({}): counting in this replica's memory, "
                        + "retrying Redis every {} s", e.getCause() == null ? e.getMessage() : e.getCause().toString(),
                        Duration.ofNanos(retryIntervalNanos).toSeconds());
            }
            return new Outcome(local.tryTake(key, limit, now), Store.LOCAL);
        }
    }

    public boolean sharedStoreAvailable() {
        return !sharedDown;
    }

    static String hash(String client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
