package fr.dataterritoires.datasetsearch.web.ckan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the CKAN-compatible API in CKAN's envelope ({@code {help, success: false, error: {__type, message}}})
 * rather than problem+json: CKAN clients (ckanapi, ckanext-harvest, udata's CKAN backend) read that envelope. This
 * advice applies to {@link CkanController} only; the rest of the service keeps problem+json.
 */
@RestControllerAdvice(assignableTypes = CkanController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CkanErrors {

    private static final Logger log = LoggerFactory.getLogger(CkanErrors.class);

    @ExceptionHandler(CkanError.class)
    ResponseEntity<Map<String, Object>> refused(CkanError error, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", error.type());
        body.put("message", error.getMessage());
        error.fields().forEach(body::put);
        return envelope(error.status(), body, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        return refused(CkanError.badRequest("Le corps de la requête n'est pas un objet JSON lisible."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        return refused(CkanError.badRequest("Les paramètres s'envoient en query string, en formulaire ou en JSON."),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception ex, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("CKAN API failure {} on {}", errorId, request.getRequestURI(), ex);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", "Internal Server Error");
        body.put("message", "Erreur interne (identifiant " + errorId + ").");
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, body, request);
    }

    private static ResponseEntity<Map<String, Object>> envelope(HttpStatus status, Map<String, Object> error,
                                                                HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", CkanController.help(request));
        body.put("success", false);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
