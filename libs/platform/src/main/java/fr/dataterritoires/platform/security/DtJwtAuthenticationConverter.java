package fr.dataterritoires.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps a validated JWT to the suite's authorities and actor: the {@code roles} claim gives
 * {@code ROLE_<role>} authorities (Keycloak's {@code realm_access.roles} is read when the flat claim
 * is absent), the {@code scope} claim gives the usual {@code SCOPE_<scope>} ones (service
 * clients), and {@code region}, {@code ministry}, {@code siren} give the actor's scope. A scope
 * claim with a malformed value is dropped (logged), so that it can never widen access. Scopes are
 * carried as the token states them, not bound to a role here: {@link Ownership} checks each one
 * together with the role it belongs to.
 */
public class DtJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(DtJwtAuthenticationConverter.class);
    private static final Pattern REGION = Pattern.compile("\\d{2}");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern MINISTRY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        DtPrincipal actor = toPrincipal(jwt);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        Collection<GrantedAuthority> scopeAuthorities = scopes.convert(jwt);
        if (scopeAuthorities != null) {
            authorities.addAll(scopeAuthorities);
        }
        return new DtAuthenticationToken(jwt, authorities, actor);
    }

    /** The actor described by a token's claims. */
    public static DtPrincipal toPrincipal(Jwt jwt) {
        Map<String, Object> claims = jwt.getClaims();
        String subject = jwt.getSubject();
        String name = firstNonBlank(jwt.getClaimAsString(DtClaims.NAME),
                jwt.getClaimAsString(DtClaims.PREFERRED_USERNAME), subject);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : roleNames(claims)) {
            Role.parse(value).ifPresent(roles::add);
        }
        return new DtPrincipal(subject, name, roles,
                scope(jwt, DtClaims.REGION, REGION),
                scope(jwt, DtClaims.MINISTRY, MINISTRY),
                scope(jwt, DtClaims.SIREN, SIREN));
    }

    private static List<String> roleNames(Map<String, Object> claims) {
        Object value = claims.get(DtClaims.ROLES);
        if (value == null && claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            value = realmAccess.get("roles");
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    names.add(part);
                }
            }
        }
        return names;
    }

    private static String scope(Jwt jwt, String claim, Pattern format) {
        Object raw = jwt.getClaims().get(claim);
        if (raw == null) {
            return null;
        }
        String value = String.valueOf(raw).trim();
        if (!format.matcher(value).matches()) {
            log.warn("Ignoring malformed '{}' claim in token of subject {}", claim, jwt.getSubject());
            return null;
        }
        return value;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
