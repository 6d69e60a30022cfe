package fr.dataterritoires.gateway.application;

import fr.dataterritoires.platform.ratelimit.RateDecision;
import fr.dataterritoires.platform.ratelimit.RateLimit;

/** Token buckets shared by every gateway replica (Redis). */
public interface SharedBuckets {

    /**
     * Takes a token from the bucket of {@code key}.
     *
     * @throws SharedBucketsUnavailableException when the store cannot answer (down, unreachable, too slow)
     */
    RateDecision tryTake(String key, RateLimit limit);

    /** The store could not answer: the caller falls back to local buckets. */
    class SharedBucketsUnavailableException extends RuntimeException {

        public SharedBucketsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
