package fr.dataterritoires.platform.grpc;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resilience4j circuit breakers for gRPC calls whose caller can degrade (show a page without
 * the dataset titles rather than fail it). Only failures of the dependency count (UNAVAILABLE,
 * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN); an answer such as NOT_FOUND or
 * INVALID_ARGUMENT proves the callee is up and is rethrown untouched:
 *
 * <pre>{@code
 * DatasetSummary summary = breakers.call("dataset-search",
 *         () -> directory.getDataset(request),
 *         failure -> DatasetSummary.getDefaultInstance());
 * }</pre>
 *
 * While a breaker is open, calls go straight to the fallback without reaching the network.
 */
public class GrpcCircuitBreakers {

    private static final Set<Status.Code> DEPENDENCY_FAILURES = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN);

    private final CircuitBreakerRegistry registry;

    public GrpcCircuitBreakers(CircuitBreakerRegistry registry) {
        this.registry = registry;
    }

    /** A registry whose breakers use {@code dataterritoires.grpc.client.circuit-breaker.*}. */
    public static CircuitBreakerRegistry registry(GrpcProperties.CircuitBreaker settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.getFailureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getSlidingWindowSize())
                .minimumNumberOfCalls(settings.getMinimumNumberOfCalls())
                .waitDurationInOpenState(settings.getWaitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.getPermittedNumberOfCallsInHalfOpenState())
                .recordException(GrpcCircuitBreakers::isDependencyFailure)
                .build();
        return CircuitBreakerRegistry.of(config);
    }

    /** The breaker of one dependency (created on first use, then shared). */
    public CircuitBreaker breaker(String name) {
        return registry.circuitBreaker(name);
    }

    /**
     * Runs {@code call} through the breaker {@code name}; on a dependency failure or while the
     * breaker is open, returns {@code fallback}'s answer instead.
     */
    public <T> T call(String name, Supplier<T> call, Function<Throwable, T> fallback) {
        try {
            return breaker(name).executeSupplier(call);
        } catch (CallNotPermittedException open) {
            return fallback.apply(open);
        } catch (RuntimeException failure) {
            if (isDependencyFailure(failure)) {
                return fallback.apply(failure);
            }
            throw failure;
        }
    }

    /** Whether {@code failure} is a gRPC status saying the dependency is down or overloaded (rather than answering). */
    public static boolean isDependencyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException || t instanceof StatusException) {
                return DEPENDENCY_FAILURES.contains(Status.fromThrowable(t).getCode());
            }
        }
        return false; // not a gRPC failure: a bug of the caller, not the dependency's state
    }
}
