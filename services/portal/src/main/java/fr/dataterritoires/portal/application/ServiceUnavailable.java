package fr.dataterritoires.portal.application;

/** A service did not answer, or answered with a server error: the page says so instead of failing. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, String reason, Throwable cause) {
        super(service + ": " + reason, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
