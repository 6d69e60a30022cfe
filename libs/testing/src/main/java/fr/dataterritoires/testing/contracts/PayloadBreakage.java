package fr.dataterritoires.testing.contracts;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves that a producer's pact verification catches a careless edit of its payloads (docs/adr/0015): a producer test
 * declares its verification as a nested class run only through JUnit's test kit, whose {@code @PactVerifyProvider}
 * methods pass every payload they build through {@link #change()}; {@link #verify} runs it with a given change and
 * answers the outcome of each interaction. The one harness for every producer's breakage tests.
 */
public final class PayloadBreakage {

    private static final AtomicReference<UnaryOperator<Map<String, Object>>> CHANGE =
            new AtomicReference<>(UnaryOperator.identity());

    private PayloadBreakage() {
    }

    /** The change the running verification applies to the payloads it builds (identity outside {@link #verify}). */
    public static UnaryOperator<Map<String, Object>> change() {
        return CHANGE.get();
    }

    /** Runs the verification class with every payload passed through {@code change}; the interactions' outcomes. */
    public static synchronized Events verify(Class<?> verification, UnaryOperator<Map<String, Object>> change) {
        CHANGE.set(change);
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(verification)).execute().testEvents();
        } finally {
            CHANGE.set(UnaryOperator.identity());
        }
    }

    /** The payload with one field renamed, in place (the edit of someone who renamed a Java field). */
    public static Map<String, Object> rename(Map<String, Object> data, String from, String to) {
        Map<String, Object> changed = new LinkedHashMap<>();
        data.forEach((k, v) -> changed.put(k.equals(from) ? to : k, v));
        return changed;
    }

    /** The payload with one field's value replaced when present (a retyped field, a changed enumeration...). */
    public static Map<String, Object> replace(Map<String, Object> data, String field,
                                              UnaryOperator<Object> newValue) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.computeIfPresent(field, (k, v) -> newValue.apply(v));
        return changed;
    }
}
