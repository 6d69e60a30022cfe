package fr.dataterritoires.platform.security.dev;

import fr.dataterritoires.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The smallest real OpenID Connect authorization server for local runs: authorization code flow with PKCE (S256
 * only), so that the portal signs in locally exactly as it does with Keycloak. {@code GET /dev-issuer/authorize}
 * shows a page to pick a demo user ({@link DevUsers}, one per role) instead of asking for credentials; the choice
 * gives a one-time code (one minute) for the client's loopback redirect URI; {@code POST /dev-issuer/token} exchanges
 * it, with the PKCE verifier, for an access token and an ID token signed with the development key. Like the demo
 * token endpoint it answers only in the {@code local} profile and only to callers on the same machine, and only
 * redirects to loopback addresses.
 */
@RestController
public class DevAuthorizationEndpoint {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);

    private final DevTokenMinter minter;
    private final boolean enabled;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public DevAuthorizationEndpoint(DevTokenMinter minter, boolean enabled, Clock clock) {
        this.minter = minter;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Whether it answers (profile {@code local} and the token endpoint on): a client may offer it only then. */
    public boolean isEnabled() {
        return enabled;
    }

    record Grant(Role role, String clientId, String redirectUri, String challenge, String nonce, Instant expires) {
    }

    @GetMapping(value = DevIssuer.AUTHORIZE_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public String page(@RequestParam(name = "response_type", required = false) String responseType,
                       @RequestParam(name = "client_id", required = false) String clientId,
                       @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                       @RequestParam(name = "state", required = false) String state,
                       @RequestParam(name = "nonce", required = false) String nonce,
                       @RequestParam(name = "scope", required = false) String scope,
                       @RequestParam(name = "code_challenge", required = false) String challenge,
                       @RequestParam(name = "code_challenge_method", required = false) String method,
                       HttpServletRequest http) {
        check(http, responseType, clientId, redirectUri, challenge, method);
        StringBuilder users = new StringBuilder();
        boolean first = true;
        for (Role role : Role.values()) {
            DevTokenRequest demo = DevUsers.demo(role);
            String id = "role-" + role.name();
            users.append("<div class=\"fr-fieldset__element\"><div class=\"fr-radio-group\">")
                    .append("<input type=\"radio\" name=\"role\" id=\"").append(id).append("\" value=\"")
                    .append(role.name()).append('"').append(first ? " checked" : "").append('>')
                    .append("<label class=\"fr-label\" for=\"").append(id).append("\">")
                    .append(html(demo.name())).append(" — ").append(role.name())
                    .append(scope(demo)).append("</label></div></div>\n");
            first = false;
        }
        return """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Émetteur de développement - choisir un utilisateur</title>
                <link rel="stylesheet" href="/dsfr/dsfr.min.css"></head>
                <body><main role="main" class="fr-container fr-my-6w" id="contenu">
                <h1>Émetteur de jetons de développement</h1>
                <div class="fr-alert fr-alert--warning fr-mb-4w"><p>Environnement de développement : choisissez un
                utilisateur de démonstration. Aucun mot de passe n'est demandé ; cet émetteur n'existe pas en
                production.</p></div>
                <form method="post" action="%s">
                <fieldset class="fr-fieldset" aria-labelledby="utilisateurs-legende">
                <legend class="fr-fieldset__legend" id="utilisateurs-legende">Utilisateur de démonstration</legend>
                %s</fieldset>
                %s
                <button class="fr-btn" type="submit" id="connexion-demo">Se connecter</button>
                </form></main></body></html>
                """.formatted(DevIssuer.AUTHORIZE_PATH, users,
                hidden(Map.of("response_type", responseType, "client_id", clientId, "redirect_uri", redirectUri,
                        "state", nullToEmpty(state), "nonce", nullToEmpty(nonce), "scope", nullToEmpty(scope),
                        "code_challenge", challenge, "code_challenge_method", method)));
    }

    @PostMapping(value = DevIssuer.AUTHORIZE_PATH)
    public ResponseEntity<Void> choose(@RequestParam(name = "response_type", required = false) String responseType,
                                       @RequestParam(name = "client_id", required = false) String clientId,
                                       @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                       @RequestParam(name = "state", required = false) String state,
                                       @RequestParam(name = "nonce", required = false) String nonce,
                                       @RequestParam(name = "code_challenge", required = false) String challenge,
                                       @RequestParam(name = "code_challenge_method", required = false) String method,
                                       @RequestParam(name = "role") Role role,
                                       HttpServletRequest http) {
        check(http, responseType, clientId, redirectUri, challenge, method);
        purgeExpired();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(code, new Grant(role, clientId, redirectUri, challenge, blankToNull(nonce),
                clock.instant().plus(CODE_LIFETIME)));
        UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code);
        if (state != null && !state.isBlank()) {
            back.queryParam("state", state);
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(back.encode().build().toUri()).build();
    }

    @PostMapping(value = DevIssuer.TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                                     @RequestParam(name = "code", required = false) String code,
                                                     @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                                     @RequestParam(name = "client_id", required = false) String clientId,
                                                     @RequestParam(name = "code_verifier", required = false) String verifier,
                                                     HttpServletRequest http) {
        loopbackOnly(http);
        if (!"authorization_code".equals(grantType)) {
            return error("unsupported_grant_type", "Seul le type « authorization_code » est accepté.");
        }
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || clock.instant().isAfter(grant.expires())) {
            return error("invalid_grant", "Code inconnu, expiré ou déjà utilisé.");
        }
        if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(redirectUri)) {
            return error("invalid_grant", "Le client ou l'adresse de retour ne sont pas ceux de la demande.");
        }
        if (verifier == null || !grant.challenge().equals(s256(verifier))) {
            return error("invalid_grant", "Le vérificateur PKCE (code_verifier) ne correspond pas.");
        }
        DevTokenRequest user = DevUsers.demo(grant.role());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minter.mint(user));
        body.put("id_token", minter.mintIdToken(user, clientId, grant.nonce()));
        body.put("token_type", "Bearer");
        body.put("expires_in", user.ttl().toSeconds());
        body.put("scope", "openid");
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }

    private void check(HttpServletRequest http, String responseType, String clientId, String redirectUri,
                       String challenge, String method) {
        loopbackOnly(http);
        if (!"code".equals(responseType)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "response_type doit valoir « code ».");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "client_id est obligatoire.");
        }
        if (!loopbackRedirect(redirectUri)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "redirect_uri doit être une adresse http(s) de cette machine (127.0.0.1, localhost, [::1]).");
        }
        if (challenge == null || challenge.isBlank() || !"S256".equals(method)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "PKCE obligatoire : code_challenge avec code_challenge_method=S256.");
        }
    }

    private void loopbackOnly(HttpServletRequest http) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!LOOPBACK.contains(http.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "L'émetteur de développement ne répond qu'aux appels locaux (127.0.0.1, ::1).");
        }
    }

    static boolean loopbackRedirect(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        try {
            URI uri = URI.create(redirectUri);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost()) && uri.getUserInfo() == null
                    && uri.getFragment() == null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        grants.values().removeIf(g -> now.isAfter(g.expires()));
    }

    private static ResponseEntity<Map<String, Object>> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return ResponseEntity.badRequest().header("Cache-Control", "no-store").body(body);
    }

    private static String hidden(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                .append(html(value)).append("\">\n"));
        return out.toString();
    }

    private static String scope(DevTokenRequest demo) {
        String scope = demo.siren() != null ? "SIREN " + demo.siren()
                : demo.region() != null ? "région " + demo.region()
                : demo.ministry() != null ? "ministère " + demo.ministry() : null;
        return scope == null ? "" : " <span class=\"fr-hint-text\">" + html(scope) + "</span>";
    }

    private static String html(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
