package fr.dataterritoires.platform.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's own rate limit (ADR 0018): one bucket per caller for the whole service, REST and gRPC calls alike, kept in
 * this replica's memory. Defence in depth behind the gateway's limits (per route, shared by its replicas): set well
 * above them, it only bites a caller that bypasses the gateway or a runaway client inside the suite.
 */
public class ServiceRateLimiter {

    /** Metric counting refused calls, tagged {@code protocol}. */
    public static final String REFUSALS = "dt.rate_limit.refusals";

    /** How the refused call came: the metric's {@code protocol} tag. */
    public enum Protocol { HTTP, GRPC }

    private final RateLimit limit;
    private final LocalBuckets buckets;
    private final LongSupplier nanoClock;
    private final Map<Protocol, Counter> refusals = new EnumMap<>(Protocol.class);

    public ServiceRateLimiter(RateLimit limit, int maxCallers, MeterRegistry meters, LongSupplier nanoClock) {
        this.limit = limit;
        this.buckets = new LocalBuckets(maxCallers);
        this.nanoClock = nanoClock;
        // registered up front: an alert on the rate of refusals sees 0, not an absent series
        for (Protocol protocol : Protocol.values()) {
            refusals.put(protocol, Counter.builder(REFUSALS)
                    .description("Calls refused by the service's own rate limit (429, RESOURCE_EXHAUSTED)")
                    .tag("protocol", protocol.name().toLowerCase())
                    .register(meters));
        }
    }

    /** Takes a token from {@code caller}'s bucket ({@link Callers#key}); a refusal is counted. */
    public RateDecision decide(String caller, Protocol protocol) {
        RateDecision decision = buckets.tryTake(caller, limit, nanoClock.getAsLong());
        if (!decision.allowed()) {
            refusals.get(protocol).increment();
        }
        return decision;
    }

    public RateLimit limit() {
        return limit;
    }
}
