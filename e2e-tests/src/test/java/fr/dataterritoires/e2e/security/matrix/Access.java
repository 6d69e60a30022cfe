package fr.dataterritoires.e2e.security.matrix;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The expected answer of every {@link Caller} for one endpoint, built from a rule and its exceptions, e.g.
 * {@code Access.only(COORDINATOR, COMMITTEE).hiding(...)}.
 */
public final class Access {

    private final EnumMap<Caller, Expected> answers = new EnumMap<>(Caller.class);
    private boolean atFilter;

    private Access(Expected anonymous, Expected others) {
        for (Caller c : Caller.values()) {
            answers.put(c, c == Caller.ANONYMOUS ? anonymous : others);
        }
    }

    /** Published data: everyone, anonymous included. */
    public static Access open() {
        return new Access(Expected.ALLOWED, Expected.ALLOWED);
    }

    /** Any signed-in caller; anonymous gets 401. */
    public static Access signedIn() {
        return new Access(Expected.UNAUTHENTICATED, Expected.ALLOWED);
    }

    /** These callers; any other signed-in caller gets 403, anonymous 401. */
    public static Access only(Caller... allowed) {
        return new Access(Expected.UNAUTHENTICATED, Expected.FORBIDDEN).with(Expected.ALLOWED, allowed);
    }

    /** A resource only these callers see: the others, anonymous included, get the 404 of a missing one. */
    public static Access visibleTo(Caller... allowed) {
        return new Access(Expected.HIDDEN, Expected.HIDDEN).with(Expected.ALLOWED, allowed);
    }

    /** These callers get {@code expected} instead. */
    public Access with(Expected expected, Caller... callers) {
        for (Caller c : callers) {
            answers.put(c, expected);
        }
        return this;
    }

    /** Callers that do not see the resource get its 404 rather than a 403. */
    public Access hiddenFrom(Caller... callers) {
        return with(Expected.HIDDEN, callers);
    }

    /** Callers that see the resource but may not act on it. */
    public Access forbidden(Caller... callers) {
        return with(Expected.FORBIDDEN, callers);
    }

    /** The anonymous caller of a path the security filter does not open: 401 before anything else. */
    public Access anonymousUnauthenticated() {
        return with(Expected.UNAUTHENTICATED, Caller.ANONYMOUS);
    }

    /**
     * Every answer is decided by the security filter (the service's {@code *ApiRules}), before the request's body or
     * resource is read: the walk checks it without a valid body or a real resource.
     */
    public Access atFilter() {
        this.atFilter = true;
        return this;
    }

    public boolean decidedAtFilter() {
        return atFilter;
    }

    public Expected of(Caller caller) {
        return answers.get(caller);
    }

    public Map<Caller, Expected> answers() {
        return Collections.unmodifiableMap(answers);
    }
}
