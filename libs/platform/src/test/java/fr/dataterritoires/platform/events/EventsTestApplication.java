package fr.dataterritoires.platform.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A minimal "service" for the platform's event tests: everything comes from the platform's
 * auto-configuration; with {@code test.consumer.queue} set it also consumes that queue and
 * records each handled event in its table {@code processed} (no unique key on purpose: a
 * duplicate effect would show up as a second row).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EventsTestApplication {

    /** Handler attempts per event id, across all consumers of the JVM. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    @ConditionalOnProperty("test.consumer.queue")
    RouteBuilder testConsumer(InboundEvents events, JdbcTemplate jdbc, Environment environment) {
        return events.consume(environment.getRequiredProperty("test.consumer.queue"),
                List.of(environment.getRequiredProperty("test.consumer.binding")), event -> {
                    ATTEMPTS.computeIfAbsent(event.uuid(), id -> new AtomicInteger()).incrementAndGet();
                    if (event.data().path("poison").asBoolean(false)) {
                        throw new IllegalStateException("poison event " + event.id() + " refused by the handler");
                    }
                    jdbc.update("INSERT INTO processed (event_id, aggregate_id, seq) VALUES (?, ?, ?)", event.uuid(),
                            event.subject(), event.data().get("seq").asInt());
                })
                .maxAttempts(3)
                .backoff(java.time.Duration.ofMillis(50), 2.0, java.time.Duration.ofMillis(400));
    }
}
