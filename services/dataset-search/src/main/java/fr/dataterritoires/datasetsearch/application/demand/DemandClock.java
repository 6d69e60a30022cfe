package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Now" for the demand use cases: the application's {@link Clock} bean when there is one, else the system's. */
@Component
public class DemandClock {

    private final Clock clock;

    public DemandClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant();
    }
}
