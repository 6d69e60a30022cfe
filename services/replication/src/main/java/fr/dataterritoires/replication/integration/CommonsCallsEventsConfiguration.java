package fr.dataterritoires.replication.integration;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import fr.dataterritoires.contracts.events.InvalidCloudEventException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.events.InboundEventRoute;
import fr.dataterritoires.platform.events.InboundEvents;
import fr.dataterritoires.replication.application.AwardIntake;

/**
 * commons-calls' events that replication acts on, each exactly once per event id (the platform's inbound route: the
 * handler runs in the transaction that records the id), on the queue {@value #QUEUE} (dead letters in
 * {@code <queue>.dlq}):
 * <ul>
 * <li>{@code AwardGranted} with a commons → the initiative tracking it is created or updated, the award a support
 * received;</li>
 * <li>{@code PreciputAllocated} for REPLICATION_SUPPORT → a support received by the initiative named. An initiative
 * unknown here is dead-lettered at once (operators look at it: money is never dropped silently).</li>
 * </ul>
 * In tests, queue names are prefixed with the context's {@code dataterritoires.test.namespace}.
 */
@Configuration(proxyBeanMethods = false)
public class CommonsCallsEventsConfiguration {

    static final String QUEUE = "replication.commons-calls";

    @Bean
    InboundEventRoute commonsCallsRoute(InboundEvents events, AwardIntake intake, Environment environment) {
        return events.consume(queue(environment, QUEUE),
                List.of(CommonsCallsPayloads.AWARD_GRANTED, CommonsCallsPayloads.PRECIPUT_ALLOCATED), event -> {
                    if (CommonsCallsPayloads.AWARD_GRANTED.equals(event.type())) {
                        CommonsCallsPayloads.award(event.data()).ifPresent(a -> {
                            try {
                                intake.awardGranted(a, event.uuid());
                            } catch (RuleViolation refused) {
                                // what the award says breaks a rule of the registry (too many labels...): it never
                                // will succeed, so it is dead-lettered at once rather than retried
                                throw new InvalidCloudEventException(refused.field() == null ? "data"
                                        : "data." + refused.field(), refused.getMessage());
                            }
                        });
                    } else {
                        CommonsCallsPayloads.allocation(event.data()).ifPresent(a -> {
                            if (!intake.preciputAllocated(a, event.uuid())) {
                                throw new InvalidCloudEventException("data.initiativeId", "names no initiative of the "
                                        + "registry: " + a.initiativeId());
                            }
                        });
                    }
                });
    }

    private static String queue(Environment environment, String name) {
        String namespace = environment.getProperty("dataterritoires.test.namespace");
        return namespace == null || namespace.isBlank() ? name : namespace + "." + name;
    }
}
