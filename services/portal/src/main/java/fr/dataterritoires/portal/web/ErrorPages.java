package fr.dataterritoires.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import fr.dataterritoires.portal.security.CurrentUser;

/**
 * Every error a browser can meet on the portal, as the portal's error page in French. The platform answers
 * problem+json, which suits the services' APIs, not a person reading pages: an address naming no page (404), a
 * malformed one (400: {@code /feuilles-de-route/abc}), a method a page does not take (405), and whatever reaches
 * {@code /error} (a form's expired CSRF token refused by Spring Security, 403; anything unexpected, 500).
 * {@link PageAdvice} does the same for the services' refusals.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    /**
     * Before the platform's {@code ProblemExceptionHandler}, which has the lowest precedence, and after
     * {@link PageAdvice}, whose handlers of the services' refusals this one's catch-all must not hide.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    public static class RequestErrors {

        private final CurrentUser currentUser;

        public RequestErrors(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @ExceptionHandler(NoResourceFoundException.class)
        public String noSuchPage(Model model, HttpServletResponse response) {
            return page(model, response, currentUser, 404);
        }

        @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class})
        public String malformed(Model model, HttpServletResponse response) {
            return page(model, response, currentUser, 400);
        }

        @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
        public String wrongMethod(Model model, HttpServletResponse response) {
            return page(model, response, currentUser, 405);
        }

        /** Anything else: logged with an identifier the person can give the support, never shown as a trace. */
        @ExceptionHandler(Exception.class)
        public String unexpected(Exception failure, HttpServletRequest request, Model model,
                                 HttpServletResponse response) throws Exception {
            if (failure instanceof org.springframework.security.access.AccessDeniedException
                    || failure instanceof org.springframework.security.core.AuthenticationException) {
                throw failure; // Spring Security's own pages: sign-in, 403
            }
            if (failure instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().value() < 500) {
                return page(model, response, currentUser, known.getStatusCode().value());
            }
            String id = java.util.UUID.randomUUID().toString();
            log.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getRequestURI(), failure);
            return show(model, response, currentUser, 500, "Une erreur est survenue", "Réessayez dans quelques "
                    + "instants. Si l'erreur persiste, communiquez au support l'identifiant " + id + ".");
        }
    }

    /** {@code /error}: replaces the platform's problem+json error controller in the portal. */
    @Controller
    public static class ErrorDispatch implements ErrorController {

        private final CurrentUser currentUser;

        public ErrorDispatch(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @RequestMapping("/error")
        public String error(HttpServletRequest request, HttpServletResponse response, Model model) {
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
            if (status >= 500) {
                Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                log.error("Error page {} for {}", status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        failure instanceof Throwable t ? t : null);
            }
            return page(model, response, currentUser, status);
        }
    }

    /** The error page with {@code status}, its French title and what to do. */
    static String show(Model model, HttpServletResponse response, CurrentUser currentUser, int status, String title,
                       String detail) {
        response.setStatus(status);
        model.addAttribute("currentUser", currentUser.user().orElse(null));
        model.addAttribute("status", status);
        model.addAttribute("errorTitle", title);
        model.addAttribute("detail", detail);
        return "error-page";
    }

    static String page(Model model, HttpServletResponse response, CurrentUser currentUser, int status) {
        return show(model, response, currentUser, status, switch (status) {
            case 400 -> "Adresse incorrecte";
            case 403 -> "Accès refusé";
            case 404 -> "Page non trouvée";
            case 405 -> "Action impossible sur cette page";
            default -> status >= 500 ? "Une erreur est survenue" : "Demande impossible";
        }, switch (status) {
            case 400 -> "L'adresse de la page est incomplète ou mal formée. Vérifiez-la, ou repartez de la page d'accueil.";
            case 403 -> "Vous n'avez pas accès à cette page, ou le formulaire a expiré : rechargez la page et recommencez.";
            case 404 -> "L'adresse ne correspond à aucune page du portail.";
            case 405 -> "Cette page ne s'utilise pas ainsi : repartez de la page précédente.";
            default -> status >= 500 ? "Réessayez dans quelques instants." : "La demande n'a pas pu aboutir.";
        });
    }
}
