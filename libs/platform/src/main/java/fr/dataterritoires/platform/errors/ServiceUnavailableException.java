package fr.dataterritoires.platform.errors;

/**
 * A dependency the request needs cannot be reached (search node down, index missing...): REST 503
 * {@link ProblemTypes#SERVICE_INDISPONIBLE}, gRPC UNAVAILABLE (which callers may retry), not an unexpected failure.
 */
public class ServiceUnavailableException extends RuntimeException implements UserFacingMessage {

    /** @param detail French sentence shown to the user */
    public ServiceUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
