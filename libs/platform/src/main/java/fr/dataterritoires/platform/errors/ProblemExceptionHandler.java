package fr.dataterritoires.platform.errors;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception escaping a controller into an RFC 9457 problem with a stable type and a
 * French title and detail. 5xx bodies carry only a generic message and an error id: the cause is
 * logged with that id, never sent (no stack trace, exception class or SQL).
 *
 * <p>Lowest precedence, so that a service's own {@code @RestControllerAdvice} with a higher
 * {@code @Order} can handle its exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    // ---- validation -------------------------------------------------------------------------

    @ExceptionHandler(BindException.class)
    public ResponseEntity<ProblemDetail> bindingFailed(BindException ex, HttpServletRequest request) {
        // MethodArgumentNotValidException (@Valid @RequestBody) is a BindException.
        return validation(violations(ex.getBindingResult()), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> methodValidationFailed(HandlerMethodValidationException ex,
                                                                HttpServletRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors parameterErrors) {
                for (FieldViolation v : violations(parameterErrors)) {
                    errors.add(new FieldViolation(name + "." + v.field(), v.message(), v.rejectedValue()));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(FieldViolation.of(name, error.getDefaultMessage(), result.getArgument()));
                }
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(FieldViolation.of("", error.getDefaultMessage(), null));
        }
        return validation(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintsViolated(ConstraintViolationException ex,
                                                             HttpServletRequest request) {
        List<FieldViolation> errors = ex.getConstraintViolations().stream()
                .map(v -> FieldViolation.of(path(v), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return validation(errors, request);
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldViolation> errors, HttpServletRequest request) {
        String detail = errors.size() == 1
                ? "Le champ « " + errors.getFirst().field() + " » est invalide : " + errors.getFirst().message()
                : "La requête contient " + errors.size() + " champs invalides.";
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, detail, request);
        return respond(Problems.withErrors(problem, errors), null);
    }

    @ExceptionHandler(InvalidFieldException.class)
    public ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ex.problemType(), ex.getMessage(), request);
        if (!ex.acceptedValues().isEmpty()) {
            problem.setProperty("acceptedValues", ex.acceptedValues());
        }
        return respond(Problems.withErrors(problem, List.of(
                FieldViolation.of(ex.field(), ex.reason(), ex.rejectedValue()))), null);
    }

    // ---- unreadable bodies --------------------------------------------------------------------

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        InvalidFormatException invalid = findCause(ex, InvalidFormatException.class);
        if (invalid != null && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return unknownEnumValue(jsonPath(invalid), invalid.getTargetType(), invalid.getValue(), request);
        }
        UnrecognizedPropertyException unknown = findCause(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String field = jsonPath(unknown);
            ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.PROPRIETE_INCONNUE,
                    "La propriété « " + field + " » n'est pas reconnue.", request);
            return respond(Problems.withErrors(problem, List.of(
                    FieldViolation.of(field, "propriété inconnue", null))), null);
        }
        MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch);
            String expected = describeType(mismatch.getTargetType());
            Object value = invalid != null ? invalid.getValue() : null;
            return validation(List.of(FieldViolation.of(field,
                    "valeur de type incorrect" + (expected == null ? "" : " (attendu : " + expected + ")"), value)),
                    request);
        }
        String detail = "Le corps de la requête est absent ou n'est pas un JSON valide.";
        StreamReadException syntax = findCause(ex, StreamReadException.class);
        if (syntax != null && syntax.getLocation() != null && syntax.getLocation() != TokenStreamLocation.NA) {
            detail = "Le corps de la requête n'est pas un JSON valide (ligne " + syntax.getLocation().getLineNr()
                    + ", colonne " + syntax.getLocation().getColumnNr() + ").";
        }
        log.debug("Unreadable request body on {}", request.getRequestURI(), ex);
        return respond(Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.REQUETE_ILLISIBLE, detail, request), null);
    }

    /**
     * A {@code multipart/form-data} body that cannot be parsed (no boundary, another boundary than declared, cut
     * short): Spring parses any multipart request before choosing the handler, so this reaches every endpoint, even
     * one that does not read forms. The request's fault: a 400, not a 500.
     */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex, HttpServletRequest request) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return respond(Problems.create(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.CHARGE_TROP_GRANDE,
                    "Le fichier envoyé est trop volumineux.", request), null);
        }
        PayloadTooLargeException payload = findCause(ex, PayloadTooLargeException.class);
        if (payload != null) {
            return payloadTooLarge(payload, request);
        }
        log.debug("Unreadable multipart body on {}", request.getRequestURI(), ex);
        return respond(Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.REQUETE_ILLISIBLE,
                "Le corps multipart/form-data de la requête est mal formé (délimiteur absent ou différent de celui "
                        + "déclaré, corps tronqué).", request), null);
    }

    private ResponseEntity<ProblemDetail> unknownEnumValue(String field, Class<?> enumType, Object value,
                                                           HttpServletRequest request) {
        String accepted = Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALEUR_INCONNUE,
                "La valeur « " + FieldViolation.safeValue(value) + " » du champ « " + field
                        + " » est inconnue. Valeurs acceptées : " + accepted + ".",
                request);
        problem.setProperty("acceptedValues", Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name()).toList());
        return respond(Problems.withErrors(problem, List.of(FieldViolation.of(field,
                "valeur inconnue ; valeurs acceptées : " + accepted, value))), null);
    }

    // ---- parameters ---------------------------------------------------------------------------

    @ExceptionHandler(TypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException ex, HttpServletRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        if (required != null && required.isEnum()) {
            return unknownEnumValue(name, required, ex.getValue(), request);
        }
        String expected = describeType(required);
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.PARAMETRE_INVALIDE,
                "Le paramètre « " + name + " » a une valeur invalide"
                        + (expected == null ? "." : " (attendu : " + expected + ")."),
                request);
        return respond(Problems.withErrors(problem, List.of(FieldViolation.of(name,
                "valeur au format invalide" + (expected == null ? "" : " (attendu : " + expected + ")"),
                ex.getValue()))), null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            MissingServletRequestPartException.class})
    public ResponseEntity<ProblemDetail> missing(Exception ex, HttpServletRequest request) {
        String name;
        String kind;
        if (ex instanceof MissingServletRequestParameterException p) {
            name = p.getParameterName();
            kind = "paramètre";
        } else if (ex instanceof MissingRequestHeaderException h) {
            name = h.getHeaderName();
            kind = "en-tête";
        } else {
            name = ((MissingServletRequestPartException) ex).getRequestPartName();
            kind = "partie";
        }
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.PARAMETRE_MANQUANT,
                "Le " + kind + " « " + name + " » est obligatoire.", request);
        return respond(Problems.withErrors(problem, List.of(FieldViolation.of(name, "obligatoire", null))), null);
    }

    // ---- domain -------------------------------------------------------------------------------

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
        return respond(Problems.create(HttpStatus.NOT_FOUND, ProblemTypes.INTROUVABLE, ex.getMessage(), request), null);
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(ConflictException ex, HttpServletRequest request) {
        return respond(Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT, ex.getMessage(), request), null);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    public ResponseEntity<ProblemDetail> concurrentModification(Exception ex, HttpServletRequest request) {
        log.info("Concurrent modification on {}: {}", request.getRequestURI(),
                SqlErrorLogging.involvesSql(ex) ? SqlErrorLogging.summary(ex) : ex.toString());
        return respond(Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT,
                "La ressource a été modifiée entre-temps. Rechargez-la puis recommencez.", request), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
        // The message holds SQL and row values (personal data): neither returned nor logged.
        log.warn("Data integrity violation on {}: {}", request.getRequestURI(), SqlErrorLogging.summary(ex),
                SqlErrorLogging.withoutMessages(ex));
        return respond(Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT,
                "La modification contredit des données existantes (doublon ou référence inexistante).", request),
                null);
    }

    @ExceptionHandler(GoneException.class)
    public ResponseEntity<ProblemDetail> gone(GoneException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.GONE, ex.problemType(), ex.getMessage(), request);
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return respond(problem, null);
    }

    @ExceptionHandler(TimeBudgetExceededException.class)
    public ResponseEntity<ProblemDetail> timeBudgetExceeded(TimeBudgetExceededException ex,
                                                            HttpServletRequest request) {
        log.debug("Time budget exceeded on {} {}", request.getMethod(), request.getRequestURI());
        return respond(Problems.create(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.DELAI_DEPASSE, ex.getMessage(),
                request), null);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException ex, HttpServletRequest request) {
        log.warn("Dependency unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                ex.getCause() == null ? "" : ex.getCause().toString());
        ProblemDetail problem = Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_INDISPONIBLE,
                ex.getMessage(), request);
        HttpHeaders headers = null;
        if (ex.dependency() != null) {
            problem.setProperty("dependency", ex.dependency());
        }
        if (ex.retryAfter() != null) {
            headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
        }
        return respond(problem, headers);
    }

    /**
     * A domain's refusal ({@link DomainRuleViolation} included): a state conflict is a 409 with its {@code rule}, a
     * missing thing a 404, an invalid value a 400 naming the field like Bean Validation, any other rule a 422 with
     * its {@code rule} (and the field in {@code errors} when known).
     */
    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolated(RuleViolation ex, HttpServletRequest request) {
        ProblemDetail problem;
        if (ex instanceof RuleViolation.StateConflict) {
            problem = Problems.create(HttpStatus.CONFLICT, ProblemTypes.CONFLIT, ex.getMessage(), request);
            problem.setProperty("rule", ex.rule());
        } else if (ex instanceof RuleViolation.NotFound) {
            problem = Problems.create(HttpStatus.NOT_FOUND, ProblemTypes.INTROUVABLE, ex.getMessage(), request);
        } else if (ex.isInvalidInput()) {
            problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                    "Le champ « " + ex.field() + " » est invalide : " + ex.getMessage(), request);
            Problems.withErrors(problem, List.of(FieldViolation.of(ex.field(), ex.getMessage(), null)));
        } else {
            problem = Problems.create(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REGLE_METIER, ex.getMessage(),
                    request);
            problem.setProperty("rule", ex.rule());
            if (ex.field() != null) {
                Problems.withErrors(problem, List.of(FieldViolation.of(ex.field(), ex.getMessage(), null)));
            }
        }
        return respond(problem, null);
    }

    // ---- security (thrown inside controllers and services) --------------------------------------

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return unauthenticated(request);
        }
        return respond(SecurityProblems.forbidden(ex, request), null);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<ProblemDetail> authentication(AuthenticationException ex, HttpServletRequest request) {
        return unauthenticated(request);
    }

    private ResponseEntity<ProblemDetail> unauthenticated(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return respond(SecurityProblems.unauthorized(null, request), headers);
    }

    @ExceptionHandler(UnsupportedContentException.class)
    public ResponseEntity<ProblemDetail> unsupportedContent(UnsupportedContentException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.TYPE_MEDIA_NON_SUPPORTE,
                ex.getMessage(), request);
        problem.setProperty("detectedFormat", ex.detectedFormat());
        return respond(problem, null);
    }

    // ---- size ---------------------------------------------------------------------------------

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex, HttpServletRequest request) {
        return respond(MaxRequestSizeFilter.problem(ex.maxBytes(), request), null);
    }

    // ---- Spring MVC's own exceptions and everything else ----------------------------------------

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void clientGone(AsyncRequestNotUsableException ex) {
        // The client went away: nothing can be written.
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> other(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse errorResponse && errorResponse.getStatusCode().is4xxClientError()) {
            return clientError(ex, errorResponse, request);
        }
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        if (SqlErrorLogging.statementTimedOut(ex)) {
            // the database's time budget (statement_timeout) ran out: a slow request, not a failure of the service
            log.warn("Statement time budget exceeded on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    SqlErrorLogging.summary(ex));
            return respond(Problems.create(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.DELAI_DEPASSE,
                    "La requête a dépassé le temps de traitement autorisé. Précisez-la ou réessayez plus tard.",
                    request), null);
        }
        HttpStatusCode status = ex instanceof ErrorResponse er ? er.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        String errorId = Problems.newErrorId();
        if (SqlErrorLogging.involvesSql(ex)) {
            // Database messages carry row values: class names, SQLState, constraint and frames only.
            log.error("Unexpected error {} on {} {}: {}", errorId, request.getMethod(), request.getRequestURI(),
                    SqlErrorLogging.summary(ex), SqlErrorLogging.withoutMessages(ex));
        } else {
            log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), ex);
        }
        return respond(Problems.internal(status, errorId, request), null);
    }

    private ResponseEntity<ProblemDetail> clientError(Exception ex, ErrorResponse errorResponse,
                                                      HttpServletRequest request) {
        HttpStatusCode status = errorResponse.getStatusCode();
        String type = ProblemTypes.forStatus(status.value());
        ProblemDetail body = errorResponse.getBody();
        if (ex instanceof ResponseStatusException rse && !rse.getClass().getName().startsWith("org.springframework.")
                && body.getType() != null && !"about:blank".equals(body.getType().toString())) {
            type = body.getType().toString(); // a service's own exception chose its type
        }
        String detail = switch (ex) {
            case HttpRequestMethodNotSupportedException m -> "La méthode " + m.getMethod()
                    + " n'est pas autorisée sur cette ressource"
                    + (m.getSupportedHttpMethods() == null || m.getSupportedHttpMethods().isEmpty() ? "."
                    : ". Méthodes acceptées : " + m.getSupportedHttpMethods().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".");
            case HttpMediaTypeNotSupportedException m -> "Le type de contenu "
                    + (m.getContentType() == null ? "(absent)" : "« " + m.getContentType() + " »")
                    + " n'est pas pris en charge"
                    + (m.getSupportedMediaTypes().isEmpty() ? "." : ". Types acceptés : "
                    + m.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "))
                    + ".");
            case NoResourceFoundException n -> "Aucune ressource ne correspond à « /" + n.getResourcePath() + " ».";
            case NoHandlerFoundException n -> "Aucune ressource ne correspond à « " + n.getRequestURL() + " ».";
            case ResponseStatusException rse when rse.getReason() != null
                    && !rse.getClass().getName().startsWith("org.springframework.") -> rse.getReason();
            default -> defaultDetail(status.value());
        };
        log.debug("Client error {} on {}: {}", status.value(), request.getRequestURI(), ex.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(errorResponse.getHeaders());
        return respond(Problems.create(status, type, detail, request), headers);
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "La ressource demandée est introuvable.";
            case 405 -> "Cette méthode n'est pas autorisée sur cette ressource.";
            case 406 -> "Le format de réponse demandé n'est pas disponible ; utilisez application/json.";
            case 409 -> "La requête est en conflit avec l'état actuel de la ressource.";
            case 413 -> "La requête est trop volumineuse.";
            case 415 -> "Ce type de contenu n'est pas pris en charge.";
            case 422 -> "La requête ne respecte pas une règle métier.";
            default -> "La requête est invalide.";
        };
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        // The content type is preset so that the problem is written whatever the Accept header says.
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static List<FieldViolation> violations(Errors result) {
        List<FieldViolation> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            String message = error.isBindingFailure() ? "valeur au format invalide" : error.getDefaultMessage();
            errors.add(FieldViolation.of(error.getField(), message, error.getRejectedValue()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(FieldViolation.of("", error.getDefaultMessage(), null));
        }
        errors.sort(Comparator.comparing(FieldViolation::field));
        return errors;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    /** Property path of a violation without the method and parameter-index noise of method validation. */
    private static String path(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = name + "[" + node.getKey() + "]";
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        return String.join(".", parts);
    }

    static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "nombre entier";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false";
        }
        if (type == java.util.UUID.class) {
            return "identifiant UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "date AAAA-MM-JJ";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date et heure ISO 8601";
        }
        if (type == String.class) {
            return "texte";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "liste";
        }
        return "objet";
    }

    static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        Throwable current = ex;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
