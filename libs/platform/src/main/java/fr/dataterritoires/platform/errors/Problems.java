package fr.dataterritoires.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the suite's problem details: stable type, French title, request path as instance. */
public final class Problems {

    /** Extension member listing {@link FieldViolation}s. */
    public static final String ERRORS = "errors";
    /** Extension member carrying the identifier logged with a 500, to quote to support. */
    public static final String ERROR_ID = "errorId";

    private Problems() {
    }

    public static ProblemDetail create(HttpStatusCode status, String type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(ProblemTypes.title(type));
        URI instance = instance(request);
        if (instance != null) {
            problem.setInstance(instance);
        }
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldViolation> errors) {
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** A 500 with a generic French message and a fresh error id (the caller logs the cause with it). */
    public static ProblemDetail internal(HttpStatusCode status, String errorId, HttpServletRequest request) {
        ProblemDetail problem = create(status, ProblemTypes.ERREUR_INTERNE,
                "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant "
                        + errorId + " au support.",
                request);
        problem.setProperty(ERROR_ID, errorId);
        return problem;
    }

    public static String newErrorId() {
        return UUID.randomUUID().toString();
    }

    /** The path of the original request, also on an error dispatch. */
    static URI instance(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String s ? s : request.getRequestURI();
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
