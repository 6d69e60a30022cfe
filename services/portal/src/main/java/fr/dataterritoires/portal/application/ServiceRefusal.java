package fr.dataterritoires.portal.application;

import java.util.Map;

/**
 * A service refused a call (4xx problem+json): its status, French title and detail, and the refusals per field
 * (from the problem's {@code errors}, or the field a business rule names), for the form to show next to each field.
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    public ServiceRefusal(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
