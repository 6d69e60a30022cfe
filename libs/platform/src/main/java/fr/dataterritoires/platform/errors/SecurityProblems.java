package fr.dataterritoires.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The 401 and 403 problems, shared by the MVC error handler and the security filter chain. */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    /**
     * @param reason French reason when a token was presented but refused; {@code null} when there was none
     */
    public static ProblemDetail unauthorized(String reason, HttpServletRequest request) {
        String detail = reason != null ? reason
                : "Une authentification est requise : présentez un jeton d'accès (en-tête Authorization: Bearer).";
        return Problems.create(HttpStatus.UNAUTHORIZED, ProblemTypes.NON_AUTHENTIFIE, detail, request);
    }

    public static ProblemDetail forbidden(Exception cause, HttpServletRequest request) {
        String detail = cause instanceof UserFacingMessage && cause.getMessage() != null ? cause.getMessage()
                : "Vos droits ne permettent pas cette action.";
        return Problems.create(HttpStatus.FORBIDDEN, ProblemTypes.ACCES_REFUSE, detail, request);
    }
}
