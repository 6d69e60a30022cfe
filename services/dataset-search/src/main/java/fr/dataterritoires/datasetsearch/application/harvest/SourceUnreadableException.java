package fr.dataterritoires.datasetsearch.application.harvest;

/** A source could not be read: unreachable, an HTTP error, or a body that is not a catalogue at all. */
public class SourceUnreadableException extends RuntimeException {

    public SourceUnreadableException(String message) {
        super(message);
    }

    public SourceUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
