package fr.dataterritoires.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace context of events (ADR 0016): captured where an event is written ({@link #current()}, stored with the
 * outbox row), carried on the message (AMQP application properties {@value #TRACEPARENT} and {@value #TRACESTATE},
 * and the CloudEvents distributed-tracing extension attributes of the same names), continued where it is handled
 * ({@link #continueTrace}: a consumer span whose parent is the event's context, so the handler's log lines carry the
 * same {@code traceId} and the events it writes carry the trace on).
 *
 * <p>Built on the application's tracer and propagator (W3C, {@code management.tracing.propagation}); without them
 * ({@link #NONE}, tracing switched off) nothing is captured and handlers run without a span of their own.
 */
public final class EventTracing {

    /** W3C trace context: the AMQP application property and the CloudEvents extension attribute. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** W3C Trace Context: platforms may drop a tracestate longer than this rather than pass it on. */
    static final int MAX_TRACESTATE = 512;

    /** version-traceid-parentid-flags; later versions may append fields, which are kept as they are. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-[^\\s]*)?");

    /** No tracing: nothing captured, nothing continued. */
    public static final EventTracing NONE = new EventTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The application's tracer and propagator if it has them, else {@link #NONE}. */
    public static EventTracing of(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? NONE : new EventTracing(t, p);
    }

    /** A W3C trace context as carried by an event: {@code traceparent} and, when there is one, {@code tracestate}. */
    public record Context(String traceparent, String tracestate) {

        /** The context, or null when {@code traceparent} is missing or malformed (the event then starts a trace). */
        public static Context of(String traceparent, String tracestate) {
            if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent.strip()).matches()
                    || traceparent.startsWith("ff")) {
                return null;
            }
            String state = tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE ? null
                    : tracestate.strip();
            return new Context(traceparent.strip(), state);
        }

        /** The 32 hexadecimal digits of the trace id. */
        public String traceId() {
            return traceparent.substring(3, 35);
        }
    }

    /** The context of the current span (a request's, a consumer's), or null outside any trace. */
    public Context current() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Context.of(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * Runs {@code work} in a consumer span named {@code name}, child of {@code parent} (a new trace when null), and
     * in scope: log lines written meanwhile carry its trace and span ids, events recorded meanwhile its context.
     */
    public <T> T continueTrace(Context parent, String name, Map<String, String> tags, Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Span.Builder builder;
        if (parent != null) {
            Map<String, String> carrier = new LinkedHashMap<>();
            carrier.put(TRACEPARENT, parent.traceparent());
            if (parent.tracestate() != null) {
                carrier.put(TRACESTATE, parent.tracestate());
            }
            builder = propagator.extract(carrier, Map::get);
        } else {
            builder = tracer.spanBuilder().setNoParent();
        }
        builder.name(name).kind(Span.Kind.CONSUMER);
        tags.forEach((key, value) -> {
            if (value != null) {
                builder.tag(key, value);
            }
        });
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
