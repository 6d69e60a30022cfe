package fr.dataterritoires.portal.web;



import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import fr.dataterritoires.portal.security.PortalClientRegistrations;

/**
 * The sign-in page: one button per OIDC issuer (production: Keycloak brokering ProConnect; locally the development
 * issuer, whose page offers a demo user per role). Each starts the authorization code flow with PKCE handled by
 * Spring Security under {@code /oauth2/authorization/<issuer>} (ADR 0014).
 */
@Controller
public class LoginPages {

    private final PortalClientRegistrations registrations;

    public LoginPages(PortalClientRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/connexion")
    public String page(Model model) {
        model.addAttribute("issuers", registrations.all().stream()
                .map(r -> new Issuer(r.getRegistrationId(), PortalClientRegistrations.DEV_ISSUER
                        .equals(r.getRegistrationId()))).toList());
        return "login";
    }

    public record Issuer(String id, boolean development) {
    }

}
