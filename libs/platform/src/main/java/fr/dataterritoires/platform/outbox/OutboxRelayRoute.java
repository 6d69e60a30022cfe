package fr.dataterritoires.platform.outbox;

import org.apache.camel.builder.RouteBuilder;

/**
 * Camel routes of the outbox: {@value #RELAY_ROUTE_ID} ticks the relay (each idle tick waits up to the wake-up check
 * for a commit's wake-up, a database poll every poll interval), {@value #CLEANUP_ROUTE_ID} deletes
 * published rows past their retention. Stop and start them through the route controller, e.g.
 * {@code camelContext.getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE_ID)}.
 */
public class OutboxRelayRoute extends RouteBuilder {

    public static final String RELAY_ROUTE_ID = "dt-outbox-relay";
    public static final String CLEANUP_ROUTE_ID = "dt-outbox-cleanup";

    private final OutboxRelay relay;
    private final OutboxProperties properties;

    public OutboxRelayRoute(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // the relay handles its own failures (backoff); a tick never throws. An idle tick itself waits up to the
        // wake-up check for a commit's wake-up, so the timer fires again 1 ms after each tick.
        from("timer:dt-outbox-relay?period=1")
                .routeId(RELAY_ROUTE_ID)
                .autoStartup(properties.getRelay().isAutoStartup())
                .process(exchange -> relay.tick(() -> exchange.getContext().isStopping()));

        from("timer:dt-outbox-cleanup?delay=60000&period=" + properties.getCleanup().getInterval().toMillis())
                .routeId(CLEANUP_ROUTE_ID)
                .process(exchange -> relay.cleanup(properties.getCleanup().getRetention()));
    }
}
