package fr.dataterritoires.datasetsearch.web.catalogue;

import java.time.Instant;
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

import fr.dataterritoires.platform.errors.FieldViolation;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;

/** The catalogue's own problems: a withdrawn dataset (410) and domain-level field refusals (400). */
@RestControllerAdvice(assignableTypes = {DatasetController.class, SourceController.class, HarvestRunController.class,
        IndexController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CatalogueProblems {

    /** 410: the dataset existed and was withdrawn from every source that carried it. */
    public static final String WITHDRAWN = ProblemTypes.BASE + "jeu-de-donnees-retire";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Le champ « " + ex.field() + " » est invalide : " + ex.getMessage(), request);
        Problems.withErrors(problem, List.of(FieldViolation.of(ex.field(), ex.getMessage(), ex.rejected())));
        return respond(problem);
    }

    static ResponseEntity<ProblemDetail> withdrawn(String id, String title, Instant withdrawnAt,
                                                   HttpServletRequest request) {
        String detail = "Le jeu de données " + (title == null ? id : "« " + title + " » (" + id + ")")
                + " a été retiré : aucune des sources qui le publiaient ne le propose plus"
                + (withdrawnAt == null ? "." : " depuis le " + withdrawnAt + ".");
        ProblemDetail problem = Problems.create(HttpStatus.GONE, WITHDRAWN, detail, request);
        problem.setTitle("Jeu de données retiré");
        problem.setProperty("datasetId", id);
        if (withdrawnAt != null) {
            problem.setProperty("withdrawnAt", withdrawnAt.toString());
        }
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
