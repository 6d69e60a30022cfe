package fr.dataterritoires.exchanges.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.dataterritoires.exchanges.domain.OfferFull;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

/**
 * A full offer as a problem: a 409 with {@code rule} "offre-complete". The domain's other refusals are
 * RuleViolations, mapped by the platform. OfferFull stays its own exception because the acceptance that meets it
 * does not roll back (the application goes on the waiting list): see ApplicationService.
 */
@RestControllerAdvice(basePackages = "fr.dataterritoires.exchanges.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ExchangeProblems {

    @ExceptionHandler(OfferFull.class)
    ResponseEntity<ProblemDetail> full(OfferFull ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT, ex.getMessage(), request);
        problem.setProperty("rule", "offre-complete");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
