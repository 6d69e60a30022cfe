package fr.dataterritoires.platform.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.platform.outbox.OutboxPublisher;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * A minimal "service" for the platform's event tests: everything comes from the platform's
 * auto-configuration; with {@code test.consumer.queue} set it also consumes that queue and
 * records each handled event in its table {@code processed} (no unique key on purpose: a
 * duplicate effect would show up as a second row). For the tracing tests it also notes the trace each
 * handling ran in ({@link #TRACES}), logs a line when the event's data has {@code "log": true}, and
 * records a follow-up event through its own outbox when the data has {@code "followUp": true}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EventsTestApplication {

    /** Handler attempts per event id, across all consumers of the JVM. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    /** The trace a handling ran in, per event id: the MDC's trace id (what log lines carry) and the span's parent. */
    public static final Map<UUID, HandlingTrace> TRACES = new ConcurrentHashMap<>();

    public static final String FOLLOW_UP_TYPE = "fr.dataterritoires.outboxtest.ThingFollowedUp.v1";

    public record HandlingTrace(String traceId, String parentSpanId, UUID followUp) {
    }

    private static final Logger log = LoggerFactory.getLogger(EventsTestApplication.class);

    @Bean
    @ConditionalOnProperty("test.consumer.queue")
    RouteBuilder testConsumer(InboundEvents events, JdbcTemplate jdbc, Environment environment,
            ObjectProvider<OutboxPublisher> outbox, ObjectProvider<Tracer> tracer) {
        return events.consume(environment.getRequiredProperty("test.consumer.queue"),
                List.of(environment.getRequiredProperty("test.consumer.binding")), event -> {
                    ATTEMPTS.computeIfAbsent(event.uuid(), id -> new AtomicInteger()).incrementAndGet();
                    if (event.data().path("poison").asBoolean(false)) {
                        throw new IllegalStateException("poison event " + event.id() + " refused by the handler");
                    }
                    jdbc.update("INSERT INTO processed (event_id, aggregate_id, seq) VALUES (?, ?, ?)", event.uuid(),
                            event.subject(), event.data().get("seq").asInt());
                    if (event.data().path("log").asBoolean(false)) {
                        log.info("test handler: thing {} of aggregate {}", event.id(), event.subject());
                    }
                    UUID followUp = event.data().path("followUp").asBoolean(false)
                            ? outbox.getObject().record("Thing", event.subject(), FOLLOW_UP_TYPE,
                                    Map.of("seq", event.data().get("seq").asInt() + 1, "log", true))
                            : null;
                    Span span = tracer.getObject().currentSpan();
                    TRACES.put(event.uuid(), new HandlingTrace(MDC.get("traceId"),
                            span == null ? null : span.context().parentId(), followUp));
                })
                .maxAttempts(3)
                .backoff(java.time.Duration.ofMillis(50), 2.0, java.time.Duration.ofMillis(400));
    }
}
