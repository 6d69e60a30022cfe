package fr.dataterritoires.platform.security.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dataterritoires.security.dev-issuer.*}. */
@ConfigurationProperties("dataterritoires.security.dev-issuer")
public class DevIssuerProperties {

    /** On by default in the {@code local} profile only; tests opt in with {@code true}. */
    private Boolean enabled;

    /** Directory of the shared key file; default {@link DevIssuerKeys#defaultDirectory()}. */
    private String keyDir;

    /** Whether {@code GET /dev-issuer/token?role=...} mints demo tokens (handy for curl and the portal in local runs). */
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
