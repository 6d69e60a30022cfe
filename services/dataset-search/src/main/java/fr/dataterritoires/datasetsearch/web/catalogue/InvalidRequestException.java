package fr.dataterritoires.datasetsearch.web.catalogue;

/** A request field refused after Bean Validation (a rule of the domain): answered 400 naming the field. */
class InvalidRequestException extends RuntimeException {

    private final String field;
    private final transient Object rejected;

    InvalidRequestException(String field, String message, Object rejected) {
        super(message);
        this.field = field;
        this.rejected = rejected;
    }

    String field() {
        return field;
    }

    Object rejected() {
        return rejected;
    }
}
