package fr.dataterritoires.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: errors that never reached a controller (raised by a filter, the
 * firewall or the container) are also answered with a problem, with no exception detail.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        PayloadTooLargeException tooLarge = ProblemExceptionHandler.findCause(exception, PayloadTooLargeException.class);
        ProblemDetail problem;
        if (tooLarge != null) {
            problem = MaxRequestSizeFilter.problem(tooLarge.maxBytes(), request);
        } else if (status >= 500) {
            String errorId = Problems.newErrorId();
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (exception != null && SqlErrorLogging.involvesSql(exception)) {
                // Database messages carry row values: class names, SQLState, constraint and frames only.
                log.error("Unexpected error {} on {}: {}", errorId, uri, SqlErrorLogging.summary(exception),
                        SqlErrorLogging.withoutMessages(exception));
            } else {
                log.error("Unexpected error {} on {}", errorId, uri, exception);
            }
            problem = Problems.internal(HttpStatusCode.valueOf(status), errorId, request);
        } else {
            String type = ProblemTypes.forStatus(status);
            String detail = switch (status) {
                case 401 -> "Une authentification est requise.";
                case 403 -> "Vos droits ne permettent pas cette action.";
                case 404 -> "La ressource demandée est introuvable.";
                case 413 -> "La requête est trop volumineuse.";
                default -> "La requête est invalide.";
            };
            problem = Problems.create(HttpStatusCode.valueOf(status), type, detail, request);
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
