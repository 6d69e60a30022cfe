package fr.dataterritoires.platform.errors;

/** The request conflicts with the current state of the resource (duplicate, stale version...): 409. */
public class ConflictException extends RuntimeException {

    /** @param detail French sentence shown to the user. */
    public ConflictException(String detail) {
        super(detail);
    }
}
