package fr.dataterritoires.platform.events.deadletter;

/**
 * What an operator may see of one dead-lettered message: its identity and why it failed. The
 * payload is never shown (it may hold personal data), only its size.
 *
 * @param eventId CloudEvent id (else the AMQP message id), null if the message has neither
 * @param type CloudEvent type, {@code unknown} when the body is not a readable CloudEvent
 * @param subject CloudEvent subject (the aggregate id), null if absent
 * @param failureReason message of the last failure (header {@code x-dt-failure-reason})
 * @param failureException class of the last failure
 * @param attempts handler attempts before it was dead-lettered (0: not a readable CloudEvent)
 * @param failedAt when it was dead-lettered (ISO-8601)
 * @param originalRoutingKey routing key it arrived with
 * @param payloadBytes size of the body
 * @param replays how many times operators already replayed it
 */
public record DeadLetter(String eventId, String type, String subject, String failureReason, String failureException,
        Integer attempts, String failedAt, String originalRoutingKey, int payloadBytes, int replays) {
}
