package fr.dataterritoires.platform.grpc;

import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.DomainRuleViolation;
import fr.dataterritoires.platform.errors.GoneException;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;
import fr.dataterritoires.platform.errors.ServiceUnavailableException;
import fr.dataterritoires.platform.errors.SqlErrorLogging;
import fr.dataterritoires.platform.errors.TimeBudgetExceededException;
import fr.dataterritoires.platform.errors.UserFacingMessage;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Turns an exception escaping a gRPC method (thrown, or passed to {@code onError}) into a status
 * with a French description, the same mapping as the REST problems of {@code platform.errors}:
 *
 * <table>
 * <caption>exception → status</caption>
 * <tr><td>{@link NotFoundException}, {@link GoneException}</td><td>NOT_FOUND</td></tr>
 * <tr><td>{@link RuleViolation.NotFound}</td><td>NOT_FOUND</td></tr>
 * <tr><td>{@link RuleViolation.StateConflict}</td><td>ABORTED (trailer {@code dt-rule})</td></tr>
 * <tr><td>{@link RuleViolation#invalid} (the description names the field)</td><td>INVALID_ARGUMENT</td></tr>
 * <tr><td>any other {@link RuleViolation}, {@link DomainRuleViolation} included</td><td>FAILED_PRECONDITION
 * (trailer {@code dt-rule})</td></tr>
 * <tr><td>{@link ConflictException}, optimistic/pessimistic locking, integrity violation</td><td>ABORTED</td></tr>
 * <tr><td>Bean Validation, {@link InvalidFieldException} (the description names the field),
 * {@link IllegalArgumentException}</td><td>INVALID_ARGUMENT</td></tr>
 * <tr><td>{@link TimeBudgetExceededException}</td><td>DEADLINE_EXCEEDED</td></tr>
 * <tr><td>a statement cancelled by PostgreSQL's statement_timeout (SQLState 57014)</td><td>DEADLINE_EXCEEDED</td></tr>
 * <tr><td>{@link ServiceUnavailableException}</td><td>UNAVAILABLE</td></tr>
 * <tr><td>{@link AuthenticationException}</td><td>UNAUTHENTICATED</td></tr>
 * <tr><td>{@link AccessDeniedException}</td><td>PERMISSION_DENIED</td></tr>
 * <tr><td>a {@link StatusException}/{@link StatusRuntimeException}</td><td>its own status</td></tr>
 * <tr><td>anything else</td><td>INTERNAL, generic description and an error id (trailer
 * {@code dt-error-id}); the cause is logged with that id, never sent (database errors without their
 * messages, see {@link SqlErrorLogging})</td></tr>
 * </table>
 *
 * Every translated status carries the REST problem type in the trailer {@code dt-problem-type}.
 * Runs before Spring gRPC's own security handler (English descriptions).
 */
public class GrpcStatusTranslator implements GrpcExceptionHandler, Ordered {

    /** The {@link ProblemTypes} URI matching the status. */
    public static final Metadata.Key<String> PROBLEM_TYPE = Metadata.Key.of("dt-problem-type",
            Metadata.ASCII_STRING_MARSHALLER);
    /** The stable rule code of a {@link RuleViolation} (a 422-like refusal or a state conflict). */
    public static final Metadata.Key<String> RULE = Metadata.Key.of("dt-rule", Metadata.ASCII_STRING_MARSHALLER);
    /** The id under which an internal error was logged, to quote to support. */
    public static final Metadata.Key<String> ERROR_ID = Metadata.Key.of("dt-error-id",
            Metadata.ASCII_STRING_MARSHALLER);

    static final String UNAUTHENTICATED_DETAIL =
            "Authentification requise : jeton d'accès absent, invalide ou expiré.";
    static final String FORBIDDEN_DETAIL = "Vous n'avez pas les droits nécessaires pour cette opération.";
    static final String INVALID_DETAIL = "La requête contient une valeur invalide.";
    static final String INTERNAL_DETAIL = "Une erreur inattendue s'est produite. Si elle persiste, communiquez "
            + "l'identifiant %s au support.";

    private static final Logger log = LoggerFactory.getLogger(GrpcStatusTranslator.class);
    private static final String OUR_PACKAGE = "fr.dataterritoires.";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public StatusException handleException(Throwable exception) {
        return switch (exception) {
            case StatusException e -> e;
            case StatusRuntimeException e -> new StatusException(e.getStatus(), e.getTrailers());
            case NotFoundException e -> status(Status.NOT_FOUND, ProblemTypes.INTROUVABLE, e.getMessage());
            case GoneException e -> status(Status.NOT_FOUND, e.problemType(), e.getMessage());
            case InvalidFieldException e -> status(Status.INVALID_ARGUMENT, e.problemType(), fieldDetail(e));
            case TimeBudgetExceededException e -> status(Status.DEADLINE_EXCEEDED, ProblemTypes.DELAI_DEPASSE,
                    e.getMessage());
            case ServiceUnavailableException e -> {
                log.warn("Dependency unavailable in a gRPC call: {}", e.getCause() == null ? "" : e.getCause().toString());
                yield status(Status.UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE, e.getMessage());
            }
            case RuleViolation.NotFound e -> status(Status.NOT_FOUND, ProblemTypes.INTROUVABLE, e.getMessage());
            case RuleViolation.StateConflict e -> withRule(status(Status.ABORTED, ProblemTypes.CONFLIT,
                    e.getMessage()), e);
            case RuleViolation e when e.isInvalidInput() -> status(Status.INVALID_ARGUMENT, ProblemTypes.VALIDATION,
                    "Le champ « " + e.field() + " » est invalide : " + e.getMessage());
            case RuleViolation e -> withRule(status(Status.FAILED_PRECONDITION, ProblemTypes.REGLE_METIER,
                    e.getMessage()), e);
            case ConflictException e -> status(Status.ABORTED, ProblemTypes.CONFLIT, e.getMessage());
            case OptimisticLockingFailureException e -> status(Status.ABORTED, ProblemTypes.CONFLIT,
                    "La ressource a été modifiée entre-temps. Rechargez-la puis recommencez.");
            case PessimisticLockingFailureException e -> status(Status.ABORTED, ProblemTypes.CONFLIT,
                    "La ressource a été modifiée entre-temps. Rechargez-la puis recommencez.");
            case DataIntegrityViolationException e -> {
                // The message holds SQL and row values (personal data): neither returned nor logged.
                log.warn("Data integrity violation in a gRPC call: {}", SqlErrorLogging.summary(e),
                        SqlErrorLogging.withoutMessages(e));
                yield status(Status.ABORTED, ProblemTypes.CONFLIT,
                        "La modification contredit des données existantes (doublon ou référence inexistante).");
            }
            case ConstraintViolationException e -> status(Status.INVALID_ARGUMENT, ProblemTypes.VALIDATION,
                    validationDetail(e));
            case IllegalArgumentException e -> status(Status.INVALID_ARGUMENT, ProblemTypes.REQUETE_INVALIDE,
                    userMessageOr(e, INVALID_DETAIL));
            case AuthenticationException e -> status(Status.UNAUTHENTICATED, ProblemTypes.NON_AUTHENTIFIE,
                    UNAUTHENTICATED_DETAIL);
            case AccessDeniedException e -> status(Status.PERMISSION_DENIED, ProblemTypes.ACCES_REFUSE,
                    e instanceof UserFacingMessage ? e.getMessage() : FORBIDDEN_DETAIL);
            case Throwable e when SqlErrorLogging.statementTimedOut(e) -> {
                log.warn("Statement time budget exceeded in a gRPC call: {}", SqlErrorLogging.summary(e));
                yield status(Status.DEADLINE_EXCEEDED, ProblemTypes.DELAI_DEPASSE,
                        "La requête a dépassé le temps de traitement autorisé. Précisez-la ou réessayez plus tard.");
            }
            default -> internal(exception);
        };
    }

    private static StatusException internal(Throwable exception) {
        String errorId = Problems.newErrorId();
        if (SqlErrorLogging.involvesSql(exception)) {
            // Database messages carry row values: class names, SQLState, constraint and frames only.
            log.error("Unexpected error {} in a gRPC call: {}", errorId, SqlErrorLogging.summary(exception),
                    SqlErrorLogging.withoutMessages(exception));
        } else {
            log.error("Unexpected error {} in a gRPC call", errorId, exception);
        }
        StatusException status = status(Status.INTERNAL, ProblemTypes.ERREUR_INTERNE, INTERNAL_DETAIL.formatted(errorId));
        status.getTrailers().put(ERROR_ID, errorId);
        return status;
    }

    private static StatusException withRule(StatusException status, RuleViolation violation) {
        status.getTrailers().put(RULE, violation.rule());
        return status;
    }

    private static StatusException status(Status status, String problemType, String description) {
        Metadata trailers = new Metadata();
        trailers.put(PROBLEM_TYPE, problemType);
        // No cause attached: nothing of the exception but the chosen description leaves the server.
        return new StatusException(status.withDescription(description), trailers);
    }

    /** The detail, which names the field; prefixed with it when a service's sentence does not. */
    private static String fieldDetail(InvalidFieldException e) {
        String detail = e.getMessage();
        return detail.contains("« " + e.field() + " »") ? detail : "Champ « " + e.field() + " » : " + detail;
    }

    private static String validationDetail(ConstraintViolationException e) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> String.valueOf(v.getPropertyPath())))
                .toList();
        if (violations.size() == 1) {
            ConstraintViolation<?> v = violations.getFirst();
            return "Le champ « " + leaf(v) + " » est invalide : " + v.getMessage();
        }
        return "La requête contient " + violations.size() + " champs invalides.";
    }

    private static String leaf(ConstraintViolation<?> violation) {
        String path = String.valueOf(violation.getPropertyPath());
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * The project writes its own exception messages in French for users; messages from the JDK
     * or libraries (class names, parser internals) are replaced by a generic one.
     */
    private static String userMessageOr(RuntimeException e, String generic) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return generic;
        }
        if (e instanceof UserFacingMessage) {
            return message;
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().startsWith(OUR_PACKAGE)) {
            return message;
        }
        log.debug("Invalid argument in a gRPC call: {}", e.toString());
        return generic;
    }
}
