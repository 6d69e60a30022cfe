package fr.dataterritoires.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.events.EventsTestApplication;
import fr.dataterritoires.platform.events.EventsTestApplication.HandlingTrace;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace of a request follows the events it causes (ADR 0016), over real PostgreSQL and RabbitMQ: the outbox keeps
 * the trace context an event is written in, the relay puts it on the message (W3C {@code traceparent} AMQP property
 * and CloudEvents extension attribute), the consumer handles it in a span of that trace (its log lines carry the trace
 * id) and the events its handler writes carry the trace on. Events without trace context start a trace of their own.
 *
 * <p>The producer's "request" is a server span continuing a caller's {@code traceparent} through the application's
 * own tracer and propagator, exactly what its HTTP observation does (HTTP itself: {@code ObservabilityTest}).
 */
@ExtendWith(OutputCaptureExtension.class)
class EventTraceContextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventsHarness harness;
    private ConfigurableApplicationContext producer;
    private ConfigurableApplicationContext consumer;
    /** Every message of the test exchange, as published (a queue of the test's own beside the consumer's). */
    private Queue observer;

    @BeforeEach
    void setUp() throws Exception {
        EventsTestApplication.TRACES.clear();
        harness = new EventsHarness();
        consumer = harness.consumer(harness.amqp.port());
        producer = harness.producer("producer", 4, harness.amqp.port());
        RabbitAdmin admin = new RabbitAdmin(harness.directConnection);
        // not auto-delete: each receive() subscribes and cancels; deleted in tearDown
        observer = new Queue("dt-test-trace-observer-" + harness.suffix, false, false, false);
        admin.declareQueue(observer);
        // the exchange exists: the consumer declared it with the platform's topology
        admin.declareBinding(BindingBuilder.bind(observer).to(new TopicExchange(harness.exchange)).with(EventsHarness.BINDING));
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            new RabbitAdmin(harness.directConnection).deleteQueue(observer.getName());
            harness.close();
        }
    }

    @Test
    void anEventWrittenInATracedRequestIsHandledInItsTraceAndItsFollowUpCarriesTheTraceOn(CapturedOutput output) {
        String traceId = hex(16);
        String callerSpan = hex(8);

        // a request continuing the caller's trace writes an event whose handler records a follow-up
        String[] requestSpan = new String[1];
        UUID event = inRequest(traceId, callerSpan, "dt=test", () -> {
            requestSpan[0] = producer.getBean(Tracer.class).currentSpan().context().spanId();
            return record(Map.of("seq", 1, "log", true, "followUp", true));
        });

        // stored with the request's context
        Map<String, Object> row = producer.getBean(JdbcTemplate.class)
                .queryForMap("SELECT trace_parent, trace_state FROM outbox_event WHERE event_id = ?", event);
        assertThat(row.get("trace_parent")).isEqualTo("00-" + traceId + "-" + requestSpan[0] + "-01");
        assertThat(row.get("trace_state")).isEqualTo("dt=test");

        // on the message: W3C trace context as AMQP application properties, and the CloudEvents extension attributes
        Message published = receive(event);
        MessageProperties properties = published.getMessageProperties();
        assertThat(properties.<Object>getHeader("traceparent")).hasToString(row.get("trace_parent").toString());
        assertThat(properties.<Object>getHeader("tracestate")).hasToString("dt=test");
        JsonNode structured = JSON.readTree(published.getBody());
        assertThat(structured.path("traceparent").asString()).isEqualTo(row.get("trace_parent"));
        assertThat(structured.path("tracestate").asString()).isEqualTo("dt=test");
        CloudEvent parsed = CloudEvents.parse(published.getBody());
        assertThat(parsed.id()).isEqualTo(event.toString());

        // handled in a span whose parent is the event's context: the handler's log lines carry the trace id
        HandlingTrace handled = handled(event);
        assertThat(handled.traceId()).isEqualTo(traceId);
        assertThat(handled.parentSpanId()).isEqualTo(requestSpan[0]);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jsonLines(output, traceId)).anySatisfy(line -> assertThat(line.path("message").asString())
                    .isEqualTo("test handler: thing " + event + " of aggregate thing-1"));
            assertThat(jsonLines(output, traceId)).anySatisfy(line -> assertThat(line.path("message").asString())
                    .contains("event " + event + " (" + EventsHarness.TYPE + ")").endsWith(" handled"));
            // the request's commit said which events it recorded, in the same trace
            assertThat(jsonLines(output, traceId)).anySatisfy(line -> assertThat(line.path("message").asString())
                    .isEqualTo("1 event(s) recorded for publication: " + EventsHarness.TYPE + " " + event));
        });

        // the follow-up the handler wrote carries the trace on, from the consumer's span
        UUID followUp = handled.followUp();
        assertThat(followUp).isNotNull();
        Message next = receive(followUp);
        String followUpParent = next.getMessageProperties().<Object>getHeader("traceparent").toString();
        assertThat(followUpParent).startsWith("00-" + traceId + "-").doesNotContain(requestSpan[0]);
        assertThat(JSON.readTree(next.getBody()).path("traceparent").asString()).isEqualTo(followUpParent);
        HandlingTrace handledFollowUp = handled(followUp);
        assertThat(handledFollowUp.traceId()).isEqualTo(traceId);
        assertThat(handledFollowUp.parentSpanId()).isEqualTo(followUpParent.substring(36, 52));
    }

    @Test
    void anEventWrittenOutsideAnyTraceStartsOneWhereItIsHandled() {
        UUID event = transaction(() -> record(Map.of("seq", 1)));

        assertThat(producer.getBean(JdbcTemplate.class).queryForObject(
                "SELECT trace_parent FROM outbox_event WHERE event_id = ?", String.class, event)).isNull();
        Message published = receive(event);
        assertThat(published.getMessageProperties().getHeaders()).doesNotContainKeys("traceparent", "tracestate");
        assertThat(JSON.readTree(published.getBody()).has("traceparent")).isFalse();
        HandlingTrace handled = handled(event);
        assertThat(handled.traceId()).matches("[0-9a-f]{32}");
        assertThat(handled.parentSpanId()).isNull();
    }

    @Test
    void theConsumerFallsBackOnTheExtensionAttributeAndIgnoresAMalformedContext() {
        String traceId = hex(16);
        String parentSpan = hex(8);
        UUID fromBody = UUID.randomUUID();
        UUID malformed = UUID.randomUUID();

        // a forwarder that dropped the AMQP properties but kept the structured event
        publish(fromBody, "00-" + traceId + "-" + parentSpan + "-01", null);
        // a producer that sends garbage: the event is still handled, in a trace of its own
        publish(malformed, null, "not-a-trace-context");

        HandlingTrace continued = handled(fromBody);
        assertThat(continued.traceId()).isEqualTo(traceId);
        assertThat(continued.parentSpanId()).isEqualTo(parentSpan);
        HandlingTrace fresh = handled(malformed);
        assertThat(fresh.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
        assertThat(fresh.parentSpanId()).isNull();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Runs {@code work} in a transaction inside a server span continuing the caller's trace, as a request would. */
    private <T> T inRequest(String traceId, String callerSpan, String tracestate, Supplier<T> work) {
        Tracer tracer = producer.getBean(Tracer.class);
        Propagator propagator = producer.getBean(Propagator.class);
        Span span = propagator.extract(Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01",
                "tracestate", tracestate), Map::get).name("POST /api/things").kind(Span.Kind.SERVER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return transaction(work);
        } finally {
            span.end();
        }
    }

    private <T> T transaction(Supplier<T> work) {
        return new TransactionTemplate(producer.getBean(PlatformTransactionManager.class)).execute(status -> work.get());
    }

    private UUID record(Map<String, Object> payload) {
        return producer.getBean(OutboxPublisher.class).record("Thing", "thing-1", EventsHarness.TYPE, payload);
    }

    /** Publishes a structured CloudEvent directly, with the extension attribute and/or the AMQP property given. */
    private void publish(UUID id, String extensionTraceparent, String headerTraceparent) {
        StringBuilder json = new StringBuilder("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/dataterritoires/test\","
                + "\"type\":\"" + EventsHarness.TYPE + "\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"thing-9\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"seq\":1}");
        if (extensionTraceparent != null) {
            json.append(",\"traceparent\":\"").append(extensionTraceparent).append('"');
        }
        json.append('}');
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CloudEvent.STRUCTURED_CONTENT_TYPE);
        properties.setMessageId(id.toString());
        properties.setType(EventsHarness.TYPE);
        if (headerTraceparent != null) {
            properties.setHeader("traceparent", headerTraceparent);
        }
        harness.direct.send(harness.exchange, EventsHarness.TYPE,
                new Message(json.toString().getBytes(StandardCharsets.UTF_8), properties));
    }

    /** The message of that event id among those the observer queue received (others are kept for later calls). */
    private final List<Message> seen = new ArrayList<>();

    private Message receive(UUID eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : seen) {
                if (eventId.toString().equals(m.getMessageProperties().getMessageId())) {
                    return m;
                }
            }
            Message m = harness.direct.receive(observer.getName(), 500);
            if (m != null) {
                seen.add(m);
            }
        }
        throw new AssertionError("event " + eventId + " was not published within 30 s");
    }

    private static HandlingTrace handled(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> EventsTestApplication.TRACES.containsKey(eventId));
        return EventsTestApplication.TRACES.get(eventId);
    }

    private static List<JsonNode> jsonLines(CapturedOutput output, String traceId) {
        return output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(traceId))
                .map(line -> (JsonNode) JSON.readTree(line))
                .filter(line -> traceId.equals(line.path("traceId").asString()))
                .toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
