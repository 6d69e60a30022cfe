package fr.dataterritoires.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A "service" with up to two inbound routes ({@code test.routes.first}, {@code test.routes.second})
 * bound to {@code test.routes.binding}. The handler records each event in {@code processed} with
 * aggregate_id = {@code <replica>:<queue>}; an event listed in {@link #FAILURES} throws what the
 * function gives for the attempt (1-based), and one whose data has an {@code email} inserts it in
 * {@code person} (unique: a real constraint violation quoting the address).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class InboundRoutesTestApplication {

    /** Handler calls per "queue/event id". */
    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    public static final Map<UUID, IntFunction<RuntimeException>> FAILURES = new ConcurrentHashMap<>();

    @Bean
    @ConditionalOnProperty("test.routes.first")
    InboundEventRoute firstRoute(InboundEvents events, JdbcTemplate jdbc, Environment environment) {
        return route(events, jdbc, environment, environment.getRequiredProperty("test.routes.first"));
    }

    @Bean
    @ConditionalOnProperty("test.routes.second")
    InboundEventRoute secondRoute(InboundEvents events, JdbcTemplate jdbc, Environment environment) {
        return route(events, jdbc, environment, environment.getRequiredProperty("test.routes.second"));
    }

    private static InboundEventRoute route(InboundEvents events, JdbcTemplate jdbc, Environment environment, String queue) {
        String replica = environment.getProperty("test.replica", "a");
        return events.consume(queue, List.of(environment.getRequiredProperty("test.routes.binding")), event -> {
            int attempt = ATTEMPTS.computeIfAbsent(queue + "/" + event.id(), k -> new AtomicInteger()).incrementAndGet();
            IntFunction<RuntimeException> failure = FAILURES.get(event.uuid());
            RuntimeException thrown = failure == null ? null : failure.apply(attempt);
            if (thrown != null) {
                throw thrown;
            }
            if (event.data().has("email")) {
                jdbc.update("INSERT INTO person (email) VALUES (?)", event.data().get("email").asString());
            }
            jdbc.update("INSERT INTO processed (event_id, aggregate_id, seq) VALUES (?, ?, ?)", event.uuid(),
                    replica + ":" + queue, event.data().path("seq").asInt());
        }).maxAttempts(3).backoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(100));
    }
}
