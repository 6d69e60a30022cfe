package fr.dataterritoires.platform.events;

import io.micrometer.core.instrument.MeterRegistry;

/** Per-type counters of inbound events: dt.events.received, processed, duplicate, dead_lettered. */
public class EventMetrics {

    public static final String RECEIVED = "dt.events.received";
    public static final String PROCESSED = "dt.events.processed";
    public static final String DUPLICATE = "dt.events.duplicate";
    public static final String DEAD_LETTERED = "dt.events.dead_lettered";
    /** Tag value when the message is not a readable CloudEvent. */
    public static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry meters;

    public EventMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void received(String type) {
        increment(RECEIVED, type);
    }

    public void processed(String type) {
        increment(PROCESSED, type);
    }

    public void duplicate(String type) {
        increment(DUPLICATE, type);
    }

    public void deadLettered(String type) {
        increment(DEAD_LETTERED, type);
    }

    private void increment(String name, String type) {
        meters.counter(name, "type", type == null ? UNKNOWN_TYPE : type).increment();
    }

    public MeterRegistry registry() {
        return meters;
    }
}
