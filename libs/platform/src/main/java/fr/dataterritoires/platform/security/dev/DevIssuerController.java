package fr.dataterritoires.platform.security.dev;

import com.nimbusds.jose.jwk.JWKSet;
import fr.dataterritoires.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The development issuer's public key set and, for local runs, a demo token endpoint answering
 * only to callers on the same machine (it hands out tokens of any role without credentials).
 */
@RestController
public class DevIssuerController {

    /** Tomcat spells IPv6 loopback in full. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final DevTokenMinter minter;
    private final boolean tokenEndpoint;

    public DevIssuerController(DevTokenMinter minter, boolean tokenEndpoint) {
        this.minter = minter;
        this.tokenEndpoint = tokenEndpoint;
    }

    @GetMapping(value = DevIssuer.JWKS_PATH, produces = "application/json")
    public Map<String, Object> jwks() {
        return new JWKSet(minter.publicKey()).toJSONObject(true);
    }

    @GetMapping(value = DevIssuer.TOKEN_PATH, produces = "application/json")
    public Map<String, Object> token(@RequestParam(defaultValue = "NATIONAL_COORDINATOR") Role role,
                                     @RequestParam(required = false) String siren,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String ministry,
                                     @RequestParam(required = false) String subject,
                                     HttpServletRequest http) {
        if (!tokenEndpoint) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!LOOPBACK.contains(http.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Les jetons de démonstration ne sont délivrés qu'aux appels locaux (127.0.0.1, ::1).");
        }
        DevTokenRequest request = DevUsers.demo(role).withRoles(Set.of(role));
        if (siren != null) {
            request = request.withSiren(siren);
        }
        if (region != null) {
            request = request.withRegion(region);
        }
        if (ministry != null) {
            request = request.withMinistry(ministry);
        }
        if (subject != null) {
            request = request.withSubject(subject);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minter.mint(request));
        body.put("token_type", "Bearer");
        body.put("expires_in", request.ttl().toSeconds());
        return body;
    }
}
