package fr.dataterritoires.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.ServiceUnavailable;
import fr.dataterritoires.portal.application.SignedInUser;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * What every page gets (the signed-in user for the header) and the pages shown when a service refuses (404, 410, …)
 * or cannot answer (503): a DSFR error page in French, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final CurrentUser currentUser;

    public PageAdvice(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("currentUser")
    public SignedInUser currentUser() {
        return currentUser.user().orElse(null);
    }

    @ExceptionHandler(ServiceRefusal.class)
    public String refused(ServiceRefusal refusal, Model model, HttpServletResponse response) {
        int status = switch (refusal.status()) {
            case 400, 401, 403, 404, 410 -> refusal.status();
            default -> 422;
        };
        return ErrorPages.show(model, response, currentUser, status, switch (status) {
            case 404 -> "Page non trouvée";
            case 410 -> "Ce jeu de données a été retiré du catalogue";
            case 401 -> "Votre session a expiré";
            case 403 -> "Accès refusé";
            default -> refusal.title();
        }, refusal.status() == 401
                ? "Reconnectez-vous pour continuer : votre jeton d'accès n'est plus valide." : refusal.detail());
    }

    @ExceptionHandler(ServiceUnavailable.class)
    public String unavailable(ServiceUnavailable unavailable, Model model, HttpServletResponse response) {
        log.warn("Service unavailable: {}", unavailable.getMessage());
        response.setHeader("Retry-After", "30");
        return ErrorPages.show(model, response, currentUser, 503, "Service momentanément indisponible",
                switch (unavailable.service()) {
                    case "roadmaps" -> "Le service des feuilles de route";
                    case "dataset-search" -> "Le catalogue des données";
                    case "commons-calls" -> "Le service des appels à communs";
                    case "exchanges" -> "Le service des échanges";
                    case "replication" -> "Le registre des initiatives";
                    default -> "Le service";
                } + " ne répond pas pour le moment. Réessayez dans quelques instants.");
    }
}
