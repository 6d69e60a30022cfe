package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them (microseconds), so that what is returned equals what is read back. */
final class Clocks {

    private Clocks() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
