package fr.dataterritoires.platform.events.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.platform.events.InboundEvents;

/**
 * A web "service" with one inbound route whose handler refuses the events listed in
 * {@link #FAILING} (as if a reference it needs were missing) and records the others in its table
 * {@code processed} (no unique key: a second effect would show as a second row).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DeadLettersTestApplication {

    /** Events the handler refuses until they are removed from the set ("the flag is flipped"). */
    public static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();

    @Bean
    @ConditionalOnProperty("test.consumer.queue")
    RouteBuilder deadLettersTestConsumer(InboundEvents events, JdbcTemplate jdbc, Environment environment) {
        return events.consume(environment.getRequiredProperty("test.consumer.queue"),
                List.of(environment.getRequiredProperty("test.consumer.binding")), event -> {
                    if (FAILING.contains(event.uuid())) {
                        throw new IllegalStateException("référentiel indisponible pour l'événement " + event.id());
                    }
                    jdbc.update("INSERT INTO processed (event_id, aggregate_id, seq) VALUES (?, ?, ?)", event.uuid(),
                            event.subject(), event.data().get("seq").asInt());
                })
                .maxAttempts(3)
                .backoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(100));
    }
}
