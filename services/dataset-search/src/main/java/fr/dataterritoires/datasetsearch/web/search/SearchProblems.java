package fr.dataterritoires.datasetsearch.web.search;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.dataterritoires.datasetsearch.application.search.InvalidSearchQueryException;
import fr.dataterritoires.datasetsearch.application.search.SearchTimeoutException;
import fr.dataterritoires.datasetsearch.application.search.SearchUnavailableException;
import fr.dataterritoires.platform.errors.FieldViolation;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

import jakarta.servlet.http.HttpServletRequest;

/** Search refusals as problem+json: the bad parameter named, the time budget as a 504 of its own type. */
@RestControllerAdvice(basePackageClasses = SearchProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SearchProblems {

    @ExceptionHandler(InvalidSearchQueryException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidSearchQueryException e, HttpServletRequest request) {
        String type = e.kind() == InvalidSearchQueryException.Kind.UNKNOWN_VALUE ? ProblemTypes.VALEUR_INCONNUE
                : ProblemTypes.PARAMETRE_INVALIDE;
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, type, e.getMessage(), request);
        if (!e.acceptedValues().isEmpty()) {
            problem.setProperty("acceptedValues", e.acceptedValues());
        }
        Problems.withErrors(problem, List.of(FieldViolation.of(e.field(), e.getMessage(), e.rejectedValue())));
        return respond(problem);
    }

    @ExceptionHandler(SearchTimeoutException.class)
    public ResponseEntity<ProblemDetail> timedOut(SearchTimeoutException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.GATEWAY_TIMEOUT, SearchProblemTypes.DELAI_DEPASSE,
                e.getMessage(), request);
        problem.setTitle(SearchProblemTypes.DELAI_DEPASSE_TITLE);
        return respond(problem);
    }

    @ExceptionHandler(SearchUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e, HttpServletRequest request) {
        return respond(Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE,
                e.getMessage(), request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
