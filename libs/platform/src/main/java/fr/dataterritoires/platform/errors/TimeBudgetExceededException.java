package fr.dataterritoires.platform.errors;

/**
 * A read (a search, a report) ran past the time budget the service gives it: the caller gets a clear "narrow it
 * down or retry" at once rather than a slow answer. REST 504 {@link ProblemTypes#DELAI_DEPASSE}, gRPC
 * DEADLINE_EXCEEDED. Plain Java: throw it from the application or persistence layer.
 */
public class TimeBudgetExceededException extends RuntimeException implements UserFacingMessage {

    /** @param detail French sentence shown to the user (what to do: retry, narrow the request) */
    public TimeBudgetExceededException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
