package fr.dataterritoires.roadmaps.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;
import fr.dataterritoires.roadmaps.application.roadmap.DatasetReferencesUnavailableException;

/**
 * A dependency that cannot answer (dataset-search for the dataset references) as a 503 problem with a
 * {@code Retry-After}: the change was refused and nothing was written, the caller may send it again.
 */
@RestControllerAdvice(basePackages = "fr.dataterritoires.roadmaps.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DependencyProblems {

    /** Seconds: about the time the circuit breaker stays open. */
    static final String RETRY_AFTER = "30";

    @ExceptionHandler(DatasetReferencesUnavailableException.class)
    ResponseEntity<ProblemDetail> catalogueUnavailable(DatasetReferencesUnavailableException ex,
                                                       HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE,
                ex.getMessage(), request);
        problem.setProperty("dependency", "dataset-search");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
