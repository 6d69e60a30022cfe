package fr.dataterritoires.portal.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import fr.dataterritoires.platform.security.dev.DevAuthorizationEndpoint;
import fr.dataterritoires.platform.security.dev.DevIssuer;

/**
 * The OIDC issuers the portal signs in with: those configured under {@code spring.security.oauth2.client.*}
 * (production: Keycloak, {@code application-kubernetes.yml}) and, where the development issuer's authorization
 * endpoint answers (profile {@code local}), the development issuer of this very process, {@code dev-issuer}: the same
 * authorization code flow with PKCE, on {@code http://127.0.0.1:<port>/dev-issuer/...} (the port is read when first
 * needed, so that a random test port works).
 */
public final class PortalClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    public static final String DEV_ISSUER = "dev-issuer";
    /** The client id the portal has at every issuer (Keycloak's realm declares a public client of that name). */
    public static final String CLIENT_ID = "portal";

    private final Map<String, ClientRegistration> configured;
    private final ObjectProvider<DevAuthorizationEndpoint> devIssuer;
    private final ApplicationContext context;
    private volatile ClientRegistration dev;

    public PortalClientRegistrations(OAuth2ClientProperties properties,
                                     ObjectProvider<DevAuthorizationEndpoint> devIssuer, ApplicationContext context) {
        this.configured = new LinkedHashMap<>(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
        this.devIssuer = devIssuer;
        this.context = context;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (DEV_ISSUER.equals(registrationId) && !configured.containsKey(DEV_ISSUER)) {
            return devRegistration();
        }
        return configured.get(registrationId);
    }

    /** Every issuer offered on the sign-in page, in order. */
    public List<ClientRegistration> all() {
        List<ClientRegistration> all = new ArrayList<>(configured.values());
        ClientRegistration local = configured.containsKey(DEV_ISSUER) ? null : devRegistration();
        if (local != null) {
            all.add(local);
        }
        return all;
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return all().iterator();
    }

    private ClientRegistration devRegistration() {
        DevAuthorizationEndpoint endpoint = devIssuer.getIfAvailable();
        if (endpoint == null || !endpoint.isEnabled()) {
            return null;
        }
        ClientRegistration registration = dev;
        if (registration == null) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            registration = ClientRegistration.withRegistrationId(DEV_ISSUER)
                    .clientName("l'émetteur de développement")
                    .clientId(CLIENT_ID)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid")
                    .authorizationUri(base + DevIssuer.AUTHORIZE_PATH)
                    .tokenUri(base + DevIssuer.TOKEN_PATH)
                    .jwkSetUri(base + DevIssuer.JWKS_PATH)
                    .userNameAttributeName("sub")
                    .build();
            dev = registration;
        }
        return registration;
    }
}
