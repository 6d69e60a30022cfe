package fr.dataterritoires.platform.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buckets kept in this process's memory, by key: a service's own limit per caller (ADR 0018), and the gateway's
 * fallback when its shared store cannot be reached (limits then hold per replica instead of for the whole suite). At
 * most {@code maxKeys} buckets, the least recently used dropped first (a dropped client starts again with a full
 * bucket, as after a Redis key expiry).
 */
public final class LocalBuckets {

    private final Map<String, TokenBucket> buckets;

    public LocalBuckets(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    public RateDecision tryTake(String key, RateLimit limit, long nowNanos) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key);
            if (bucket == null || !bucket.limit().equals(limit)) {
                bucket = new TokenBucket(limit, nowNanos);
                buckets.put(key, bucket);
            }
        }
        return bucket.tryTake(nowNanos);
    }

    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
