package fr.dataterritoires.gateway.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import fr.dataterritoires.gateway.application.SharedBuckets;
import fr.dataterritoires.platform.ratelimit.RateDecision;
import fr.dataterritoires.platform.ratelimit.RateLimit;

/** Token buckets in Redis, one hash per route and client, updated by one Lua script (atomic, Redis's clock). */
public class RedisBuckets implements SharedBuckets {

    /**
     * The script's text, read once: a script made from a class-path resource re-checks the resource's modification
     * time on every call, which inside the executable jar throws and catches two exceptions per request.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(read("fr/dataterritoires/gateway/token-bucket.lua"),
            List.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    public RedisBuckets(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public RateDecision tryTake(String key, RateLimit limit) {
        List<?> result;
        try {
            result = redis.execute(SCRIPT, List.of(keyPrefix + key), Double.toString(limit.replenishRate()),
                    Integer.toString(limit.burstCapacity()));
        } catch (RuntimeException e) {
            // connection refused or reset, command timeout, Redis loading or read-only: all mean "not now"
            throw new SharedBucketsUnavailableException("Redis rate-limit store unavailable", e);
        }
        if (result == null || result.size() != 3) {
            throw new SharedBucketsUnavailableException("unexpected answer of the rate-limit script: " + result, null);
        }
        boolean allowed = ((Number) result.get(0)).longValue() == 1;
        long remaining = ((Number) result.get(1)).longValue();
        long waitMillis = ((Number) result.get(2)).longValue();
        return allowed ? RateDecision.allow(remaining) : RateDecision.refuse((waitMillis + 999) / 1000);
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the rate-limit script " + resource + " is missing from the gateway", e);
        }
    }
}
