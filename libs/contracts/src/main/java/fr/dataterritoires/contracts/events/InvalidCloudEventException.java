package fr.dataterritoires.contracts.events;

/** A message that is not a CloudEvent the suite accepts: never worth retrying. */
public class InvalidCloudEventException extends RuntimeException {

    private final String attribute;

    public InvalidCloudEventException(String attribute, String message) {
        super(attribute + " " + message);
        this.attribute = attribute;
    }

    public InvalidCloudEventException(String message, Throwable cause) {
        super(message, cause);
        this.attribute = null;
    }

    /** The offending attribute, or null when the message is not even JSON. */
    public String attribute() {
        return attribute;
    }
}
