package fr.dataterritoires.commonscalls.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.dataterritoires.commonscalls.domain.CallsRuleViolation;
import fr.dataterritoires.platform.errors.FieldViolation;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

/**
 * The domain's refusals as problems: a bad value is a 400 naming the field, a state conflict a 409, a missing resource
 * a 404, any other rule a 422 carrying its {@code rule} (and the field when known).
 */
@RestControllerAdvice(basePackages = "fr.dataterritoires.commonscalls.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallsProblems {

    @ExceptionHandler(CallsRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(CallsRuleViolation ex, HttpServletRequest request) {
        ProblemDetail problem;
        if (ex instanceof CallsRuleViolation.StateConflict) {
            problem = Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT, ex.getMessage(), request);
            problem.setProperty("rule", ex.rule());
        } else if (ex instanceof CallsRuleViolation.NotFound) {
            problem = Problems.create(HttpStatus.NOT_FOUND, ProblemTypes.INTROUVABLE, ex.getMessage(), request);
        } else if (ex.isInvalidInput()) {
            problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                    "Le champ « " + ex.field() + " » est invalide : " + ex.getMessage(), request);
            Problems.withErrors(problem, List.of(FieldViolation.of(ex.field(), ex.getMessage(), null)));
        } else {
            problem = Problems.create(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REGLE_METIER, ex.getMessage(), request);
            problem.setProperty("rule", ex.rule());
            if (ex.field() != null) {
                Problems.withErrors(problem, List.of(FieldViolation.of(ex.field(), ex.getMessage(), null)));
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
