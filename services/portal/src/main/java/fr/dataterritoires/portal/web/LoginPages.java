package fr.dataterritoires.portal.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenMinter;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.application.SignedInUser;
import fr.dataterritoires.portal.security.PortalAuthentication;

/**
 * The sign-in page. In production it offers the OIDC issuer (Keycloak brokering ProConnect: authorization code with
 * PKCE, handled by Spring Security under {@code /oauth2/authorization/keycloak}). Where the development issuer is
 * active (profile {@code local}; refused with {@code kubernetes}, ADR 0005) it also offers one demo user per role:
 * the portal mints that user's token with the development issuer, exactly the token every local service trusts
 * (ADR 0014).
 */
@Controller
public class LoginPages {

    private final ObjectProvider<DevTokenMinter> devIssuer;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    public LoginPages(ObjectProvider<DevTokenMinter> devIssuer, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.devIssuer = devIssuer;
        this.oidc = oidc;
    }

    @GetMapping("/connexion")
    public String page(Model model) {
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        model.addAttribute("demoUsers", devIssuer.getIfAvailable() == null ? List.of()
                : Arrays.stream(Role.values()).map(LoginPages::demo).toList());
        return "login";
    }

    @PostMapping("/connexion/developpement")
    public String devLogin(@RequestParam("role") String role, HttpServletRequest request,
                           HttpServletResponse response) {
        DevTokenMinter minter = devIssuer.getIfAvailable();
        if (minter == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Role chosen = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Rôle inconnu"));
        DevTokenRequest demo = DevUsers.demo(chosen);
        String token = minter.mint(demo);
        SignedInUser user = new SignedInUser(demo.subject(), demo.name(), List.of(chosen.name()), demo.siren());
        // a new session id on sign-in (no fixation), then the authentication kept in it
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PortalAuthentication(user, token));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : localPath(saved.getRedirectUrl()));
    }

    /** Only a path of this site: a saved request never sends the user elsewhere. */
    static String localPath(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    public record DemoUser(String role, String roleLabel, String name, String scope) {
    }

    private static DemoUser demo(Role role) {
        DevTokenRequest demo = DevUsers.demo(role);
        String scope = demo.siren() != null ? "SIREN " + demo.siren()
                : demo.region() != null ? "région " + demo.region()
                : demo.ministry() != null ? "ministère " + demo.ministry() : "";
        return new DemoUser(role.name(), SignedInUser.roleLabel(role.name()), demo.name(), scope);
    }

}
