package fr.dataterritoires.platform.security.dev;

/** Constants of the development issuer (profile {@code local}, and tests that opt in). */
public final class DevIssuer {

    /** {@code iss} of every development token; the resource server accepts no other in {@code local}. */
    public static final String ISSUER = "http://localhost/dev-issuer";
    public static final String JWKS_PATH = "/dev-issuer/jwks.json";
    public static final String TOKEN_PATH = "/dev-issuer/token";
    /** OpenID Connect authorization endpoint of local runs (code flow with PKCE): {@link DevAuthorizationEndpoint}. */
    public static final String AUTHORIZE_PATH = "/dev-issuer/authorize";

    private DevIssuer() {
    }
}
