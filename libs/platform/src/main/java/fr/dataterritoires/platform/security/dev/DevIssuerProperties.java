package fr.dataterritoires.platform.security.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.security.dev-issuer.*}. */
@ConfigurationProperties("dataterritoires.security.dev-issuer")
public class DevIssuerProperties {

    /**
     * On by default in the {@code local} profile only; tests opt in with {@code true}. Never with
     * the {@code kubernetes} profile: the service would refuse to start.
     */
    private Boolean enabled;

    /** Directory of the shared key file; default {@link DevIssuerKeys#defaultDirectory()}. */
    private String keyDir;

    /**
     * Whether {@code GET /dev-issuer/token?role=...} mints demo tokens (handy for curl and the portal
     * in local runs). Even when {@code true}, it answers only in the {@code local} profile and only
     * to loopback callers: anyone else reaching it would get a coordinator token.
     */
    private boolean tokenEndpoint = true;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getKeyDir() {
        return keyDir;
    }

    public void setKeyDir(String keyDir) {
        this.keyDir = keyDir;
    }

    public boolean isTokenEndpoint() {
        return tokenEndpoint;
    }

    public void setTokenEndpoint(boolean tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }
}
