package fr.dataterritoires.e2e.security.matrix;

/** The class of answer a caller gets. */
public enum Expected {

    /** Authorization passes: 2xx, or a 4xx about the request itself (400, 404 of a missing sub-resource, 409). */
    ALLOWED("✔", "autorisé"),
    /** The resource exists but is not shown to this caller: 404, as if it did not exist (nothing leaks). */
    HIDDEN("404", "masqué : 404, comme une ressource inexistante"),
    /** No or invalid token: 401 problem+json. */
    UNAUTHENTICATED("401", "non authentifié : 401 problem+json"),
    /** Authenticated but not entitled: 403 problem+json. */
    FORBIDDEN("403", "refusé : 403 problem+json");

    private final String cell;
    private final String meaning;

    Expected(String cell, String meaning) {
        this.cell = cell;
        this.meaning = meaning;
    }

    public String cell() {
        return cell;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether an answer's status is of this class. */
    public boolean matches(int status) {
        return switch (this) {
            case ALLOWED -> status < 500 && status != 401 && status != 403;
            case HIDDEN -> status == 404;
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
        };
    }

    /** A refusal: a 2xx answer to it is an unauthorized success. */
    public boolean refuses() {
        return this != ALLOWED;
    }
}
