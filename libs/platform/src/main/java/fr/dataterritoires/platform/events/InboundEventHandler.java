package fr.dataterritoires.platform.events;

import fr.dataterritoires.contracts.events.CloudEvent;

/**
 * What a consumer does with an event. It runs inside the consumer's database transaction, the
 * same one that records the event id, so its effects happen exactly once. Throwing rolls both
 * back and the event is retried, then dead-lettered.
 */
@FunctionalInterface
public interface InboundEventHandler {
    void handle(CloudEvent event) throws Exception;
}
