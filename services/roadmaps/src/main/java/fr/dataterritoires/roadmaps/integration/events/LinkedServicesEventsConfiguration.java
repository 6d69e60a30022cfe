package fr.dataterritoires.roadmaps.integration.events;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.platform.events.InboundEvents;
import fr.dataterritoires.roadmaps.application.roadmap.AutomaticProgress;
import fr.dataterritoires.roadmaps.application.roadmap.Awards;

/**
 * Events of the other services that roadmaps acts on, each exactly once per event id (the platform's inbound route:
 * the handler runs in the transaction that records the id), each on a queue of its own with its dead letters in
 * {@code <queue>.dlq}:
 * <ul>
 * <li>{@value #DATASET_QUEUE}: dataset-search's {@code DatasetPublished} and {@code DatasetUpdated} → automatic
 * progress of the items promising the dataset ({@link AutomaticProgress}); {@code DatasetWithdrawn} → the items it had
 * completed go back to in progress;</li>
 * <li>{@value #AWARD_QUEUE}: commons-calls' {@code AwardGranted} → the award in the roadmap's financial section
 * ({@link Awards}). An award naming a roadmap item unknown here is dead-lettered at once (operators look at it:
 * money is never dropped silently).</li>
 * </ul>
 * In tests, queue names are prefixed with the context's {@code dataterritoires.test.namespace}.
 */
@Configuration(proxyBeanMethods = false)
public class LinkedServicesEventsConfiguration {

    static final String DATASET_QUEUE = "roadmaps.dataset-events";
    static final String AWARD_QUEUE = "roadmaps.awards";

    @Bean
    InboundEventRoute datasetEventsRoute(InboundEvents events, AutomaticProgress progress, Environment environment) {
        return events.consume(queue(environment, DATASET_QUEUE),
                List.of(DatasetReport.PUBLISHED, DatasetReport.UPDATED, DatasetReport.WITHDRAWN), event -> {
                    java.time.Instant time = event.time() == null ? java.time.Instant.now() : event.time().toInstant();
                    if (DatasetReport.WITHDRAWN.equals(event.type())) {
                        progress.datasetWithdrawn(DatasetReport.readWithdrawn(event.data()), time, event.type(),
                                event.uuid());
                        return;
                    }
                    DatasetReport report = DatasetReport.read(event.data());
                    progress.datasetReported(report.datasetId(), report.accessLevel(), time, event.type(),
                            event.uuid());
                });
    }

    @Bean
    InboundEventRoute awardsRoute(InboundEvents events, Awards awards, Environment environment) {
        return events.consume(queue(environment, AWARD_QUEUE), List.of(AwardGrantedPayload.TYPE),
                event -> AwardGrantedPayload.read(event.data()).ifPresent(award -> {
                    try {
                        awards.received(award, event.uuid());
                    } catch (Awards.UnknownItem unknown) {
                        throw new InvalidCloudEventException("data.roadmapItem", unknown.getMessage());
                    }
                }));
    }

    private static String queue(Environment environment, String name) {
        String namespace = environment.getProperty("dataterritoires.test.namespace");
        return namespace == null || namespace.isBlank() ? name : namespace + "." + name;
    }
}
