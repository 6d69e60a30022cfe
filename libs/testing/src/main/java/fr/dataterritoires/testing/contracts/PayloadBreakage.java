package fr.dataterritoires.testing.contracts;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that a provider's pact verification catches a careless edit of what it sends (docs/adr/0015): a provider
 * test declares its verification as a nested class run only through JUnit's test kit; {@link #verify} runs it with a
 * given change and answers the outcome of each interaction. Message verifications pass every payload their
 * {@code @PactVerifyProvider} methods build through {@link #change()}; HTTP verifications ({@link HttpPactVerification})
 * pass every JSON object of the real service's answers through it ({@link #changeJson}). The one harness for every
 * provider's breakage tests.
 */
public final class PayloadBreakage {

    private static final UnaryOperator<Map<String, Object>> NONE = UnaryOperator.identity();
    private static final AtomicReference<UnaryOperator<Map<String, Object>>> CHANGE = new AtomicReference<>(NONE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            CHANGE.set(NONE);
        }
    }

    /** Whether a change applies (only inside {@link #verify}). */
    public static boolean changing() {
        return CHANGE.get() != NONE;
    }

    /**
     * A JSON document (an HTTP answer) with {@link #change()} applied to each of its objects, the nested ones first:
     * a field renamed or retyped wherever the answer has it, as an edit of a shared response type would do.
     */
    public static byte[] changeJson(byte[] document) {
        return JSON.writeValueAsBytes(changeEverywhere(JSON.readValue(document, Object.class)));
    }

    @SuppressWarnings("unchecked")
    private static Object changeEverywhere(Object value) {
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> changed = new LinkedHashMap<>();
            ((Map<String, Object>) object).forEach((k, v) -> changed.put(k, changeEverywhere(v)));
            return change().apply(changed);
        }
        if (value instanceof List<?> array) {
            return array.stream().map(PayloadBreakage::changeEverywhere).toList();
        }
        return value;
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
