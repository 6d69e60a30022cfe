package fr.dataterritoires.platform.events.deadletter;

import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.security.access.AccessDeniedException;

import fr.dataterritoires.platform.security.Role;

/**
 * Actuator endpoint {@code deadletters} over {@link DeadLetters}. Not exposed by default: an
 * environment adds it to {@code management.endpoints.web.exposure.include}. Once exposed it is
 * reserved to {@link #REQUIRED_ROLE}, both by the platform's request rules and here, so that a
 * service replacing the security filter chain does not open it by accident.
 *
 * <ul>
 * <li>{@code GET /actuator/deadletters}: depth of every DLQ of the service;</li>
 * <li>{@code GET /actuator/deadletters/{queue}?limit=N}: the first N dead letters (no payload);</li>
 * <li>{@code POST /actuator/deadletters/{queue}} with {@code {"limit": N}} or
 * {@code {"eventId": "..."}}: replay to the queue;</li>
 * <li>{@code DELETE /actuator/deadletters/{queue}/{eventId}}: discard one.</li>
 * </ul>
 */
@Endpoint(id = DeadLettersEndpoint.ID)
public class DeadLettersEndpoint {

    public static final String ID = "deadletters";

    /** The suite has no operator role: dead letters are the national coordination's business. */
    public static final Role REQUIRED_ROLE = Role.NATIONAL_COORDINATOR;

    static final int DEFAULT_PEEK = 20;

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Response of the summary. */
    public record Summary(List<DeadLetters.QueueSummary> queues, long total) {
    }

    /** Response of a peek. */
    public record Peek(String queue, String deadLetterQueue, long pending, List<DeadLetter> messages) {
    }

    /** Response of a replay or a discard. */
    public record Result(String queue, String action, int count, List<DeadLetter> messages) {
    }

    @ReadOperation
    public Summary summary(SecurityContext security) {
        authorize(security);
        List<DeadLetters.QueueSummary> queues = deadLetters.summary();
        long total = queues.stream().mapToLong(q -> q.pending() == null ? 0 : q.pending()).sum();
        return new Summary(queues, total);
    }

    @ReadOperation
    public Peek peek(SecurityContext security, @Selector String queue, @Nullable Integer limit) {
        authorize(security);
        int n = limit == null ? DEFAULT_PEEK : positive(limit, "limit");
        String route = deadLetters.route(queue);
        List<DeadLetter> messages = deadLetters.peek(route, n);
        return new Peek(route, DeadLetters.deadLetterQueue(route), deadLetters.count(route), messages);
    }

    @WriteOperation
    public Result replay(SecurityContext security, @Selector String queue, @Nullable Integer limit,
            @Nullable String eventId) {
        String actor = authorize(security);
        boolean byId = eventId != null && !eventId.isBlank();
        if (byId == (limit != null)) {
            throw new InvalidEndpointRequestException("give either limit or eventId",
                    "Indiquez soit « limit » (nombre de messages à rejouer), soit « eventId » (un événement précis).");
        }
        DeadLetters.Outcome outcome = byId ? deadLetters.replay(queue, eventId, actor)
                : deadLetters.replay(queue, positive(limit, "limit"), actor);
        return new Result(outcome.queue(), "replayed", outcome.count(), outcome.messages());
    }

    @DeleteOperation
    public Result discard(SecurityContext security, @Selector String queue, @Selector String eventId) {
        String actor = authorize(security);
        DeadLetters.Outcome outcome = deadLetters.discard(queue, eventId, actor);
        return new Result(outcome.queue(), "discarded", outcome.count(), outcome.messages());
    }

    /** The actor's subject, if it holds the required role. */
    private static String authorize(SecurityContext security) {
        Principal principal = security == null ? null : security.getPrincipal();
        if (principal == null || !security.isUserInRole(REQUIRED_ROLE.name())) {
            throw new AccessDeniedException("Les files de rebut sont réservées à la coordination nationale.");
        }
        return principal.getName();
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new InvalidEndpointRequestException(name + " must be at least 1", "« " + name + " » doit valoir au moins 1.");
        }
        return value;
    }
}
