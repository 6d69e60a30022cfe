package fr.dataterritoires.platform.errors;

import java.time.Duration;

/**
 * A dependency the request needs cannot be reached (search node down, index missing, another service down...): REST
 * 503 {@link ProblemTypes#SERVICE_INDISPONIBLE}, gRPC UNAVAILABLE (which callers may retry), not an unexpected
 * failure. When the dependency is named, the problem carries it ({@code dependency}); when a retry delay is known
 * (e.g. how long a circuit breaker stays open), REST answers it as {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException implements UserFacingMessage {

    private final String dependency;
    private final Duration retryAfter;

    /** @param detail French sentence shown to the user */
    public ServiceUnavailableException(String detail, Throwable cause) {
        this(detail, cause, null, null);
    }

    /**
     * @param detail     French sentence shown to the user
     * @param dependency the service or engine that cannot answer (e.g. {@code dataset-search}), or null
     * @param retryAfter when to try again, or null when unknown
     */
    public ServiceUnavailableException(String detail, Throwable cause, String dependency, Duration retryAfter) {
        super(detail, cause);
        this.dependency = dependency;
        this.retryAfter = retryAfter;
    }

    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
