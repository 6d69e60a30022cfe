package fr.dataterritoires.exchanges.application;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters of the service ({@code /actuator/prometheus}): applications, placements opened, completed and
 * cancelled, acceptances refused because the offer was full (the waiting list grows), trainings completed, persons
 * erased. Counts only, never a person.
 */
@Component
public class ExchangesMetrics {

    private final Counter applications;
    private final Counter opened;
    private final Counter completed;
    private final Counter cancelled;
    private final Counter full;
    private final Counter trainings;
    private final Counter erased;

    public ExchangesMetrics(MeterRegistry meters) {
        applications = Counter.builder("dt.exchanges.applications").description("Applications submitted")
                .register(meters);
        opened = Counter.builder("dt.exchanges.placements.opened").description("Applications accepted by a host")
                .register(meters);
        completed = Counter.builder("dt.exchanges.placements.completed").description("Exchanges completed")
                .register(meters);
        cancelled = Counter.builder("dt.exchanges.placements.cancelled").description("Exchanges cancelled")
                .register(meters);
        full = Counter.builder("dt.exchanges.acceptances.full")
                .description("Acceptances refused because the offer was full (application waitlisted)")
                .register(meters);
        trainings = Counter.builder("dt.exchanges.trainings.completed").description("Training completions recorded")
                .register(meters);
        erased = Counter.builder("dt.exchanges.persons.erased")
                .description("Persons whose personal data was erased (request or retention)").register(meters);
    }

    void applicationSubmitted() { applications.increment(); }
    void placementOpened() { opened.increment(); }
    void placementCompleted() { completed.increment(); }
    void placementCancelled() { cancelled.increment(); }
    void acceptanceRefusedFull() { full.increment(); }
    void trainingCompleted() { trainings.increment(); }
    void personsErased(int n) { erased.increment(n); }
}
