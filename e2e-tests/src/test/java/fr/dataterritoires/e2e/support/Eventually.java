package fr.dataterritoires.e2e.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for what another service does on an event: the probe is read again until it shows the expected state or
 * the bound is reached, then the journey fails saying what it waited for and what it last saw. Bounds are limits,
 * never expectations of how fast.
 */
public final class Eventually {

    /** Bound of an event flow between two services (outbox relay, broker, consumer, its transaction). */
    public static final Duration EVENT_FLOW = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** The first value of {@code probe} that satisfies {@code done}, read every 250 ms up to {@code bound}. */
    public static <T> T await(String what, Duration bound, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = null;
        Throwable lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                // not readable yet (a 504 of a cold index, a 404 before the consumer's transaction): read again
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("Not within " + bound.toSeconds() + " s: " + what
                        + (lastError != null ? "; last read failed: " + lastError : "; last seen: " + last));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
