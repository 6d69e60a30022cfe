package fr.dataterritoires.datasetsearch.integration.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import fr.dataterritoires.datasetsearch.application.demand.AccessRequestService;
import fr.dataterritoires.datasetsearch.application.demand.PriorityDeclarationService;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.platform.events.InboundEvents;

/**
 * Demand's Camel routes: priority declarations from roadmaps (exactly once per event id, through the platform's
 * inbound route), and the periodic job that records implicit refusals of unanswered access requests and links
 * declarations to datasets harvested since.
 */
@Configuration(proxyBeanMethods = false)
public class DemandEventsConfiguration {

    /** Default queue of this service for the declarations. */
    static final String QUEUE = "dataset-search.priority-datasets";

    /**
     * The queue is {@code dataterritoires.demand.priority-queue}, else {@value #QUEUE}, prefixed in tests by the
     * context's namespace ({@code dataterritoires.test.namespace}) so that test contexts sharing a broker never
     * consume each other's events.
     */
    @Bean
    InboundEventRoute priorityDatasetDeclaredRoute(InboundEvents events, PriorityDeclarationService declarations,
                                                   Environment environment) {
        String queue = environment.getProperty("dataterritoires.demand.priority-queue");
        if (queue == null || queue.isBlank()) {
            String namespace = environment.getProperty("dataterritoires.test.namespace");
            queue = namespace == null || namespace.isBlank() ? QUEUE : namespace + "." + QUEUE;
        }
        return events.consume(queue, List.of(PriorityDatasetDeclaredPayload.TYPE), event -> declarations.declare(
                PriorityDatasetDeclaredPayload.read(event.data()), event.uuid(), event.time().toInstant(),
                event.source()));
    }

    /**
     * Implicit refusals, erasure of requesters' personal data past its retention, and priority declarations waiting
     * for their dataset. Hourly by default, first run one period after start-up: a request is overdue from the day after its deadline,
     * so an hour's delay in recording the implicit refusal changes nothing for anyone. Each replica may run it: rows
     * are locked with SKIP LOCKED. Batches of 500 requests, each in its own transaction, until none is left.
     */
    @Bean
    RouteBuilder demandScheduleRoute(AccessRequestService requests, PriorityDeclarationService declarations,
            ObjectProvider<Clock> clock,
            @Value("${dataterritoires.demand.schedule.period:1h}") String period,
            @Value("${dataterritoires.demand.schedule.initial-delay:${dataterritoires.demand.schedule.period:1h}}")
            String initialDelay,
            @Value("${dataterritoires.demand.schedule.enabled:true}") boolean enabled) {
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:dt-demand-schedule?delay=" + initialDelay + "&period=" + period)
                        .routeId("dt-demand-schedule")
                        .autoStartup(enabled)
                        .process(exchange -> {
                            Instant at = now.instant();
                            int refused = 0;
                            for (int batch = requests.refuseOverdue(at); batch > 0; batch = requests.refuseOverdue(at)) {
                                refused += batch;
                            }
                            exchange.getIn().setHeader("implicitRefusals", refused);
                            int erased = 0;
                            for (int batch = requests.eraseExpiredRequesters(at); batch > 0;
                                 batch = requests.eraseExpiredRequesters(at)) {
                                erased += batch;
                            }
                            exchange.getIn().setHeader("requestersErased", erased);
                            exchange.getIn().setHeader("declarationsLinked", declarations.resolvePending(500));
                        });
            }
        };
    }
}
